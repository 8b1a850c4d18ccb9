import Foundation
import WardCore

extension Store {
    /// Fills the snapshot's medication properties (orders, administrations
    /// of the last 48 h, PRN follow-ups) for admitted patients.
    static func loadMedication(_ db: any SQLTx, into s: inout WardSnapshot, now: Date, scope: String = admittedPatients) throws {
        let admitted = "(\(scope))"
        var versions: [MedicationOrder] = []
        for r in try db.rows("\(orderSelect(db.dialect)) WHERE o.patient_id IN \(admitted) AND \(RowChecks.readable("med_order_versions", as: "v", db.dialect)) ORDER BY v.order_id, v.version") {
            if let v = MedicationOrder(row: r) { versions.append(v) } else { s.unreadable(r, "med_order_versions", "order terms unreadable") }
        }
        var current: [OrderID: MedicationOrder] = [:]
        for v in versions {
            s.orderVersions[v.patientID, default: []].append(v)
            current[v.id] = v
        }
        for o in current.values.sorted(by: { $0.id < $1.id }) { s.orders[o.patientID, default: []].append(o) }
        let rows = try db.rows("""
            \(administrationSelect(db.dialect)) WHERE a.patient_id IN \(admitted) AND a.at > ? AND \(RowChecks.readable("administrations", as: "a", db.dialect)) ORDER BY a.at DESC, a.id DESC
            """, [Timestamp.text(now.addingTimeInterval(-48 * 3600))])
        for r in rows {
            guard let a = Administration(row: r) else { s.unreadable(r, "administrations", "status unknown"); continue }
            if a.isEnteredInError { s.voidedAdministrations[a.patientID, default: []].append(a) }
            else { s.administrations[a.patientID, default: []].append(a) }
        }
        let fus = try db.rows("""
            SELECT f.*, r.result, r.recorded_at AS result_at, \(RowChecks.staffName("s", db.dialect)) AS result_by
            FROM prn_followups f LEFT JOIN prn_followup_results r ON r.followup_id = f.id
            LEFT JOIN staff s ON s.id = r.recorded_by
            WHERE f.patient_id IN \(admitted) AND f.due_at > ? AND \(RowChecks.readable("prn_followups", as: "f", db.dialect)) ORDER BY f.due_at DESC
            """, [Timestamp.text(now.addingTimeInterval(-48 * 3600))])
        for r in fus {
            guard let due = Timestamp.date(r["due_at"]) else { s.unreadable(r, "prn_followups", "due time unreadable"); continue }
            let f = PRNFollowUp(id: r["id"], administrationID: r["administration_id"], patientID: r["patient_id"], dueAt: due,
                                result: (r["result"] as String?).flatMap(PRNFollowUp.Effect.init(rawValue:)),
                                resultAt: (r["result_at"] as String?).flatMap(Timestamp.date), resultByName: r["result_by"])
            s.prnFollowUps[f.patientID, default: []].append(f)
        }
    }

    /// Every dose event of a patient, newest first, those marked entered in error included (marked) (CLI, tests).
    public func administrations(patient: PatientID) throws -> [Administration] {
        try read { db in
            try db.rows("\(Self.administrationSelect(db.dialect)) WHERE a.patient_id = ? AND \(RowChecks.readable("administrations", as: "a", db.dialect)) ORDER BY a.at DESC, a.id DESC",
                        [patient]).compactMap(Administration.init(row:))
        }
    }

    static func administrationSelect(_ d: SQLDialect) -> String { """
        SELECT a.*, \(RowChecks.staffName("s", d)) AS by_name, \(RowChecks.staffName("w", d)) AS witness_name,
               x.reason AS void_reason, x.recorded_by AS void_by, x.recorded_at AS void_at, \(RowChecks.staffName("xs", d)) AS void_by_name
        FROM administrations a JOIN staff s ON s.id = a.recorded_by LEFT JOIN staff w ON w.id = a.witness
        LEFT JOIN administration_amendments x ON x.administration_id = a.id LEFT JOIN staff xs ON xs.id = x.recorded_by
        """ }
}

extension Administration {
    init?(row: SQLRow) {
        guard let status = AdministrationStatus(rawValue: row["status"]), let at = Timestamp.date(row["at"]) else { return nil }
        let witnessKey: StaffKey? = row["witness"]
        self.init(id: row["id"], patientID: row["patient_id"], orderID: row["order_id"], orderVersion: row["order_version"],
                  isPRN: (row["is_prn"] as Int) == 1, scheduledFor: (row["scheduled_for"] as String?).flatMap(Timestamp.date),
                  status: status, drug: row["drug"], mg: row["mg"], route: row["route"], at: at, by: row["recorded_by"],
                  byName: row["by_name"], reason: (row["reason"] as String?).flatMap(ReasonCode.init(rawValue:)),
                  note: row["note"], witness: witnessKey.map { WitnessRecord(staff: $0, name: row["witness_name"]) },
                  observationID: row["observation_id"], wastedMg: row["wasted_mg"])
        // Any amendment row voids the record, even one whose time could not be read.
        if let reason = row["void_reason"] as String? {
            enteredInError = DoseEnteredInError(reason: reason, by: row["void_by"] ?? 0, byName: row["void_by_name"] ?? "",
                                                at: (row["void_at"] as String?).flatMap(Timestamp.date) ?? at)
        }
    }
}
