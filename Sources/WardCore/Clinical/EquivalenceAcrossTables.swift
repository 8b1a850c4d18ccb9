/// One dose converted under every table of the protocol that lists the drug:
/// where the published tables disagree the answer is a range, and the
/// conversion is in CONFLICT (facts.md §13: Ashton and VA/DoD differ up to 2×).
public struct EquivalenceSpread: Sendable, Hashable {
    public var drug: String
    public var doseMg: Double
    /// Each table's conversion, by table name (only the tables that list the drug).
    public var byTable: [String: EquivalenceResult]
    /// Lowest and highest diazepam mg across those tables (each table's own range included).
    public var diazepamMgLow: Double
    public var diazepamMgHigh: Double
    /// True when the tables that list the drug give different values.
    public var isConflict: Bool { byTable.count > 1 && diazepamMgLow != diazepamMgHigh && Set(byTable.values.map(\.diazepamMgHigh)).count > 1 }
}

extension EquivalenceRules {
    /// `mg` of `drug` under every table listing it; nil when no table does.
    public func acrossTables(drug: String, mg: Double) -> EquivalenceSpread? {
        var by: [String: EquivalenceResult] = [:]
        for name in tables.keys.sorted() {
            if let r = try? convert(drug: drug, mg: mg, table: name) { by[name] = r }
        }
        guard !by.isEmpty else { return nil }
        return EquivalenceSpread(drug: drug.lowercased(), doseMg: mg, byTable: by,
                                 diazepamMgLow: by.values.map(\.diazepamMgLow).min()!,
                                 diazepamMgHigh: by.values.map(\.diazepamMgHigh).max()!)
    }
}
