extension EquivalenceRules {
    /// The drug every equivalence table converts to.
    public static let referenceDrug = "diazepam"
}

/// A dose as diazepam mg: a point, or a range when the table gives one.
public struct DiazepamEquivalent: Sendable, Hashable {
    public var low: Double
    public var high: Double
    /// Nil when the table gives a range (no midpoint is picked).
    public var mg: Double? { low == high ? low : nil }
    /// "80 mg" or "10–12 mg".
    public var text: String { mg.map { "\(fmt($0)) mg" } ?? "\(fmt(low))–\(fmt(high)) mg" }
}

extension TaperPlanner {
    /// `mg` of `drug` in diazepam equivalents through the table in force;
    /// diazepam itself without a table is its own mg. Nil when it cannot be
    /// converted (no table given, or the drug is not in the table).
    public static func diazepamEquivalent(of mg: Double, _ drug: String,
                                          equivalence: EquivalenceRules?) -> DiazepamEquivalent? {
        if let equivalence, let r = try? equivalence.convert(drug: drug, mg: mg) {
            return DiazepamEquivalent(low: r.diazepamMgLow, high: r.diazepamMgHigh)
        }
        return drug.lowercased() == EquivalenceRules.referenceDrug ? DiazepamEquivalent(low: mg, high: mg) : nil
    }

    /// Stabilisation cap (on the start dose's diazepam equivalent, the upper
    /// value of a range), ward stock, and reductions faster than the protocol's rate.
    static func guardRails(_ plan: TaperPlan, start: Double, rules: TaperRules, profile: TaperProfile,
                           equivalence: EquivalenceRules?) -> [String] {
        var out: [String] = []
        let drug = plan.drug
        let isReference = drug == EquivalenceRules.referenceDrug
        let cap = "the stabilisation cap of \(fmt(rules.stabilisationCapMg)) mg diazepam-equivalent (\(rules.capProvenance.status.rawValue): \(rules.capProvenance.source))"
        let table = equivalence.map { " (table \($0.selected))" } ?? ""
        if let de = diazepamEquivalent(of: start, drug, equivalence: equivalence) {
            if de.high > rules.stabilisationCapMg + 1e-9 {
                let dose = isReference ? "\(fmt(start)) mg/day diazepam"
                    : "\(fmt(start)) mg/day \(drug) ≈ \(de.text) diazepam-equivalent\(table)"
                out.append("start dose \(dose) is above \(cap)" + (de.mg == nil ? "; the upper value of the range is checked" : ""))
            }
        } else {
            let why = equivalence.map { "\(drug) is not in the equivalence table '\($0.selected)' in force" }
                ?? "no equivalence table was given for \(drug)"
            out.append("\(why): the start dose of \(fmt(start)) mg/day cannot be checked in diazepam equivalents against \(cap)")
        }

        switch plan.rounding {
        case .unrounded:
            out.append("no ward stock is listed for \(drug) ([taper.stock.\(drug)]): doses are not rounded to tablets; check each dose can be given as ordered")
        case .stock(let s):
            for step in plan.steps where !plan.grid.canMake(step.dailyMg) {
                out.append("day \(step.day): \(fmt(step.dailyMg)) mg cannot be made from the ward's \(drug) stock, whole tablets or halves of scored ones (\(s.strengthsText)): check the order")
            }
        case .multiples: break
        }

        func withDE(_ mg: Double) -> String {
            if isReference { return "\(fmt(mg)) mg" }
            let de = diazepamEquivalent(of: mg, drug, equivalence: equivalence)
            return "\(fmt(mg)) mg \(drug)" + (de.map { " (≈ \($0.text) diazepam-equivalent)" } ?? "")
        }
        let rate = rules.reductionRate(for: profile)
        let w = rate.windowDays
        let within = w == 1 ? "in 1 day" : "within \(w) days"
        let ofWhat = rate.percentOf == .start ? " of the start dose \(withDE(start))" : ""
        let fallback = profile == .inpatient && rules.inpatientRate == nil ? "; the protocol has no [taper.inpatientReductionRate], so the outpatient rule applies" : ""
        var inRun = false
        // A run of steps each over the rate is one warning, saying how far it goes.
        var runFirst: Int? = nil, runMore = 0, runLastDay = 0
        func closeRun() {
            if let i = runFirst, runMore > 0 {
                out[i] += "; the same for the \(runMore) step\(runMore == 1 ? "" : "s") after it, to day \(runLastDay)"
            }
            runFirst = nil; runMore = 0
        }
        for s in plan.steps.dropFirst() {
            let ref = plan.dailyMg(onDay: max(0, s.day - w))
            let refDay = plan.steps.last { $0.day <= max(0, s.day - w) }?.day ?? 0
            let base = rate.percentOf == .start ? start : ref
            let pct = base > 0 ? (ref - s.dailyMg) / base * 100 : 0
            let over = pct > rate.maxPercent + 1e-9
            if over && inRun { runMore += 1; runLastDay = s.day }
            if !over && inRun { closeRun() }
            if over && !inRun {
                runFirst = out.count
                out.append("day \(s.day): \(withDE(s.dailyMg)) is \(fmt((pct * 10).rounded() / 10))%\(ofWhat) below \(withDE(ref)) on day \(refDay), more than \(fmt(rate.maxPercent))% \(within) for the \(profile.label) profile (\(rate.provenance.status.rawValue): \(rate.provenance.source)\(fallback))")
            }
            inRun = over
        }
        closeRun()
        return out
    }
}
