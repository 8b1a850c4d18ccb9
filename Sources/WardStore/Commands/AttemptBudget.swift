import Foundation
import WardCore

/// The failed-PIN budget of one typed staff ID (a real account or an unknown
/// ID, kept alike so a lock reveals nothing), enforced under the write lock:
/// an attempt is counted *before* its PIN is checked, so any number of
/// terminals or processes guessing at once get no more than
/// `maxFailedAttempts` PIN checks per lockout, and a failure never clears a
/// lock another attempt has just set.
enum AttemptBudget {
    enum Reservation {
        /// The ID is locked until then: no PIN check.
        case locked(until: Date)
        /// This attempt is number `attempt` of the budget: check the PIN.
        case granted(attempt: Int)
    }

    /// Inside a write transaction: refuses a locked ID, or counts this attempt.
    /// An attempt beyond the budget locks the ID at once (without a PIN check).
    static func reserve(_ db: any SQLTx, staff key: StaffKey?, typed: String, now: Date, policy: SecurityPolicy) throws -> Reservation {
        let row: SQLRow?
        if let key {
            row = try db.row("SELECT failed_attempts, locked_until FROM staff WHERE id = ?", [key])
        } else {
            row = try db.row("SELECT failed_attempts, locked_until FROM signin_throttle WHERE attempted_id = ?", [typed])
        }
        if let until = row?.text("locked_until").flatMap(Timestamp.date), until > now { return .locked(until: until) }
        let lapsed = row?.text("locked_until") != nil   // a lock that has run out starts a fresh budget
        let attempt = (lapsed ? 0 : (row?["failed_attempts"] as Int?) ?? 0) + 1
        if attempt > policy.maxFailedAttempts {
            let until = now.addingTimeInterval(TimeInterval(policy.lockoutMinutes) * 60)
            try set(db, staff: key, typed: typed, attempts: 0, lockedUntil: until)
            return .locked(until: until)
        }
        try set(db, staff: key, typed: typed, attempts: attempt, lockedUntil: nil)
        return .granted(attempt: attempt)
    }

    /// Inside a write transaction, after the PIN check: a success clears the
    /// count; a failure that used the last attempt locks the ID. Returns the
    /// lock time when this failure (or a parallel one) has locked the ID.
    static func settle(_ db: any SQLTx, staff key: StaffKey?, typed: String, attempt: Int, success: Bool, now: Date,
                       policy: SecurityPolicy) throws -> Date? {
        if success {
            try set(db, staff: key, typed: typed, attempts: 0, lockedUntil: nil)
            return nil
        }
        if attempt >= policy.maxFailedAttempts {
            let until = now.addingTimeInterval(TimeInterval(policy.lockoutMinutes) * 60)
            try set(db, staff: key, typed: typed, attempts: 0, lockedUntil: until)
            return until
        }
        return nil   // already counted by `reserve`; a lock set meanwhile stays
    }

    /// The lock now in force for the ID, if any (read inside the settling transaction).
    static func lockedUntil(_ db: any SQLTx, staff key: StaffKey?, typed: String, now: Date) throws -> Date? {
        let text: String? = key != nil
            ? try db.scalar(String.self, "SELECT locked_until FROM staff WHERE id = ?", [key])
            : try db.scalar(String.self, "SELECT locked_until FROM signin_throttle WHERE attempted_id = ?", [typed])
        return text.flatMap(Timestamp.date).flatMap { $0 > now ? $0 : nil }
    }

    private static func set(_ db: any SQLTx, staff key: StaffKey?, typed: String, attempts: Int, lockedUntil: Date?) throws {
        let until = lockedUntil.map(Timestamp.text)
        if let key {
            try db.execute("UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?", [attempts, until, key])
        } else {
            try db.execute("""
                INSERT INTO signin_throttle(attempted_id, failed_attempts, locked_until) VALUES (?, ?, ?)
                ON CONFLICT(attempted_id) DO UPDATE SET failed_attempts = excluded.failed_attempts, locked_until = excluded.locked_until
                """, [typed, attempts, until])
        }
    }
}
