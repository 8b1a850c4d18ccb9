import Foundation

extension WardSnapshot {
    /// The scales that make a PRN order "CIWA-triggered".
    static let ciwaScales: Set<ScaleKind> = [.ciwaB, .ciwaAr]

    /// The dose gate of the patient's first active PRN order triggered by a
    /// CIWA scale, as of the latest current assessment on that scale (nil
    /// without such an order or without an assessment on its scale).
    /// Same semantics as the dose-safety check: the answers recorded with
    /// that assessment decide; a score saved without them is monitoring only.
    public func ciwaOrderGate(for id: PatientID, protocol p: WardProtocol) -> CIWAOrderGate? {
        guard patient(id) != nil else { return nil }
        for order in orders(.prn, for: id) where order.isActive {
            guard let terms = order.terms.prn, let scale = ScaleKind(rawValue: terms.scale),
                  Self.ciwaScales.contains(scale), let latest = latest(scale, for: id) else { continue }
            let gate = doseGate(for: latest, protocol: p)
            return CIWAOrderGate(order: order.drug, gate: gate, at: latest.recordedAt)
        }
        return nil
    }
}
