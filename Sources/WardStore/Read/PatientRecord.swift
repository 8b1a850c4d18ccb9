import Foundation
import GRDB
import WardCore

/// One patient's whole record, admitted or discharged: nothing is deleted at discharge.
public struct PatientRecord: Sendable, Hashable {
    public var patient: Patient
    /// Every assessment, newest first, amendments included.
    public var assessments: [Assessment]
    /// Beds the patient has been in, oldest first.
    public var beds: [String]
}

extension Store {
    /// The record of the patient with this MRN (nil when there is none), for any signed-in role.
    public func record(mrn: String, session: Session) throws(CommandRefusal) -> PatientRecord? {
        try checkedRead("patient.record", .viewWard, session: session) { db, _ in
            guard let p = try Row.fetchOne(db, sql: "\(Self.patientSelect) WHERE p.mrn = ?", arguments: [mrn]).flatMap(Patient.init(row:)) else {
                return nil
            }
            let a = try Row.fetchAll(db, sql: "\(Self.assessmentSelect) WHERE a.patient_id = ? ORDER BY a.taken_at DESC, a.id DESC",
                                     arguments: [p.id]).compactMap(Assessment.init(row:))
            let beds = try String.fetchAll(db, sql: "SELECT bed FROM placements WHERE patient_id = ? ORDER BY id", arguments: [p.id])
            return PatientRecord(patient: p, assessments: a, beds: beds)
        }
    }
}
