/// Which reduction-rate guard rail a taper order is checked against, chosen
/// on the order: the inpatient reducing profile (eTG, SECONDARY) runs much
/// faster than the outpatient ASAM rule, so one rule for both makes every
/// ward regimen warn (issue 13).
public enum TaperProfile: String, Sendable, Hashable, Codable, CaseIterable {
    /// ASAM 2025: typically not more than 25 % per 2 weeks (`[taper.reductionRate]`).
    case outpatient
    /// After stabilisation, about 10 % of the daily diazepam equivalent per day (`[taper.inpatientReductionRate]`).
    case inpatient

    public var label: String {
        switch self {
        case .outpatient: "outpatient (ASAM)"
        case .inpatient: "inpatient reducing"
        }
    }
}

/// A reduction-rate guard rail: warn when a plan cuts more than `maxPercent`
/// within `windowDays`, as a share of the dose `windowDays` earlier
/// (`percentOf == .current`) or of the start dose (`.start`).
public struct ReductionRate: Sendable, Hashable {
    public var maxPercent: Double
    public var windowDays: Int
    public var percentOf: PercentBase
    public var provenance: Provenance
    public init(maxPercent: Double, windowDays: Int, percentOf: PercentBase, provenance: Provenance) {
        self.maxPercent = maxPercent; self.windowDays = windowDays; self.percentOf = percentOf; self.provenance = provenance
    }
}

extension TaperRules {
    /// The guard rail of `profile`; an older protocol without an inpatient profile
    /// checks inpatient orders against the outpatient rule (the stricter one).
    public func reductionRate(for profile: TaperProfile) -> ReductionRate {
        if profile == .inpatient, let inpatientRate { return inpatientRate }
        return ReductionRate(maxPercent: maxReductionPercent, windowDays: reductionWindowDays, percentOf: .current,
                             provenance: reductionProvenance)
    }
}
