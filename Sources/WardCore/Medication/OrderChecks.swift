import Foundation

/// Warnings a prescriber sees before signing an order (shown on the order
/// screen, recorded with the signed order in the audit trail). They do not
/// refuse the order: the dose-safety rules refuse the doses.
public enum OrderChecks {
    /// - a second benzodiazepine PRN order while another is active (duplicate therapy);
    /// - a taper whose daily dose, in diazepam equivalents, is above the ward's
    ///   24-hour ceiling (every dose past the ceiling would need an override).
    /// `others` are the patient's current orders (the one being changed is skipped by id).
    public static func warnings(_ terms: OrderTerms, changing: OrderID? = nil, others: [MedicationOrder],
                                protocol p: WardProtocol) -> [String] {
        var out: [String] = []
        let active = others.filter { $0.id != changing && $0.isActive }
        if terms.kind == .prn && terms.status == .active {
            for o in active where o.kind == .prn {
                let dose = o.terms.prn.map { " \(DoseText.mg($0.doseMg)) mg" } ?? ""
                out.append("duplicate therapy: PRN order #\(o.id) (\(o.drug)\(dose)) is already active — the PRN interval and the 24-h ceiling count both orders together; stop one unless both are meant")
            }
        }
        if terms.kind == .taper, terms.status == .active, let t = terms.taper {
            let ceiling = p.doseSafety.ceiling24hDiazepamMg
            if let de = try? p.equivalence.convert(drug: terms.drug, mg: t.startDailyMg), de.diazepamMgHigh > ceiling + 1e-9 {
                out.append("start \(DoseText.mg(t.startDailyMg)) mg \(terms.drug)/day ≈ \(DoseText.mg(de.diazepamMgHigh)) mg diazepam-equivalent is above the ward's 24-h ceiling of \(DoseText.mg(ceiling)) mg: doses past the ceiling will need a prescriber's override each time")
            }
            let taperDaily = active.filter { $0.kind == .taper }.compactMap { o -> Double? in
                guard let s = o.terms.taper else { return nil }
                return (try? p.equivalence.convert(drug: o.drug, mg: s.startDailyMg))?.diazepamMgHigh
            }
            if let other = taperDaily.first {
                out.append("duplicate therapy: another taper order is active (≈ \(DoseText.mg(other)) mg diazepam-equivalent a day); both count toward the 24-h ceiling")
            }
        }
        return out
    }
}
