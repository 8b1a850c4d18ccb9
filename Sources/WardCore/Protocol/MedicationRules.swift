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
    /// Recognised drugs with no agreed diazepam equivalent (designer benzodiazepines); nil when the protocol lists none.
    public var noAgreedEquivalent: NoAgreedEquivalent? = nil
    /// The table in force (validated to exist).
    public var table: EquivalenceTable { tables[selected]! }
}

/// Drugs the ward recognises but that no source converts to diazepam
/// (facts.md §13: etizolam, bromazolam, flualprazolam — UNCONFIRMED). No value
/// is invented: asking for one is answered with `note` and its status.
public struct NoAgreedEquivalent: Sendable, Hashable {
    /// Lower-case drug names.
    public var drugs: [String]
    /// What to tell the person asking, e.g. "seek specialist advice".
    public var note: String
    public var provenance: Provenance
    public init(drugs: [String], note: String, provenance: Provenance) {
        self.drugs = drugs; self.note = note; self.provenance = provenance
    }
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
    /// Warn when a starting (stabilisation) dose is above this, in diazepam
    /// equivalents (the upper value when the table gives a range).
    public var stabilisationCapMg: Double
    public var capProvenance: Provenance
    /// Ward tablet stock by lower-case drug name (`[taper.stock.<drug>]`, or
    /// the one drug of an older `[taper.tablets]` table).
    public var stock: [String: DrugStock]
    /// The drug a new taper order starts with: diazepam when stocked, else
    /// the first drug listed.
    public var defaultDrug: String
    public var doseTimes: [ClockTime]
    public var doseTimesProvenance: Provenance
    /// The inpatient reducing profile (`[taper.inpatientReductionRate]`); nil in older protocol files.
    public var inpatientRate: ReductionRate? = nil

    public init(maxReductionPercent: Double, reductionWindowDays: Int, reductionProvenance: Provenance,
                stabilisationCapMg: Double, capProvenance: Provenance, stock: [String: DrugStock], defaultDrug: String,
                doseTimes: [ClockTime], doseTimesProvenance: Provenance) {
        self.maxReductionPercent = maxReductionPercent; self.reductionWindowDays = reductionWindowDays
        self.reductionProvenance = reductionProvenance; self.stabilisationCapMg = stabilisationCapMg
        self.capProvenance = capProvenance; self.stock = stock; self.defaultDrug = defaultDrug.lowercased()
        self.doseTimes = doseTimes; self.doseTimesProvenance = doseTimesProvenance
    }

    /// The older one-drug form (`[taper.tablets]`): every strength scored when halves are allowed.
    public init(maxReductionPercent: Double, reductionWindowDays: Int, reductionProvenance: Provenance,
                stabilisationCapMg: Double, capProvenance: Provenance, tabletDrug: String, tabletStrengthsMg: [Double],
                allowHalves: Bool, tabletProvenance: Provenance, doseTimes: [ClockTime], doseTimesProvenance: Provenance) {
        let s = DrugStock(drug: tabletDrug, strengths: tabletStrengthsMg.map { TabletStrength(mg: $0, scored: allowHalves) },
                          provenance: tabletProvenance)
        self.init(maxReductionPercent: maxReductionPercent, reductionWindowDays: reductionWindowDays,
                  reductionProvenance: reductionProvenance, stabilisationCapMg: stabilisationCapMg, capProvenance: capProvenance,
                  stock: [s.drug: s], defaultDrug: s.drug, doseTimes: doseTimes, doseTimesProvenance: doseTimesProvenance)
    }

    /// The ward's stock of `drug`, if any is listed.
    public func stock(for drug: String) -> DrugStock? { stock[drug.lowercased()] }

    // The older one-drug view (the default drug's stock), kept for callers
    // written before per-drug stock: prefer `stock(for:)` and `defaultDrug`.

    public var tabletDrug: String { defaultDrug }
    public var tabletStrengthsMg: [Double] { stock(for: defaultDrug)?.strengths.map(\.mg) ?? [] }
    /// Whether any of the default drug's tablets may be halved.
    public var allowHalves: Bool { stock(for: defaultDrug)?.strengths.contains { $0.scored } ?? false }
    public var tabletProvenance: Provenance {
        stock(for: defaultDrug)?.provenance ?? Provenance(source: "no ward stock listed", status: .unconfirmed)
    }
    /// The finest step of the default drug's doses: every makeable amount is
    /// a multiple of it (not every multiple is makeable: see `DrugStock.grid`).
    public var roundingMg: Double { stock(for: defaultDrug)?.grid?.stepMg ?? DoseGrid.chartPrecisionMg }
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
