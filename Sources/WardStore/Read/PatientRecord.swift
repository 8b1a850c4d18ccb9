import Foundation
import WardCore

/// One patient's whole record, admitted or discharged: nothing is deleted at discharge.
public struct PatientRecord: Sendable, Hashable {
    public var patient: Patient
    /// Every assessment, newest first, amendments included.
    public var assessments: [Assessment]
    /// Beds the patient has been in, oldest first.
    public var beds: [String]
    /// Who discharged the patient (nil while admitted).
    public var dischargedByName: String?
    /// The whole stay as a snapshot of this one patient: assessments, vitals,
    /// sedation, checks not done, seizure/delirium events and handover notes,
    /// every entry (amended and entered-in-error ones marked, none hidden).
    public var snapshot: WardSnapshot
    /// Every dose record of the stay, newest first, those entered in error marked.
    public var administrations: [Administration]
    /// Transfers of this patient to or from this ward (a hospital's ward), newest first.
    public var transfers: [WardTransfer] = []
}

extension Store {
    /// Patients on the ward now: the scope of the ward snapshot's loaders.
    static let admittedPatients = "SELECT id FROM patients WHERE id NOT IN (SELECT patient_id FROM discharges)"

    /// The record of the patient with this MRN (nil when there is none), for any signed-in role.
    public func record(mrn: String, session: Session) throws(CommandRefusal) -> PatientRecord? {
        let code = postgresWardCode
        return try checkedRead("patient.record", .viewWard, session: session) { db, _ in
            guard let p = try db.row("\(Self.patientSelect(db.dialect)) WHERE p.mrn = ?", [mrn]).flatMap(Patient.init(row:)) else {
                return nil
            }
            let a = try db.rows("\(Self.assessmentSelect(db.dialect)) WHERE a.patient_id = ? AND \(RowChecks.readable("assessments", as: "a", db.dialect)) ORDER BY a.taken_at DESC, a.id DESC",
                                [p.id]).compactMap(Assessment.init(row:))
            let beds = try db.scalars(String.self, "SELECT bed FROM placements WHERE patient_id = ? ORDER BY id", [p.id])
            let by = try db.scalar(String.self, """
                SELECT s.name FROM discharges d JOIN staff s ON s.id = d.discharged_by WHERE d.patient_id = ?
                """, [p.id])
            // The same loaders as the ward snapshot, scoped to this patient and without a time window.
            let scope = "SELECT \(p.id)"
            let name = try db.scalar(String.self, "SELECT value FROM settings WHERE key = 'ward_name'") ?? "Ward"
            var snapshot = WardSnapshot(ward: Ward(name: name, beds: []), patients: [p], assessments: [p.id: a],
                                        version: 0, loadedAt: clock.now())
            try Self.loadObservations(db, into: &snapshot, scope: scope)
            try Self.loadClinicalEvents(db, into: &snapshot, scope: scope)
            try Self.loadOverrides(db, into: &snapshot, scope: scope)
            snapshot.handover = try Self.loadHandoverRecords(db, scope: scope)
            let doses = try db.rows("\(Self.administrationSelect(db.dialect)) WHERE a.patient_id = ? AND \(RowChecks.readable("administrations", as: "a", db.dialect)) ORDER BY a.at DESC, a.id DESC",
                                    [p.id]).compactMap(Administration.init(row:))
            snapshot.administrations[p.id] = doses.filter { !$0.isEnteredInError }
            snapshot.voidedAdministrations[p.id] = doses.filter(\.isEnteredInError)
            snapshot.unreadable = try RowChecks.unreadable(db, patientScope: scope)
            var record = PatientRecord(patient: p, assessments: a, beds: beds, dischargedByName: by, snapshot: snapshot,
                                       administrations: doses)
            if let code { record.transfers = try Self.transfers(db, ward: code).filter { $0.mrn == p.mrn } }
            return record
        }
    }
}
