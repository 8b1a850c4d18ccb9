import Foundation

/// A risk flag shown on the banner, the ward list and the handover: what it
/// is, why (the facts on record that raised it), and the protocol rule it
/// comes from. Manual free-text flags are `.other`, shown as typed.
public struct RiskFlag: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case seizure, coSedation, naloxone, hepatic, olderAdult, falls, pregnancy, respiratory, suicide, allergiesUnknown, other
    }
    public var kind: Kind
    public var reason: String
    /// Where the rule comes from (nil for what the nurse typed).
    public var provenance: Provenance?

    /// The word shown before the reason: "SEIZURE RISK", "CO-SEDATION", …
    public var label: String {
        switch kind {
        case .seizure: "SEIZURE RISK"
        case .coSedation: "CO-SEDATION"
        case .naloxone: "NALOXONE"
        case .hepatic: "HEPATIC"
        case .olderAdult: "AGE"
        case .falls: "FALLS"
        case .pregnancy: "PREGNANCY"
        case .respiratory: "RESPIRATORY"
        case .suicide: "SUICIDE/SELF-HARM"
        case .allergiesUnknown: "ALLERGIES"
        case .other: "Other flag"
        }
    }
    /// "SEIZURE RISK: alprazolam (high-potency short-acting); alcohol co-use".
    public var text: String { "\(label): \(reason)" }
}

extension Patient {
    /// Substances on the list whose name (as whole words) is one of `names`.
    public func substances(named names: [String]) -> [String] {
        substances.compactMap { s in
            let words = s.substance.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
            return words.contains(where: names.contains) ? s.substance : nil
        }
    }

    /// True when alcohol (by the protocol's alcohol names) is on the substance list.
    public func usesAlcohol(_ proto: WardProtocol) -> Bool { proto.namesAlcohol(substances.map(\.substance)) }
}

extension WardProtocol {
    /// Every risk flag of `patient` at `now`, most dangerous first, each with
    /// its reason; `orders` (the patient's current orders) feed the abrupt-cut reason.
    public func riskFlags(_ patient: Patient, orders: [OrderTerms], now: Date, calendar: Calendar = .wardDefault) -> [RiskFlag] {
        let a = admission
        var out: [RiskFlag] = []
        let rec = reconcile(patient, orders: orders, calendar: calendar)
        let co = a.coSedation
        let alcohol = patient.substances(named: co.alcohol)

        var seizure: [String] = []
        if patient.seizureHistory { seizure.append("seizure history") }
        if let rec, rec.admissionMg > a.seizureRisk.highDailyDiazepamMg {
            seizure.append("high dose: \(DoseText.mg(rec.admissionMg)) mg DE/day (> \(DoseText.mg(a.seizureRisk.highDailyDiazepamMg)))")
        }
        let agents = Set(patient.substances.flatMap { doseSafety.drugs(in: $0.substance, equivalence: equivalence) })
        for d in a.seizureRisk.highPotencyShortActing where agents.contains(d) { seizure.append("\(d) (high-potency short-acting)") }
        if let gap = lastBenzodiazepineGap(patient, calendar: calendar), gap >= a.seizureRisk.abruptCessationDays {
            seizure.append("abrupt cessation: last use \(gap) days before admission")
        } else if let rec, rec.warns {
            seizure.append("abrupt cessation: orders cut \(Int((rec.cut * 100).rounded())) %")
        }
        if !alcohol.isEmpty { seizure.append("alcohol co-use") }
        if !seizure.isEmpty { out.append(RiskFlag(kind: .seizure, reason: seizure.joined(separator: "; "), provenance: a.seizureRisk.provenance)) }

        let opioids = patient.substances(named: co.opioids), ost = patient.substances(named: co.opioidSubstitution)
        let gaba = patient.substances(named: co.gabapentinoids)
        var cs: [String] = []
        if !opioids.isEmpty { cs.append("opioid: " + opioids.joined(separator: ", ")) }
        if !ost.isEmpty { cs.append("opioid substitution: " + ost.joined(separator: ", ")) }
        if !gaba.isEmpty { cs.append("gabapentinoid: " + gaba.joined(separator: ", ")) }
        if !alcohol.isEmpty { cs.append("alcohol") }
        if !cs.isEmpty {
            out.append(RiskFlag(kind: .coSedation, reason: cs.joined(separator: "; ") + " with benzodiazepines", provenance: co.provenance))
        }
        if !opioids.isEmpty || !ost.isEmpty {
            out.append(RiskFlag(kind: .naloxone, reason: "opioid co-use: check naloxone is available (it reverses the opioid, not the benzodiazepine)",
                                provenance: co.provenance))
        }

        let set = a.orderSet
        let flags = Set(patient.admissionFlags)
        if flags.contains(.suicideSelfHarm) { out.append(RiskFlag(kind: .suicide, reason: "suicide / self-harm risk recorded on admission", provenance: set.provenance)) }
        if flags.contains(.respiratory) { out.append(RiskFlag(kind: .respiratory, reason: "respiratory disease / sleep apnoea recorded on admission", provenance: set.provenance)) }
        if flags.contains(.hepaticImpairment) { out.append(RiskFlag(kind: .hepatic, reason: "hepatic impairment: \(set.hepaticHint)", provenance: set.provenance)) }
        if flags.contains(.pregnancy) { out.append(RiskFlag(kind: .pregnancy, reason: "pregnant (recorded on admission)", provenance: set.provenance)) }
        let age = patient.dateOfBirth.age(on: now, calendar: calendar)
        if age >= set.olderAdultAge { out.append(RiskFlag(kind: .olderAdult, reason: "age \(age) (≥ \(set.olderAdultAge))", provenance: set.provenance)) }
        if flags.contains(.fallsRisk) { out.append(RiskFlag(kind: .falls, reason: "falls risk recorded on admission", provenance: set.provenance)) }
        if patient.allergyStatus == .notYetKnown { out.append(RiskFlag(kind: .allergiesUnknown, reason: "not yet known - ask and record", provenance: nil)) }
        for f in patient.riskFlags { out.append(RiskFlag(kind: .other, reason: f, provenance: nil)) }
        return out
    }

    /// Whole days between the last recorded benzodiazepine use and the day of admission.
    func lastBenzodiazepineGap(_ patient: Patient, calendar: Calendar) -> Int? {
        let benzoLast = patient.substances.filter { !doseSafety.drugs(in: $0.substance, equivalence: equivalence).isEmpty }.compactMap(\.lastUse)
        guard let last = benzoLast.max(),
              let d = calendar.date(from: DateComponents(year: last.year, month: last.month, day: last.day)) else { return nil }
        return calendar.dateComponents([.day], from: d, to: calendar.startOfDay(for: patient.admittedAt)).day
    }
}
