public struct EquivalenceError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// True when the drug is recognised but has no agreed diazepam equivalent (not a typing error).
    public var noAgreedEquivalent: Bool = false
    public var description: String { message }
}

/// One drug dose converted to diazepam.
public struct EquivalenceResult: Sendable, Hashable {
    public var drug: String
    public var doseMg: Double
    /// The point value; nil when the table gives a range (no midpoint is picked).
    public var diazepamMg: Double?
    public var diazepamMgLow: Double
    public var diazepamMgHigh: Double
    public var table: String
    public var tableTitle: String
    public var source: String
    public var status: EvidenceStatus
    public var isZDrug: Bool
}

/// Total daily diazepam equivalent over several drugs.
public struct EquivalenceTotal: Sendable, Hashable {
    public var parts: [EquivalenceResult]
    /// Nil when any part is a range.
    public var diazepamMg: Double?
    public var diazepamMgLow: Double
    public var diazepamMgHigh: Double
}

extension EquivalenceRules {
    /// Converts `mg` of `drug` to diazepam mg under `tableName` (default: the table in force).
    public func convert(drug: String, mg: Double, table tableName: String? = nil) throws(EquivalenceError) -> EquivalenceResult {
        let name = tableName ?? selected
        guard let t = tables[name] else {
            throw EquivalenceError(message: "table '\(name)' is not in the protocol (tables: \(tables.keys.sorted().joined(separator: ", ")))")
        }
        let key = drug.lowercased()
        if let none = noAgreedEquivalent(for: key) { throw none }
        guard let eq = t.doses[key] else {
            throw EquivalenceError(message: "drug '\(drug)' is not in the \(name) table (listed: \(t.doses.keys.sorted().joined(separator: ", ")))")
        }
        guard mg.isFinite, mg >= 0 else {
            throw EquivalenceError(message: "dose \(mg) mg must be 0 or more")
        }
        // More drug per reference dose means less diazepam per mg of drug.
        let low = mg * referenceDiazepamMg / eq.high
        let high = mg * referenceDiazepamMg / eq.low
        return EquivalenceResult(drug: key, doseMg: mg, diazepamMg: eq.isRange ? nil : low, diazepamMgLow: low,
                                 diazepamMgHigh: high, table: name, tableTitle: t.title, source: t.provenance.source,
                                 status: t.provenance.status, isZDrug: zDrugs.contains(key))
    }

    /// Total daily diazepam equivalent for a patient on several drugs.
    public func total(_ doses: [(drug: String, mg: Double)], table tableName: String? = nil) throws(EquivalenceError) -> EquivalenceTotal {
        var parts: [EquivalenceResult] = []
        for d in doses { parts.append(try convert(drug: d.drug, mg: d.mg, table: tableName)) }
        let low = parts.map(\.diazepamMgLow).reduce(0, +)
        let high = parts.map(\.diazepamMgHigh).reduce(0, +)
        let point = parts.allSatisfy { $0.diazepamMg != nil } ? parts.compactMap(\.diazepamMg).reduce(0, +) : nil
        return EquivalenceTotal(parts: parts, diazepamMg: point, diazepamMgLow: low, diazepamMgHigh: high)
    }
}

extension EquivalenceRules {
    /// The refusal for a recognised drug without an agreed equivalent (etizolam …), nil for any other name.
    public func noAgreedEquivalent(for drug: String) -> EquivalenceError? {
        guard let n = noAgreedEquivalent, n.drugs.contains(drug.lowercased()) else { return nil }
        return EquivalenceError(message: "\(drug.lowercased()): no agreed diazepam equivalent (\(n.provenance.status.rawValue)) — \(n.note)",
                                noAgreedEquivalent: true)
    }
}
