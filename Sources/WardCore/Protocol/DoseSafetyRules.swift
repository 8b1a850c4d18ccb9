/// The ward's dose-safety rules that are not per order: the 24-hour
/// benzodiazepine ceiling across every administration (scheduled and PRN,
/// every drug, in diazepam equivalents), and the names under which patients
/// report a drug (brand and street names), so that "alprazolam (counterfeit
/// tablets)" or "Xanax" on admission counts as recent benzodiazepine use.
public struct DoseSafetyRules: Sendable, Hashable {
    /// The most benzodiazepine, in diazepam-equivalent mg (the cautious upper
    /// end of a range), that any 24 hours may hold without a prescriber's override.
    public var ceiling24hDiazepamMg: Double
    public var ceilingProvenance: Provenance
    /// Other names → the drug as named in the equivalence tables (lower case).
    public var synonyms: [String: String]
    public var synonymsProvenance: Provenance

    public init(ceiling24hDiazepamMg: Double, ceilingProvenance: Provenance, synonyms: [String: String],
                synonymsProvenance: Provenance) {
        self.ceiling24hDiazepamMg = ceiling24hDiazepamMg; self.ceilingProvenance = ceilingProvenance
        self.synonyms = synonyms; self.synonymsProvenance = synonymsProvenance
    }
}
