import Foundation
import WardCore

/// Writes about handovers: "if … then …" notes, severity overrides, and the
/// handed-over / accepted marks. Each is one transaction with its audit event;
/// rows are never changed or deleted. Nurses and charge nurses only
/// (`StaffAction.handOver`): students, prescribers and ward IT may read the
/// handover but neither write it nor take responsibility for a patient.
extension Store {
    /// Longest note or reason, in characters.
    public static let handoverTextLimit = 500

    /// Adds a note to a patient's handover for the shift starting `shiftStart`.
    @discardableResult
    public func addHandoverNote(patientID: PatientID, shiftStart: Date, text: String,
                                session: Session) throws(CommandRefusal) -> HandoverNote {
        let text = try cleaned(text, "The note", max: Self.handoverTextLimit)
        return try command("handover.note", .handOver, session: session) { db, actor, now in
            let p = try Self.admittedPatient(db, patientID)
            let shift = try Self.checkedShift(shiftStart, now: now)
            let id = try db.insert("""
                INSERT INTO handover_notes(patient_id, shift_start, text, written_by, written_at) VALUES (?, ?, ?, ?, ?)
                """, [patientID, Timestamp.text(shift), text, actor.key, Timestamp.text(now)])
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "handover.note",
                                  patientMRN: p.mrn, details: ["note": .int(Int(id)), "shiftStart": .string(Timestamp.text(shift)),
                                                              "text": .string(text)])
            return HandoverNote(id: id, patientID: patientID, shiftStart: shift, text: text, writtenBy: actor.key,
                                writtenByName: actor.name, writtenAt: Timestamp.stored(now))
        }
    }

    /// Replaces a note with `text`, or withdraws it (`text == nil`), with a reason.
    /// The old note stays in the database, superseded.
    @discardableResult
    public func amendHandoverNote(_ noteID: Int64, text: String?, reason: String,
                                  session: Session) throws(CommandRefusal) -> HandoverNote {
        let reason = try cleaned(reason, "Reason for the change", max: Self.handoverTextLimit)
        var newText = ""
        if let text { newText = try cleaned(text, "The note", max: Self.handoverTextLimit) }
        return try command("handover.note-amend", .handOver, session: session) { db, actor, now in
            guard let old = try db.row("SELECT * FROM handover_notes WHERE id = ?", [noteID]) else {
                throw CommandRefusal(.notFound, "Note #\(noteID) does not exist.")
            }
            if let newer: Int64 = try db.scalar(Int64.self, "SELECT id FROM handover_notes WHERE supersedes = ?", [noteID]) {
                throw CommandRefusal(.conflict, "Note #\(noteID) was already changed (note #\(newer)); change that one instead.")
            }
            if (old["withdrawn"] as Int) == 1 {
                throw CommandRefusal(.conflict, "Note #\(noteID) withdraws a note; it cannot be changed.")
            }
            let patientID: PatientID = old["patient_id"]
            let p = try Self.admittedPatient(db, patientID)
            let shiftText: String = old["shift_start"]
            let id = try db.insert("""
                INSERT INTO handover_notes(patient_id, shift_start, text, written_by, written_at, supersedes, reason, withdrawn)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [patientID, shiftText, newText, actor.key, Timestamp.text(now), noteID, reason, text == nil])
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "handover.note-amend",
                                  patientMRN: p.mrn, details: ["note": .int(Int(noteID)), "amendment": .int(Int(id)),
                                                              "change": .string(text == nil ? "withdrawn" : "replaced"),
                                                              "reason": .string(reason), "before": .string(old["text"]),
                                                              "after": JSONValue.opt(text == nil ? nil : newText)])
            return HandoverNote(id: id, patientID: patientID, shiftStart: Timestamp.date(shiftText) ?? now, text: newText,
                                writtenBy: actor.key, writtenByName: actor.name, writtenAt: Timestamp.stored(now),
                                supersedes: noteID, reason: reason, withdrawn: text == nil)
        }
    }

    /// Overrides the derived illness severity for one shift (`level == nil`:
    /// back to the derived level). A reason is always needed.
    @discardableResult
    public func overrideSeverity(patientID: PatientID, shiftStart: Date, level: SeverityLevel?, reason: String,
                                 session: Session) throws(CommandRefusal) -> SeverityOverride {
        let reason = try cleaned(reason, "Reason for the severity", max: Self.handoverTextLimit)
        return try command("handover.severity", .handOver, session: session) { db, actor, now in
            let p = try Self.admittedPatient(db, patientID)
            let shift = try Self.checkedShift(shiftStart, now: now)
            let id = try db.insert("""
                INSERT INTO severity_overrides(patient_id, shift_start, severity, reason, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)
                """, [patientID, Timestamp.text(shift), level?.rawValue, reason, actor.key, Timestamp.text(now)])
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "handover.severity",
                                  patientMRN: p.mrn, details: ["override": .int(Int(id)), "shiftStart": .string(Timestamp.text(shift)),
                                                              "severity": JSONValue.opt(level?.rawValue), "reason": .string(reason)])
            return SeverityOverride(id: id, patientID: patientID, shiftStart: shift, level: level, reason: reason,
                                    byName: actor.name, at: Timestamp.stored(now))
        }
    }

    /// Records that the signed-in nurse handed the patient over (outgoing) or
    /// accepted them (incoming) for the shift starting `shiftStart`. Each
    /// happens once per patient and shift; the nurse who handed a patient
    /// over cannot also accept them.
    @discardableResult
    public func markHandover(_ kind: HandoverMarkKind, patientID: PatientID, shiftStart: Date,
                             session: Session) throws(CommandRefusal) -> HandoverMark {
        try command("handover.\(kind.rawValue)", .handOver, session: session) { db, actor, now in
            let p = try Self.admittedPatient(db, patientID)
            let shift = try Self.checkedShift(shiftStart, now: now)
            let who = "SELECT s.name, s.staff_id, m.at, m.staff FROM handover_marks m JOIN staff s ON s.id = m.staff WHERE m.patient_id = ? AND m.shift_start = ? AND m.kind = ?"
            if let done = try db.row(who, [patientID, Timestamp.text(shift), kind.rawValue]) {
                let at = Timestamp.date(done["at"]).map { Self.clockText($0) } ?? (done["at"] as String)
                let verb = kind == .accepted ? "accepted" : "handed over"
                throw CommandRefusal(.conflict, "\(InputText.visible(p.name)) was already \(verb) for this shift by \(InputText.visible(done["name"])) at \(at).")
            }
            if kind == .accepted,
               let giver = try db.row(who, [patientID, Timestamp.text(shift), HandoverMarkKind.handedOver.rawValue]),
               (giver["staff"] as StaffKey) == actor.key {
                throw CommandRefusal(.notPermitted, "You handed \(InputText.visible(p.name)) over; the incoming nurse accepts, signed in as themselves.")
            }
            let id = try db.insert("INSERT INTO handover_marks(patient_id, shift_start, kind, staff, at) VALUES (?, ?, ?, ?, ?)",
                                   [patientID, Timestamp.text(shift), kind.rawValue, actor.key, Timestamp.text(now)])
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "handover.\(kind.rawValue)",
                                  patientMRN: p.mrn, details: ["mark": .int(Int(id)), "shiftStart": .string(Timestamp.text(shift))])
            return HandoverMark(id: id, patientID: patientID, shiftStart: shift, kind: kind, by: actor.key,
                                byStaffID: actor.staffID, byName: actor.name, at: Timestamp.stored(now))
        }
    }

    /// A shift start as stored, refused when it lies in the future.
    static func checkedShift(_ shiftStart: Date, now: Date) throws(CommandRefusal) -> Date {
        let s = Timestamp.stored(shiftStart)
        guard s <= now else { throw CommandRefusal(.invalid, "That shift has not started yet; hand over a shift that has begun.") }
        return s
    }

    static func clockText(_ d: Date) -> String {
        let c = Calendar.wardDefault.dateComponents([.hour, .minute], from: d)
        return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    /// Handover notes, overrides and marks of the admitted patients.
    static func loadHandoverRecords(_ db: any SQLTx, scope admitted: String = admittedPatients) throws -> HandoverRecords {
        let notes = try db.rows("""
            SELECT n.*, \(RowChecks.staffName("s", db.dialect)) AS by_name,
                   (SELECT x.id FROM handover_notes x WHERE x.supersedes = n.id) AS superseded_by FROM handover_notes n
            JOIN staff s ON s.id = n.written_by
            WHERE n.patient_id IN (\(admitted)) ORDER BY n.id
            """).compactMap { r -> HandoverNote? in
            guard let shift = Timestamp.date(r["shift_start"]), let at = Timestamp.date(r["written_at"]) else { return nil }
            return HandoverNote(id: r["id"], patientID: r["patient_id"], shiftStart: shift, text: r["text"],
                                writtenBy: r["written_by"], writtenByName: r["by_name"], writtenAt: at,
                                supersedes: r["supersedes"], reason: r["reason"], supersededBy: r["superseded_by"],
                                withdrawn: r["withdrawn"])
        }
        let overrides = try db.rows("""
            SELECT o.*, \(RowChecks.staffName("s", db.dialect)) AS by_name FROM severity_overrides o JOIN staff s ON s.id = o.set_by
            WHERE o.patient_id IN (\(admitted)) ORDER BY o.id
            """).compactMap { r -> SeverityOverride? in
            guard let shift = Timestamp.date(r["shift_start"]), let at = Timestamp.date(r["set_at"]) else { return nil }
            return SeverityOverride(id: r["id"], patientID: r["patient_id"], shiftStart: shift,
                                    level: (r["severity"] as String?).flatMap(SeverityLevel.init(rawValue:)),
                                    reason: r["reason"], byName: r["by_name"], at: at)
        }
        let marks = try db.rows("""
            SELECT m.*, \(RowChecks.staffName("s", db.dialect)) AS by_name, s.staff_id AS by_staff_id FROM handover_marks m JOIN staff s ON s.id = m.staff
            WHERE m.patient_id IN (\(admitted)) ORDER BY m.id
            """).compactMap { r -> HandoverMark? in
            guard let shift = Timestamp.date(r["shift_start"]), let at = Timestamp.date(r["at"]),
                  let kind = HandoverMarkKind(rawValue: r["kind"]) else { return nil }
            return HandoverMark(id: r["id"], patientID: r["patient_id"], shiftStart: shift, kind: kind, by: r["staff"],
                                byStaffID: r["by_staff_id"], byName: r["by_name"], at: at)
        }
        return HandoverRecords(notes: notes, overrides: overrides, marks: marks)
    }

    /// Discharges at or after `since` (the shift census counts those of a shift), newest first.
    /// Read through `discharges_by_time`, so the cost follows the window, not the ward's history.
    static func loadDischarges(_ db: any SQLTx, since: Date) throws -> [DischargeRecord] {
        try db.rows("""
            SELECT d.patient_id, p.admitted_at, d.discharged_at FROM discharges d JOIN patients p ON p.id = d.patient_id
            WHERE d.discharged_at >= ? ORDER BY d.discharged_at DESC
            """, [Timestamp.text(since)]).compactMap { r -> DischargeRecord? in
            guard let a = Timestamp.date(r["admitted_at"]), let d = Timestamp.date(r["discharged_at"]) else { return nil }
            return DischargeRecord(patientID: r["patient_id"], admittedAt: a, dischargedAt: d)
        }
    }
}
