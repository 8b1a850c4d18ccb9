import Foundation
import WardCore

extension Store {
    /// One patient's snapshot as the dose-safety rules read it, loaded inside
    /// the recording transaction (under the write lock, so what it reads
    /// cannot change before the dose commits): the patient, their current
    /// orders, every administration from 48 h before `at` to 24 h after
    /// (voided ones kept apart), their assessments, gate answers and
    /// observations of the last 48 h. The same loaders as the ward snapshot, scoped to one patient.
    static func doseSafetySnapshot(_ db: any SQLTx, patient p: Patient, at: Date, now: Date) throws -> WardSnapshot {
        let scope = "SELECT \(p.id)"
        // The rules look back at most 24 h (the ceiling) and an hour or so (observations, scores): 48 h is plenty.
        let since = at.addingTimeInterval(-48 * 3600)
        let a = try db.rows("\(assessmentSelect(db.dialect)) WHERE a.patient_id = ? AND a.taken_at > ? AND \(RowChecks.readable("assessments", as: "a", db.dialect)) ORDER BY a.taken_at DESC, a.id DESC",
                            [p.id, Timestamp.text(since)]).compactMap(Assessment.init(row:))
        var s = WardSnapshot(ward: Ward(name: "", beds: []), patients: [p], assessments: [p.id: a], version: 0, loadedAt: now)
        try loadObservations(db, into: &s, scope: scope, since: since)
        s.orders[p.id] = try currentOrders(db, p.id)
        let rows = try db.rows("\(administrationSelect(db.dialect)) WHERE a.patient_id = ? AND a.at > ? AND a.at < ? AND \(RowChecks.readable("administrations", as: "a", db.dialect)) ORDER BY a.at DESC, a.id DESC",
                               [p.id, Timestamp.text(at.addingTimeInterval(-48 * 3600)),
                                                Timestamp.text(at.addingTimeInterval(24 * 3600))])
        for r in rows {
            guard let x = Administration(row: r) else { throw CommandRefusal(.storage, "Not recorded: dose entry #\(r["id"] as SQLValue) could not be read.") }
            if x.isEnteredInError { s.voidedAdministrations[p.id, default: []].append(x) }
            else { s.administrations[p.id, default: []].append(x) }
        }
        s.unreadable = try RowChecks.unreadable(db, patientScope: scope)
        return s
    }
}
