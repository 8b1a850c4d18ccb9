import Foundation
import WardCore

/// The staff member behind a session, as the database knows them now
/// (role and disabled flag re-read, never trusted from the caller).
struct Actor {
    let key: StaffKey
    let staffID: String
    let name: String
    let role: StaffRole

    static func load(_ db: any SQLTx, _ session: Session) throws -> Actor {
        guard let row = try db.row("SELECT id, staff_id, name, role, disabled FROM staff WHERE id = ?", [session.staff.id]) else {
            throw CommandRefusal(.notPermitted, "You are not signed in as a known staff member; sign in again.")
        }
        guard let key = row.integer("id"), let staffID = row.text("staff_id"), let name = row.text("name") else {
            throw CommandRefusal(.notPermitted, "Your staff record cannot be read (wardline check names it); ask ward IT.")
        }
        guard row.integer("disabled") == 0 else {
            throw CommandRefusal(.notPermitted, "Your account (\(staffID)) is disabled; ask ward IT.")
        }
        guard let role = row.text("role").flatMap(StaffRole.init(rawValue:)) else {
            throw CommandRefusal(.notPermitted, "Your account has an unknown role; ask ward IT.")
        }
        return Actor(key: key, staffID: staffID, name: name, role: role)
    }

    /// The stamp of an observation row this actor has just written (`id`: the row's).
    func stamp(_ id: EntryID, patientID: PatientID, recordedAt: Date, supersedes: EntryID? = nil,
               reason: String? = nil, voided: Bool = false) -> EntryStamp {
        EntryStamp(id: id, patientID: patientID, recordedBy: key, recordedByName: name, recordedAt: recordedAt,
                   supersedes: supersedes, amendReason: reason, enteredInError: voided)
    }
}

extension Store {
    /// One IMMEDIATE transaction. The result is returned only after COMMIT
    /// (synchronous=FULL: on disk). Any error rolls everything back.
    @discardableResult
    func write<T>(_ body: (any SQLTx) throws -> T) throws(CommandRefusal) -> T {
        do {
            return try transaction(body)
        } catch let r as CommandRefusal {
            throw r
        } catch let e as any SQLStorageError {
            throw CommandRefusal(.storage, "Not saved: the database refused the write (\(e.storageMessage)). Try again; if it keeps failing, call ward IT.")
        } catch {
            throw CommandRefusal(.storage, "Not saved: \(error)")
        }
    }

    /// A staff command: checks the signed-in person's current role against
    /// `action`, then runs `body` in the same transaction. `body` writes its
    /// audit event. A refusal for want of a role is itself audited.
    @discardableResult
    func command<T>(_ name: String, _ action: StaffAction, session: Session,
                    _ body: (any SQLTx, Actor, Date) throws -> T) throws(CommandRefusal) -> T {
        let now = clock.now()
        do {
            return try write { db in
                let actor = try Actor.load(db, session)
                try actor.role.check(action)
                return try body(db, actor, now)
            }
        } catch {
            if error.kind == .notPermitted { auditRefusal(name, session: session, refusal: error, at: now) }
            throw error
        }
    }

    /// A read that needs a role (staff list). Refusals are audited like commands'.
    func checkedRead<T>(_ name: String, _ action: StaffAction, session: Session,
                        _ body: (any SQLTx, Actor) throws -> T) throws(CommandRefusal) -> T {
        do {
            return try read { db in
                let actor = try Actor.load(db, session)
                try actor.role.check(action)
                return try body(db, actor)
            }
        } catch let r as CommandRefusal {
            if r.kind == .notPermitted { auditRefusal(name, session: session, refusal: r, at: clock.now()) }
            throw r
        } catch {
            throw CommandRefusal(.storage, "Could not read the database: \(error)")
        }
    }

    private func auditRefusal(_ name: String, session: Session, refusal: CommandRefusal, at now: Date) {
        _ = try? write { db in
            try AuditChain.append(db, at: now, actor: session.staff.staffID, terminal: session.terminal,
                                  action: "refused", details: ["command": .string(name), "reason": .string(refusal.message)])
        }
    }

    /// Text from a person, checked; a problem becomes an `.invalid` refusal.
    func cleaned(_ text: String, _ field: String, max: Int, allowEmpty: Bool = false) throws(CommandRefusal) -> String {
        switch InputText.clean(text, field: field, maxLength: max, allowEmpty: allowEmpty) {
        case .success(let t): return t
        case .failure(let p): throw CommandRefusal(.invalid, p.message)
        }
    }

    /// The change counter: the newest audit event's number. Every command
    /// writes one, so it grows with every commit and compares across processes.
    public func dataVersion() throws -> Int {
        let code = postgresWardCode
        return try read { db in
            try (db.scalar(Int.self, "SELECT coalesce(max(seq), 0) FROM audit_events") ?? 0) + Self.transferChanges(db, ward: code)
        }
    }
}
