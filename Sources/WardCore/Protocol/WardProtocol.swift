import Foundation

/// A severity band of a scale total, e.g. CIWA-B 21–40 "moderate".
public struct SeverityBand: Sendable, Hashable {
    public var name: String
    public var min: Int
    public var max: Int
    /// 0 = lowest concern … 3 = highest; drives the semantic role on screen.
    public var level: Int
    public init(name: String, min: Int, max: Int, level: Int) {
        self.name = name; self.min = min; self.max = max; self.level = level
    }
    public func contains(_ total: Int) -> Bool { (min...max).contains(total) }
}

/// The ward's rules for one scale.
public struct ScaleRules: Sendable {
    public var kind: ScaleKind
    public var bands: [SeverityBand]
    /// Where the bands come from, as the protocol file states it.
    public var source: String
    /// Status of the bands as the protocol states it (e.g. "UNCONFIRMED").
    public var status: String
    /// Whether the ward uses this scale.
    public var inUse: Bool = true
    /// Highest score of one item, where the protocol sets it (BWSQ).
    public var itemMax: Int? = nil

    public func band(for total: Int) -> SeverityBand? { bands.first { $0.contains(total) } }
}

/// Every clinical number Wardline uses, each with its source. Loaded from a
/// TOML file (the shipped default, or the ward's own) and validated whole:
/// the program never runs on a half-read protocol.
public struct WardProtocol: Sendable {
    public var version: String
    public var approvedBy: String
    /// False while `approvedBy` is empty or starts "NOT APPROVED" (as shipped): screens and printouts show a banner.
    public var isApproved: Bool {
        let a = approvedBy.trimmingCharacters(in: .whitespaces)
        return !a.isEmpty && !a.uppercased().hasPrefix("NOT APPROVED")
    }
    public var scales: [ScaleKind: ScaleRules]
    public var news2: NEWS2Rules
    public var entryLimits: EntryLimits
    public var reassessment: ReassessmentRules
    public var equivalence: EquivalenceRules
    public var prn: PRNRules
    public var hold: HoldRules
    /// The 24-hour ceiling across every benzodiazepine administration, and drug synonyms.
    public var doseSafety: DoseSafetyRules
    /// The graded over-sedation pathway.
    public var oversedation: OverSedationRules
    /// Alcohol co-use: CIWA-Ar from admission, thiamine prompt, CIWA-Ar escalation.
    public var alcohol: AlcoholRules
    /// What raises the handover's illness severity and the overview's severity sort.
    public var severity: SeverityRules
    public var escalation: EscalationRules
    public var taper: TaperRules
    public var witness: WitnessRules
    public var shifts: ShiftRules
    public var administration: AdministrationRules
    public var appropriateness: AppropriatenessRules
    public var observations: ObservationTimingRules
    public var security: SecurityPolicy
    public var securityProvenance: Provenance
    public var alerts: AlertRules
    /// Usual vital-sign ranges (confirm prompts) and monitoring-exception re-check times.
    public var bedside: BedsideRules
    /// Admission reconciliation, derived risk flags and the date-of-birth check.
    public var admission: AdmissionRules

    public func band(_ scale: ScaleKind, total: Int) -> SeverityBand? { scales[scale]?.band(for: total) }

    /// The item definition of an item-scored scale as this protocol configures
    /// it (BWSQ item scoring is a protocol setting). Nil for RASS/POSS.
    public func definition(_ scale: ScaleKind) -> ScaleDefinition? {
        switch scale {
        case .bwsq: scales[.bwsq]?.itemMax.map { ScaleDefinition.bwsq(itemMax: $0) }
        default: ScaleDefinition.catalog[scale]
        }
    }
}
