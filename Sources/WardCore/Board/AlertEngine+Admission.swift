import Foundation

extension AlertEngine {
    /// Admission reconciliation: the orders allow much less than the patient
    /// was taking (protocol `[admission.reconciliation]`). A warning from
    /// admission until the orders are changed.
    func admissionAlerts(for p: PatientBoardInput) -> [WardAlert] {
        guard let rec = proto.reconcile(p.patient, orders: p.orders), rec.warns else { return [] }
        let r = proto.admission.reconciliation
        return [WardAlert(rule: .admissionDoseCut, severity: .warning, patientID: p.patient.id, patientName: p.patient.name,
                          bed: p.patient.bed, subject: "admission-de",
                          message: rec.message(firstDays: r.firstDays) + " (warn above \(Int((r.cutWarnAbove * 100).rounded())) %)",
                          since: p.patient.admittedAt,
                          escalation: "Ask the prescriber to review the orders against the admission use: a large overnight cut risks withdrawal seizures.")]
    }
}
