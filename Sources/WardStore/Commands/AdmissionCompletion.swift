import Foundation
import WardCore

extension Store {
    /// The risk flag an admission by the hospital's ADT feed carries until the charge nurse completes it.
    public static let notAskedFlag = Patient.pasNotAskedFlag

    /// Completes an admission the ADT feed made: the charge nurse's answers (substances, seizure
    /// history, flags, allergies, and name/date of birth/sex if the PAS had them wrong) become the
    /// patient's current admission record — a new `patient_demographics` row; the feed's row and the
    /// admission row stay, and the audit event holds before and after. The MRN and bed do not change.
    public func completeAdmission(patientID: PatientID, _ cmd: AdmitPatient, session: Session,
                                  protocol ward: WardProtocol = ProtocolLoader.builtInDefault()) throws(CommandRefusal) -> Patient {
        let checked = try cleanedAdmission(cmd)
        return try command("patient.complete-admission", .admitPatient, session: session) { db, actor, now in
            let p = try Self.admittedPatient(db, patientID)
            guard p.riskFlags.contains(Self.notAskedFlag) else {
                throw CommandRefusal(.invalid, "\(InputText.visible(p.name))'s admission is complete already; a correction of a clinical entry is an amendment on the chart.")
            }
            if let problem = ward.admission.dateOfBirth.problem(checked.dateOfBirth, on: now) { throw CommandRefusal(.invalid, problem) }
            var after = p
            after.name = checked.name; after.dateOfBirth = checked.dateOfBirth; after.sex = checked.sex
            after.substances = checked.substances; after.seizureHistory = checked.seizureHistory
            after.allergies = checked.allergies
            after.riskFlags = checked.riskFlags.filter { $0 != Self.notAskedFlag }; after.admissionFlags = checked.admissionFlags
            try Self.insertPatientVersion(db, after, source: "admission completed", actor: actor, at: now)
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "patient.complete-admission",
                                  patientMRN: p.mrn, details: ["patient": .int(Int(p.id)),
                                                              "before": .string(Self.summary(p)), "after": .string(Self.summary(after))])
            return try Self.admittedPatient(db, patientID)
        }
    }

    /// A new version of what the admission recorded (every column; the newest row wins in every read).
    static func insertPatientVersion(_ db: any SQLTx, _ p: Patient, source: String, actor: Actor, at now: Date) throws {
        let enc = JSONEncoder(); enc.outputFormatting = .sortedKeys
        func json<E: Encodable>(_ v: E) throws -> String { String(decoding: try enc.encode(v), as: UTF8.self) }
        try db.execute("""
            INSERT INTO patient_demographics(patient_id, name, date_of_birth, sex, allergies, substances, seizure_history, risk_flags,
                                             source, recorded_at, recorded_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [p.id, p.name, p.dateOfBirth.description, p.sex.rawValue, try json(p.allergies), try json(p.substances),
                  p.seizureHistory, try json(StoredRiskFlags(manual: p.riskFlags, admission: p.admissionFlags)),
                  source, Timestamp.text(now), actor.key])
    }

    /// One line of what an admission holds, for an audit event's before and after.
    static func summary(_ p: Patient) -> String {
        let substances = p.substances.map { [$0.substance, $0.dailyAmount, $0.duration].filter { !$0.isEmpty }.joined(separator: " ") }
        return "\(p.name); \(p.dateOfBirth); \(p.sex.rawValue); allergies: \(p.allergies.joined(separator: ", ")); "
            + "substances: \(substances.joined(separator: "; ")); seizure history: \(p.seizureHistory ? "yes" : "no"); "
            + "flags: \((p.admissionFlags.map(\.rawValue) + p.riskFlags).joined(separator: ", "))"
    }
}
