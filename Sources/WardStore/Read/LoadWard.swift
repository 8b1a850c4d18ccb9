import Foundation
import GRDB
import WardCore

extension Store {
    /// The whole ward at one moment, read in one transaction: the ward and
    /// its beds, admitted patients, and every assessment of theirs (newest
    /// first, amendments included with `supersededBy` filled in).
    /// Bands are those stored when each entry was made; `protocol` is taken
    /// so that later readers can derive protocol-dependent views here.
    public func loadWard(protocol ward: WardProtocol) throws -> WardSnapshot {
        let now = clock.now()
        return try pool.read { db in
            let name = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'ward_name'") ?? "Ward"
            let beds = try String.fetchAll(db, sql: "SELECT label FROM beds ORDER BY position").map(Bed.init(label:))
            let patients = try Row.fetchAll(db, sql: """
                \(Self.patientSelect) WHERE d.discharged_at IS NULL ORDER BY p.id
                """).compactMap(Patient.init(row:))
            var byPatient: [PatientID: [Assessment]] = [:]
            let rows = try Row.fetchAll(db, sql: """
                \(Self.assessmentSelect)
                WHERE a.patient_id IN (SELECT id FROM patients WHERE id NOT IN (SELECT patient_id FROM discharges))
                  AND \(RowChecks.readable("assessments", as: "a"))
                ORDER BY a.taken_at DESC, a.id DESC
                """)
            var unparsed: [Row] = []
            for r in rows {
                if let a = Assessment(row: r) { byPatient[a.patientID, default: []].append(a) } else { unparsed.append(r) }
            }
            let version = try Int.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM audit_events") ?? 0
            let clinicalVersion = try Int.fetchOne(db, sql: Self.clinicalVersionSQL) ?? 0
            var snapshot = WardSnapshot(ward: Ward(name: name, beds: beds), patients: patients, assessments: byPatient,
                                        version: version, loadedAt: now)
            try Self.loadObservations(db, into: &snapshot)
            try Self.loadMedication(db, into: &snapshot, now: now)
            try Self.loadOverrides(db, into: &snapshot)
            (snapshot.handover, snapshot.discharges) = try Self.loadHandoverRecords(db)
            try Self.loadBoard(db, into: &snapshot, protocol: ward, now: now)
            try Self.loadClinicalEvents(db, into: &snapshot)
            snapshot.clinicalVersion = clinicalVersion
            snapshot.unreadable = try RowChecks.unreadable(db, patientScope: Self.admittedPatients)
            for r in unparsed { snapshot.unreadable(r, "assessments", "scale or item scores unreadable") }
            return snapshot
        }
    }

    /// An admitted or discharged patient by MRN (for the CLI and tests).
    public func patient(mrn: String) throws -> Patient? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "\(Self.patientSelect) WHERE p.mrn = ?", arguments: [mrn]).flatMap(Patient.init(row:))
        }
    }
}

extension Store {
    /// The newest audit event that is not the alert log's upkeep, now.
    public func clinicalVersion() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: Self.clinicalVersionSQL) ?? 0 }
    }

    /// The newest audit event that is not the alert log's upkeep (scans back from the newest event).
    static let clinicalVersionSQL = """
        SELECT coalesce((SELECT seq FROM audit_events WHERE action <> 'alert.sync' ORDER BY seq DESC LIMIT 1), 0)
        """
}
