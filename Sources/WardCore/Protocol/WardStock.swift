/// One tablet strength a ward stocks.
public struct TabletStrength: Sendable, Hashable {
    public var mg: Double
    /// A scored tablet may be halved.
    public var scored: Bool
    public init(mg: Double, scored: Bool) { self.mg = mg; self.scored = scored }
}

/// The tablets of one drug on the ward's stock (`[taper.stock.<drug>]`):
/// taper doses of that drug round to what they make.
public struct DrugStock: Sendable, Hashable {
    /// Lower-case drug name, as the equivalence tables name it.
    public var drug: String
    /// Ascending by strength.
    public var strengths: [TabletStrength]
    public var provenance: Provenance

    public init(drug: String, strengths: [TabletStrength], provenance: Provenance) {
        self.drug = drug.lowercased(); self.strengths = strengths.sorted { $0.mg < $1.mg }; self.provenance = provenance
    }

    /// The amounts whole tablets and halves of scored tablets make (nil only
    /// for strengths too fine to tabulate, which the protocol check refuses).
    public var grid: DoseGrid? { DoseGrid(strengths: strengths) }

    /// "2 mg (scored), 5 mg, 10 mg (scored)".
    public var strengthsText: String {
        strengths.map { "\(DoseText.mg($0.mg)) mg\($0.scored ? " (scored)" : "")" }.joined(separator: ", ")
    }

    /// What a dose rounds to, for people: "every 0.5 mg from 2 mg, and 1 mg".
    public var makeableText: String {
        guard let g = grid else { return "cannot be tabulated" }
        let small = g.smallAmounts
        let from = small.everyStepFrom > 0 ? " from \(DoseText.mg(small.everyStepFrom)) mg" : ""
        let below = small.makeable.isEmpty ? "" : ", and " + small.makeable.map { "\(DoseText.mg($0)) mg" }.joined(separator: ", ")
        return "every \(DoseText.mg(g.stepMg)) mg\(from)\(below)"
    }
}
