import Foundation
import WardCore

extension Store {
    /// Checks a new PIN or passphrase against the ward's policy.
    public static func checkSecret(_ secret: String, policy: SecurityPolicy) throws(CommandRefusal) {
        let kind = policy.pinDigitsOnly ? "PIN" : "passphrase"
        if secret.count < policy.pinMinLength {
            throw CommandRefusal(.invalid, "The \(kind) is too short: use at least \(policy.pinMinLength) \(policy.pinDigitsOnly ? "digits" : "characters").")
        }
        if policy.pinDigitsOnly && !secret.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) {
            throw CommandRefusal(.invalid, "The PIN must be digits 0–9 only.")
        }
        if secret.unicodeScalars.contains(where: InputText.isControl) {
            throw CommandRefusal(.invalid, "The \(kind) contains a control character; use letters, digits and punctuation.")
        }
        if secret.utf8.count > 256 {
            throw CommandRefusal(.invalid, "The \(kind) is longer than 256 bytes; choose a shorter one.")
        }
    }

    /// A valid staff ID (trimmed), or a refusal saying what one looks like.
    public static func checkStaffID(_ id: String) throws(CommandRefusal) -> String {
        let t = id.trimmingCharacters(in: .whitespaces)
        let ok = !t.isEmpty && t.count <= 32 && t.unicodeScalars.allSatisfy {
            ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        }
        guard ok else {
            throw CommandRefusal(.invalid, "A staff ID is 1–32 letters, digits, '-', '_' or '.', e.g. N1042.")
        }
        return t
    }

    private static func hashed(_ secret: String, policy: SecurityPolicy) throws(CommandRefusal) -> String {
        try checkSecret(secret, policy: policy)
        guard let h = SecretHasher.hash(secret) else {
            throw CommandRefusal(.storage, "Could not hash the PIN (out of memory); try again.")
        }
        return h
    }

    /// True when the database has no staff yet (a fresh `wardline init`).
    public func hasStaff() throws -> Bool {
        try read { db in try db.scalar(Bool.self, "SELECT EXISTS (SELECT 1 FROM staff)") ?? false }
    }

    /// Creates the first admin of a new database. Refused once any staff exist.
    public func createFirstAdmin(staffID: String, name: String, secret: String, terminal: String,
                                 policy: SecurityPolicy) throws(CommandRefusal) -> StaffMember {
        let sid = try Self.checkStaffID(staffID)
        let nm = try cleaned(name, "Name", max: 100)
        let hash = try Self.hashed(secret, policy: policy)
        let now = clock.now()
        return try write { db in
            guard try db.scalar(Int.self, "SELECT count(*) FROM staff") == 0 else {
                throw CommandRefusal(.conflict, "This database already has staff; sign in as an admin and use `wardline staff add`.")
            }
            let m = try Self.insertStaff(db, sid, nm, .admin, hash, now)
            try AuditChain.append(db, at: now, actor: "(setup)", terminal: terminal, action: "staff.add",
                                  details: ["staffID": .string(sid), "name": .string(nm), "role": .string("admin"), "first": true])
            return m
        }
    }

    /// Adds a staff member (admin only). The PIN is kept only as an argon2id hash.
    public func addStaff(staffID: String, name: String, role: StaffRole, secret: String,
                         policy: SecurityPolicy, session: Session) throws(CommandRefusal) -> StaffMember {
        let sid = try Self.checkStaffID(staffID)
        let nm = try cleaned(name, "Name", max: 100)
        let hash = try Self.hashed(secret, policy: policy)
        try checkRoleFits(role)
        return try command("staff.add", .manageStaff, session: session) { db, actor, now in
            if let other = try db.scalar(String.self, "SELECT name FROM staff WHERE staff_id = ?", [sid]) {
                throw CommandRefusal(.conflict, "Staff ID \(sid) is already used by \(InputText.visible(other)); choose another ID.")
            }
            let m = try Self.insertStaff(db, sid, nm, role, hash, now)
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "staff.add",
                                  details: ["staffID": .string(sid), "name": .string(nm), "role": .string(role.rawValue)])
            return m
        }
    }

    private static func insertStaff(_ db: any SQLTx, _ sid: String, _ name: String, _ role: StaffRole,
                                    _ hash: String, _ now: Date) throws -> StaffMember {
        let id = try db.insert("INSERT INTO staff(staff_id, name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                               [sid, name, role.rawValue, hash, Timestamp.text(now)])
        return StaffMember(id: id, staffID: sid, name: name, role: role)
    }

    /// Every staff member, disabled ones included (admin only).
    public func listStaff(session: Session) throws(CommandRefusal) -> [StaffMember] {
        try checkedRead("staff.list", .manageStaff, session: session) { db, _ in
            try db.rows("SELECT * FROM staff ORDER BY staff_id").map(StaffMember.init(row:))
        }
    }

    /// Disables a staff member (admin only). Staff are never deleted: their
    /// entries keep their name. The last enabled admin cannot be disabled.
    public func disableStaff(staffID: String, session: Session) throws(CommandRefusal) {
        try command("staff.disable", .manageStaff, session: session) { db, actor, now in
            let m = try Self.staffRow(db, staffID)
            guard !m.disabled else { throw CommandRefusal(.conflict, "\(m.staffID) is already disabled.") }
            if m.role == .admin,
               try db.scalar(Int.self, "SELECT count(*) FROM staff WHERE role = 'admin' AND disabled = 0") ?? 0 <= 1 {
                throw CommandRefusal(.conflict, "\(m.staffID) is the last enabled admin; add another admin first.")
            }
            try db.execute("UPDATE staff SET disabled = 1 WHERE id = ?", [m.id])
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "staff.disable",
                                  details: ["staffID": .string(m.staffID)])
        }
    }

    /// Sets a new PIN and clears any lockout (admin only).
    public func resetPIN(staffID: String, newSecret: String, policy: SecurityPolicy,
                         session: Session) throws(CommandRefusal) {
        let hash = try Self.hashed(newSecret, policy: policy)
        try command("staff.reset-pin", .manageStaff, session: session) { db, actor, now in
            let m = try Self.staffRow(db, staffID)
            try db.execute("UPDATE staff SET pin_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?",
                           [hash, m.id])
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "staff.reset-pin",
                                  details: ["staffID": .string(m.staffID)])
        }
    }

    private static func staffRow(_ db: any SQLTx, _ staffID: String) throws -> StaffMember {
        guard let row = try db.row("SELECT * FROM staff WHERE staff_id = ?",
                                   [staffID.trimmingCharacters(in: .whitespaces)]) else {
            throw CommandRefusal(.notFound, "No staff member has the ID \(InputText.visible(staffID)); check it with `wardline staff list`.")
        }
        return StaffMember(row: row)
    }
}
