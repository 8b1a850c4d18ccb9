import Foundation
import WardCore

extension Store {
    /// Fills the snapshot's bedside observations (admitted patients only):
    /// vitals, sedation, exceptions newest first with `supersededBy` set, and
    /// the dose-gate answers of assessments.
    /// With `since`, only entries taken after it (the dose-safety check reads the last hours, not a whole stay).
    static func loadObservations(_ db: any SQLTx, into s: inout WardSnapshot, scope admitted: String = admittedPatients,
                                 since: Date? = nil) throws {
        let recent = since.map { "AND t.taken_at > '\(Timestamp.text($0))'" } ?? ""
        func select(_ table: String) -> String {
            """
            SELECT t.*, \(RowChecks.staffName("s", db.dialect)) AS recorded_by_name,
                   (SELECT n.id FROM \(table) n WHERE n.supersedes = t.id) AS superseded_by FROM \(table) t
            JOIN staff s ON s.id = t.recorded_by
            WHERE t.patient_id IN (\(admitted)) \(recent) AND \(RowChecks.readable(table, as: "t", db.dialect))
            ORDER BY t.taken_at DESC, t.id DESC
            """
        }
        for r in try db.rows(select("vital_signs")) {
            guard let stamp = EntryStamp(row: r), let v = VitalSigns(row: r) else { s.unreadable(r, "vital_signs", "values unreadable"); continue }
            s.vitals[stamp.patientID, default: []].append(VitalSignsEntry(stamp: stamp, vitals: v, scale2: r["scale2"]))
        }
        for r in try db.rows(select("sedation_scores")) {
            guard let stamp = EntryStamp(row: r), let score = SedationScore(scale: r["scale"], value: r["value"]) else {
                s.unreadable(r, "sedation_scores", "score unreadable"); continue
            }
            s.sedation[stamp.patientID, default: []].append(SedationEntry(stamp: stamp, score: score))
        }
        for r in try db.rows(select("monitoring_exceptions")) {
            guard let stamp = EntryStamp(row: r), let kind = ObservationKind(code: r["kind"]),
                  let reason = ExceptionReason(rawValue: r["reason"]), let recheck = Timestamp.date(r["recheck_at"]) else {
                s.unreadable(r, "monitoring_exceptions", "kind or reason unknown"); continue
            }
            s.exceptions[stamp.patientID, default: []].append(
                MonitoringExceptionEntry(stamp: stamp, kind: kind, reason: reason, note: r["note"], recheckAt: recheck))
        }
        for r in try db.rows("SELECT g.* FROM dose_gates g JOIN assessments a ON a.id = g.assessment_id WHERE a.patient_id IN (\(admitted))") {
            s.doseGates[r["assessment_id"]] = DoseGateAnswers(recentUseConfirmed: r["recent_use_confirmed"],
                                                             canCommunicate: r["can_communicate"])
        }
    }
}

extension EntryStamp {
    init?(row: SQLRow) {
        guard let taken = Timestamp.date(row["taken_at"]) else { return nil }
        self.init(id: row["id"], patientID: row["patient_id"], recordedBy: row["recorded_by"],
                  recordedByName: row["recorded_by_name"], recordedAt: taken, supersedes: row["supersedes"],
                  amendReason: row["amend_reason"], supersededBy: row["superseded_by"],
                  enteredInError: row["entered_in_error"])
    }
}
