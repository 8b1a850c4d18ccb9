import Foundation

extension WardSnapshot {
    /// The scales that make a PRN order "CIWA-triggered".
    static let ciwaScales: Set<ScaleKind> = [.ciwaB, .ciwaAr]

    /// The dose gate of the patient's first active PRN order triggered by a
    /// CIWA scale, as of the latest current assessment on that scale (nil
    /// without such an order or without an assessment on its scale).
    /// Same semantics as PRN eligibility: the answers recorded with that
    /// assessment win; without them recent use is read from the admission
    /// record and the patient is taken to be able to communicate.
    public func ciwaOrderGate(for id: PatientID, protocol p: WardProtocol) -> CIWAOrderGate? {
        guard let patient = patient(id) else { return nil }
        for order in orders(.prn, for: id) where order.isActive {
            guard let terms = order.terms.prn, let scale = ScaleKind(rawValue: terms.scale),
                  Self.ciwaScales.contains(scale), let latest = latest(scale, for: id) else { continue }
            let answers = doseGates[latest.id]
            let recentUse = patient.substances.contains { (try? p.equivalence.convert(drug: $0.substance, mg: 1)) != nil }
            let gate = p.appropriateness.evaluate(recentUseConfirmed: answers?.recentUseConfirmed ?? recentUse,
                                                  canCommunicate: answers?.canCommunicate ?? true)
            return CIWAOrderGate(order: order.drug, gate: gate, at: latest.recordedAt)
        }
        return nil
    }
}
