import Foundation
import WardCore

extension Store {
    /// Records a seizure or delirium now (nurses, charge nurses, students).
    public func record(_ cmd: RecordClinicalEvent, session: Session) throws(CommandRefusal) -> ClinicalEventEntry {
        let note = try cleaned(cmd.note, "Note", max: 200, allowEmpty: true)
        return try command("event.record", .recordObservation, session: session) { db, actor, now in
            let patient = try Self.admittedPatient(db, cmd.patientID)
            let at = try Self.takenAt(cmd.takenAt, now: now, patient: patient)
            let id = try db.insert("""
                INSERT INTO clinical_events(patient_id, kind, note, taken_at, entered_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?)
                """, [cmd.patientID, cmd.kind.rawValue, note, Timestamp.text(at), Timestamp.text(now), actor.key])
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "event.record",
                                  patientMRN: patient.mrn,
                                  details: ["entry": .int(Int(id)), "kind": .string(cmd.kind.rawValue), "note": .string(note),
                                            "takenAt": .string(Timestamp.text(at))])
            return ClinicalEventEntry(id: id, patientID: cmd.patientID, kind: cmd.kind, note: note, recordedBy: actor.key,
                                      recordedByName: actor.name, recordedAt: at)
        }
    }

    /// Every recorded seizure/delirium of the admitted patients, newest first.
    static func loadClinicalEvents(_ db: any SQLTx, into s: inout WardSnapshot, scope: String = admittedPatients) throws {
        let rows = try db.rows("""
            SELECT e.*, \(RowChecks.staffName("s", db.dialect)) AS staff_name FROM clinical_events e JOIN staff s ON s.id = e.recorded_by
            WHERE e.patient_id IN (\(scope)) AND \(RowChecks.readable("clinical_events", as: "e", db.dialect))
            ORDER BY e.taken_at DESC, e.id DESC
            """)
        for r in rows {
            guard let kind = ClinicalEvent.Kind(rawValue: r["kind"]), let at = Timestamp.date(r["taken_at"]) else {
                s.unreadable(r, "clinical_events", "kind unknown"); continue
            }
            let e = ClinicalEventEntry(id: r["id"], patientID: r["patient_id"], kind: kind, note: r["note"],
                                       recordedBy: r["recorded_by"], recordedByName: r["staff_name"], recordedAt: at)
            s.clinicalEvents[e.patientID, default: []].append(e)
        }
    }
}
