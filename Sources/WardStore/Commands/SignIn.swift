import Foundation
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

        struct Known { let member: StaffMember; let hash: String }
        let known: Known?
        do {
            known = try read { db in
                try db.row("SELECT * FROM staff WHERE staff_id = ?", [typed])
                    .map { r in Known(member: StaffMember(row: r), hash: r.text("pin_hash") ?? SecretHasher.decoy) }
            }
        } catch {
            throw CommandRefusal(.storage, "Could not read the database: \(error)")
        }

        // The attempt is counted under the write lock before its PIN is checked (AttemptBudget).
        let reservation = try write { db -> AttemptBudget.Reservation in
            let r = try AttemptBudget.reserve(db, staff: known?.member.id, typed: typed, now: now, policy: policy)
            if case .locked(let until) = r {
                try AuditChain.append(db, at: now, actor: shownID, terminal: terminal, action: "signin.refused-locked",
                                      details: ["lockedUntil": .string(Timestamp.text(until))])
            }
            return r
        }
        guard case .granted(let attempt) = reservation else {
            if case .locked(let until) = reservation { throw CommandRefusal(.locked, Self.lockedMessage(until: until, now: now)) }
            throw CommandRefusal(.locked, Self.signInRejected)
        }

        // Always run one argon2id verify, whatever the ID.
        let pinMatches = SecretHasher.verify(secret, against: known?.hash ?? SecretHasher.decoy)
        let accepted = pinMatches && known != nil && known?.member.disabled == false

        let outcome: (member: StaffMember?, lockedUntil: Date?) = try write { db in
            // A lock set by a parallel attempt while this PIN was checked wins, even over a right PIN.
            if let until = try AttemptBudget.lockedUntil(db, staff: known?.member.id, typed: typed, now: now) {
                try AuditChain.append(db, at: now, actor: shownID, terminal: terminal, action: "signin.refused-locked",
                                      details: ["lockedUntil": .string(Timestamp.text(until))])
                return (nil, until)
            }
            let until = try AttemptBudget.settle(db, staff: known?.member.id, typed: typed, attempt: attempt, success: accepted,
                                                 now: now, policy: policy)
            if accepted, let k = known {
                try AuditChain.append(db, at: now, actor: k.member.staffID, terminal: terminal, action: "signin",
                                      details: ["role": .string(k.member.role.rawValue)])
                return (k.member, nil)
            }
            let reason = known == nil ? "unknown staff ID" : (known!.member.disabled ? "account disabled" : "wrong PIN")
            try AuditChain.append(db, at: now, actor: shownID, terminal: terminal, action: "signin.failed",
                                  details: ["reason": .string(reason), "attempt": .int(attempt), "locked": .bool(until != nil)])
            return (nil, until)
        }
        if let m = outcome.member { return m }
        if let until = outcome.lockedUntil { throw CommandRefusal(.locked, Self.lockedMessage(until: until, now: now)) }
        throw CommandRefusal(.locked, Self.signInRejected)
    }

    static func lockedMessage(until: Date, now: Date) -> String {
        let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
        return "Too many failed sign-ins: this staff ID is locked for \(minutes) more minute\(minutes == 1 ? "" : "s"). Ask the charge nurse if you need to sign in sooner."
    }
}

extension StaffMember {
    /// Read safely: a staff row changed by hand (a name that is not text) never traps; an unknown
    /// role reads as the least-privileged one and a disabled flag that is not 0 as disabled.
    init(row: SQLRow) {
        let id = row.integer("id") ?? 0
        self.init(id: id, staffID: row.text("staff_id") ?? "#\(id)", name: row.text("name") ?? "unreadable staff #\(id)",
                  role: row.text("role").flatMap(StaffRole.init(rawValue:)) ?? .studentNurse,
                  disabled: row.integer("disabled") != 0)
    }
}
