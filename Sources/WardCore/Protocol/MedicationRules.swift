/// A dose of a drug taken as equivalent to the reference diazepam dose:
/// a point (low == high) or a range as published (bromazepam 5–6 mg).
public struct EquivalentDose: Sendable, Hashable {
    public var low: Double
    public var high: Double
    public init(low: Double, high: Double) { self.low = low; self.high = high }
    public var isRange: Bool { low != high }
}

public struct EquivalenceTable: Sendable, Hashable {
    public var name: String
    public var title: String
    public var provenance: Provenance
    /// mg of each drug ≈ `referenceDiazepamMg` of diazepam, by lower-case drug name.
    public var doses: [String: EquivalentDose]
}

public struct EquivalenceRules: Sendable, Hashable {
    public var selected: String
    public var referenceDiazepamMg: Double
    public var zDrugs: Set<String>
    public var tables: [String: EquivalenceTable]
    public var provenance: Provenance
    /// The table in force (validated to exist).
    public var table: EquivalenceTable { tables[selected]! }
}

public enum PRNCapCounting: String, Sendable, Hashable, CaseIterable {
    /// PRN doses of every benzodiazepine order count toward the cap.
    case prn
    /// Scheduled doses count too.
    case all
}

public struct PRNTemplate: Sendable, Hashable {
    public var name: String
    public var label: String
    public var drug: String
    public var scale: ScaleKind
    /// Lowest total at which a dose may be offered.
    public var threshold: Int
    public var doseMg: Double
    public var minIntervalMinutes: Int
    /// Cap on benzodiazepine given in any 24 h, in diazepam-equivalent mg.
    public var maxPer24hDiazepamMg: Double
    public var provenance: Provenance
}

public struct PRNRules: Sendable, Hashable {
    public var capCounts: PRNCapCounting
    public var templates: [PRNTemplate]
    public var provenance: Provenance
    public func template(_ name: String) -> PRNTemplate? { templates.first { $0.name == name } }
}

public struct TaperRules: Sendable, Hashable {
    /// Warn when a taper cuts more than this percentage within `reductionWindowDays`.
    public var maxReductionPercent: Double
    public var reductionWindowDays: Int
    public var reductionProvenance: Provenance
    /// Warn when a starting (stabilisation) dose is above this.
    public var stabilisationCapMg: Double
    public var capProvenance: Provenance
    public var tabletDrug: String
    public var tabletStrengthsMg: [Double]
    public var allowHalves: Bool
    public var tabletProvenance: Provenance
    public var doseTimes: [ClockTime]
    public var doseTimesProvenance: Provenance

    /// The dose step used for rounding: the smallest tablet piece (the
    /// smallest strength, halved when halves are allowed). Every multiple of
    /// it can be made from the stock.
    public var roundingMg: Double {
        let smallest = tabletStrengthsMg.min() ?? 1
        return allowHalves ? smallest / 2 : smallest
    }
}


public struct WitnessSchedule: Sendable, Hashable {
    public var key: String
    public var label: String
    public var administration: Bool
    public var wastage: Bool
}

public struct WitnessRules: Sendable, Hashable {
    public var defaultSchedule: String
    public var schedules: [String: WitnessSchedule]
    public var drugSchedule: [String: String]
    public var provenance: Provenance

    /// The schedule a drug falls under on this ward (validated to exist).
    public func schedule(for drug: String) -> WitnessSchedule {
        schedules[drugSchedule[drug.lowercased()] ?? defaultSchedule]!
    }
}
