import Foundation
import WardCore

extension Store {
    /// Sets (or clears) NEWS2 SpO2 scale 2 for an admitted patient: a
    /// prescriber's decision (the role that writes orders), with a reason,
    /// audited. From the next vital signs on, NEWS2 scores SpO2 on the chosen scale.
    public func setSpO2Scale2(patientID: PatientID, _ scale2: Bool, reason: String, session: Session) throws(CommandRefusal) {
        let why = try cleaned(reason, "Reason", max: 200)
        try command("patient.spo2-scale", .writeOrder, session: session) { db, actor, now in
            let p = try Self.admittedPatient(db, patientID)
            guard p.spo2Scale2 != scale2 else {
                throw CommandRefusal(.invalid, "\(InputText.visible(p.name)) is already on SpO2 scale \(scale2 ? 2 : 1).")
            }
            try db.execute("""
                INSERT INTO spo2_scale_decisions(patient_id, scale2, reason, decided_at, decided_by) VALUES (?, ?, ?, ?, ?)
                """, [patientID, scale2, why, Timestamp.text(now), actor.key])
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "patient.spo2-scale",
                                  patientMRN: p.mrn, details: ["patient": .int(Int(patientID)), "scale2": .bool(scale2),
                                                             "reason": .string(why)])
        }
    }
}
