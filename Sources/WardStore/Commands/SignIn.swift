import Foundation
import GRDB
import WardCore

extension Store {
    /// The one message for a wrong PIN, an unknown ID and a disabled account,
    /// so that the screen never reveals whether an ID exists.
    public static let signInRejected = "Staff ID or PIN not accepted. Check both and try again."

    /// Checks a staff ID and PIN. The PIN is compared by libsodium's argon2id
    /// verify (constant time); an unknown ID is verified against a decoy hash so
    /// it costs the same. After `policy.maxFailedAttempts` failures in a row the
    /// ID is locked for `policy.lockoutMinutes` — unknown IDs too, so a locked
    /// message reveals nothing either. Every attempt is audited.
    public func signIn(staffID: String, secret: String, terminal: String,
                       policy: SecurityPolicy) throws(CommandRefusal) -> StaffMember {
        let typed = String(staffID.trimmingCharacters(in: .whitespaces).prefix(64))
        guard !typed.isEmpty else { throw CommandRefusal(.invalid, "Type your staff ID.") }
        guard !secret.isEmpty else { throw CommandRefusal(.invalid, "Type your PIN.") }
        let shownID = InputText.visible(typed)
        _ = SecretHasher.decoy   // made once per process, before any ID is looked up, so it never times one ID differently
        let now = clock.now()

        struct Known { let member: StaffMember; let hash: String; let lockedUntil: Date? }
        let known: Known?, throttleLock: Date?
        do {
            (known, throttleLock) = try pool.read { db in
                let row = try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE staff_id = ?", arguments: [typed])
                let k = row.map { r in
                    Known(member: StaffMember(row: r), hash: r["pin_hash"],
                          lockedUntil: (r["locked_until"] as String?).flatMap(Timestamp.date))
                }
                let t = try String.fetchOne(db, sql: "SELECT locked_until FROM signin_throttle WHERE attempted_id = ?",
                                            arguments: [typed]).flatMap(Timestamp.date)
                return (k, t)
            }
        } catch {
            throw CommandRefusal(.storage, "Could not read the database: \(error)")
        }

        if let until = known?.lockedUntil ?? throttleLock, until > now {
            try write { db in
                try AuditChain.append(db, at: now, actor: shownID, terminal: terminal, action: "signin.refused-locked",
                                      details: ["lockedUntil": .string(Timestamp.text(until))])
            }
            throw CommandRefusal(.locked, Self.lockedMessage(until: until, now: now))
        }

        // Always run one argon2id verify, whatever the ID.
        let pinMatches = SecretHasher.verify(secret, against: known?.hash ?? SecretHasher.decoy)
        let accepted = pinMatches && known != nil && known?.member.disabled == false

        let lockedUntil: Date? = try write { db -> Date? in
            if accepted, let k = known {
                try db.execute(sql: "UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?", arguments: [k.member.id])
                try AuditChain.append(db, at: now, actor: k.member.staffID, terminal: terminal, action: "signin",
                                      details: ["role": .string(k.member.role.rawValue)])
                return nil
            }
            let reason = known == nil ? "unknown staff ID" : (known!.member.disabled ? "account disabled" : "wrong PIN")
            let attempts: Int
            if let k = known {
                attempts = (try Int.fetchOne(db, sql: "SELECT failed_attempts FROM staff WHERE id = ?", arguments: [k.member.id]) ?? 0) + 1
            } else {
                attempts = (try Int.fetchOne(db, sql: "SELECT failed_attempts FROM signin_throttle WHERE attempted_id = ?", arguments: [typed]) ?? 0) + 1
            }
            let locks = attempts >= policy.maxFailedAttempts
            let until = locks ? now.addingTimeInterval(TimeInterval(policy.lockoutMinutes) * 60) : nil
            let untilText = until.map(Timestamp.text)
            if let k = known {
                try db.execute(sql: "UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?",
                               arguments: [locks ? 0 : attempts, untilText, k.member.id])
            } else {
                try db.execute(sql: """
                    INSERT INTO signin_throttle(attempted_id, failed_attempts, locked_until) VALUES (?, ?, ?)
                    ON CONFLICT(attempted_id) DO UPDATE SET failed_attempts = excluded.failed_attempts, locked_until = excluded.locked_until
                    """, arguments: [typed, locks ? 0 : attempts, untilText])
            }
            try AuditChain.append(db, at: now, actor: shownID, terminal: terminal, action: "signin.failed",
                                  details: ["reason": .string(reason), "attempt": .int(attempts), "locked": .bool(locks)])
            return until
        }
        if let k = known, accepted { return k.member }
        if let lockedUntil { throw CommandRefusal(.locked, Self.lockedMessage(until: lockedUntil, now: now)) }
        throw CommandRefusal(.locked, Self.signInRejected)
    }

    static func lockedMessage(until: Date, now: Date) -> String {
        let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
        return "Too many failed sign-ins: this staff ID is locked for \(minutes) more minute\(minutes == 1 ? "" : "s"). Ask the charge nurse if you need to sign in sooner."
    }
}

extension StaffMember {
    init(row: Row) {
        self.init(id: row["id"], staffID: row["staff_id"], name: row["name"],
                  role: StaffRole(rawValue: row["role"]) ?? .studentNurse, disabled: (row["disabled"] as Int) != 0)
    }
}
