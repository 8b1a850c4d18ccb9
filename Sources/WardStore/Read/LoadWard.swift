import Foundation
import WardCore

extension Store {
    /// The whole ward at one moment, read in one transaction: the ward and
    /// its beds, admitted patients, and every assessment of theirs (newest
    /// first, amendments included with `supersededBy` filled in).
    /// Bands are those stored when each entry was made; `protocol` is taken
    /// so that later readers can derive protocol-dependent views here.
    ///
    /// What it reads follows what the screens show, not the ward's history: the admitted
    /// patients are found once and every loader is scoped to their ids, and discharges are
    /// read from `dischargedSince` (default: the start of the shift before the one in force,
    /// which is what the shift census and the handover preview count).
    public func loadWard(protocol ward: WardProtocol, dischargedSince: Date? = nil) throws -> WardSnapshot {
        let now = clock.now()
        let code = postgresWardCode
        return try read { db in
            var snapshot = try Self.snapshot(db, protocol: ward, now: now, dischargedSince: dischargedSince)
            if let code { try Self.loadHospital(db, ward: code, into: &snapshot) }
            return snapshot
        }
    }

    /// `loadWard`'s reads, inside the caller's transaction.
    static func snapshot(_ db: any SQLTx, protocol ward: WardProtocol, now: Date, dischargedSince: Date?) throws -> WardSnapshot {
        let name = try db.scalar(String.self, "SELECT value FROM settings WHERE key = 'ward_name'") ?? "Ward"
        let beds = try db.scalars(String.self, "SELECT label FROM beds ORDER BY position").map(Bed.init(label:))
        let scope = try Self.admittedScope(db)
        let patients = try db.rows("""
            \(Self.patientSelect(db.dialect)) WHERE p.id IN (\(scope)) ORDER BY p.id
            """).compactMap(Patient.init(row:))
        var byPatient: [PatientID: [Assessment]] = [:]
        let rows = try db.rows("""
            \(Self.assessmentSelect(db.dialect))
            WHERE a.patient_id IN (\(scope)) AND \(RowChecks.readable("assessments", as: "a", db.dialect))
            ORDER BY a.taken_at DESC, a.id DESC
            """)
        var unparsed: [SQLRow] = []
        for r in rows {
            if let a = Assessment(row: r) { byPatient[a.patientID, default: []].append(a) } else { unparsed.append(r) }
        }
        let version = try db.scalar(Int.self, "SELECT coalesce(max(seq), 0) FROM audit_events") ?? 0
        let clinicalVersion = try db.scalar(Int.self, Self.clinicalVersionSQL) ?? 0
        var snapshot = WardSnapshot(ward: Ward(name: name, beds: beds), patients: patients, assessments: byPatient,
                                    version: version, loadedAt: now)
        try Self.loadObservations(db, into: &snapshot, scope: scope)
        try Self.loadMedication(db, into: &snapshot, now: now, scope: scope)
        try Self.loadOverrides(db, into: &snapshot, scope: scope)
        snapshot.handover = try Self.loadHandoverRecords(db, scope: scope)
        snapshot.discharges = try Self.loadDischarges(db, since: dischargedSince ?? Self.censusWindowStart(ward, now: now))
        try Self.loadBoard(db, into: &snapshot, protocol: ward, now: now)
        try Self.loadClinicalEvents(db, into: &snapshot, scope: scope)
        snapshot.pasNotices = try Self.loadPASNotices(db, scope: scope)
        snapshot.clinicalVersion = clinicalVersion
        snapshot.unreadable = try RowChecks.unreadable(db, patientScope: scope)
        for r in unparsed { snapshot.unreadable(r, "assessments", "scale or item scores unreadable") }
        return snapshot
    }

    /// The newest of each admitted patient's applied A03 / A11 / A13: a notice unless it is an A13.
    static func loadPASNotices(_ db: any SQLTx, scope: String) throws -> [PatientID: PASNotice] {
        var out: [PatientID: PASNotice] = [:]
        for r in try db.rows("""
            SELECT p.id AS patient_id, m.message_type, m.received_at FROM interface_messages m JOIN patients p ON p.mrn = m.patient_mrn
            WHERE p.id IN (\(scope)) AND m.outcome = 'AA' AND m.message_type IN ('ADT^A03', 'ADT^A11', 'ADT^A13') ORDER BY m.id
            """) {
            guard let id = r.integer("patient_id"), let type = r.text("message_type") else { continue }
            let kind = PASNotice.Kind(rawValue: String(type.suffix(3)))
            out[id] = kind.map { PASNotice(kind: $0, receivedAt: r.text("received_at").flatMap(Timestamp.date) ?? .distantPast) }
        }
        return out
    }

    /// The admitted patients' ids as an SQL list ("NULL" when the ward is empty), read once per
    /// snapshot so that each loader probes its patient index instead of re-deriving the set.
    static func admittedScope(_ db: any SQLTx) throws -> String {
        let ids = try db.scalars(Int64.self, "SELECT id FROM patients p WHERE NOT EXISTS (SELECT 1 FROM discharges d WHERE d.patient_id = p.id)")
        return ids.isEmpty ? "NULL" : ids.map(String.init).joined(separator: ",")
    }

    /// The start of the shift before the one in force (the oldest a shift census or a handover
    /// preview counts); the ward's whole history when the protocol's shifts do not cover now.
    public static func censusWindowStart(_ ward: WardProtocol, now: Date, calendar: Calendar = .wardDefault) -> Date {
        guard let current = ward.shifts.instance(at: now, calendar: calendar) else { return .distantPast }
        return ward.shifts.instance(at: current.start.addingTimeInterval(-1), calendar: calendar)?.start ?? current.start
    }

    /// An admitted or discharged patient by MRN (for the CLI and tests).
    public func patient(mrn: String) throws -> Patient? {
        try read { db in
            try db.row("\(Self.patientSelect(db.dialect)) WHERE p.mrn = ?", [mrn]).flatMap(Patient.init(row:))
        }
    }
}

extension Store {
    /// The newest audit event that is not the alert log's upkeep, now.
    public func clinicalVersion() throws -> Int {
        let code = postgresWardCode
        return try read { db in try (db.scalar(Int.self, Self.clinicalVersionSQL) ?? 0) + Self.transferChanges(db, ward: code) }
    }

    /// The newest audit event that is not the alert log's upkeep (scans back from the newest event).
    static let clinicalVersionSQL = """
        SELECT coalesce((SELECT seq FROM audit_events WHERE action <> 'alert.sync' ORDER BY seq DESC LIMIT 1), 0)
        """
}
