extension ProtocolDecoder {
    /// `[doseSafety]`: the 24-hour ceiling with its source, and `[doseSafety.synonyms]`
    /// (name = "drug", every drug in some equivalence table).
    static func decodeDoseSafety(_ t: TOMLTable, _ path: String, _ eq: EquivalenceRules?, _ r: inout TOMLReader) -> DoseSafetyRules? {
        let prov = r.provenance(t, at: path)
        let ceiling = r.double(t, "ceiling24hDiazepamMg", at: path, range: 0.01...10_000)
        var synonyms: [String: String] = [:]
        var synProv: Provenance?
        var ok = true
        if let st = r.table(t, "synonyms", at: path) {
            let sp = "\(path).synonyms"
            synProv = r.provenance(st, at: sp)
            let known = Set(eq?.tables.values.flatMap { $0.doses.keys } ?? [])
            for (key, node) in r.dataEntries(st, at: sp) where key != "source" && key != "status" {
                guard case .string(let drug) = node.value else {
                    r.problem("\(sp).\(key)", node.line, "expected the drug's name as a string, e.g. \(key) = \"alprazolam\""); ok = false; continue
                }
                let d = drug.lowercased()
                if eq != nil && !known.contains(d) {
                    r.problem("\(sp).\(key)", node.line, "'\(drug)' is in no equivalence table"); ok = false; continue
                }
                synonyms[key.lowercased()] = d
            }
        }
        r.reportUnknownKeys(t, at: path)
        guard let prov, let ceiling, let synProv, ok else { return nil }
        return DoseSafetyRules(ceiling24hDiazepamMg: ceiling, ceilingProvenance: prov, synonyms: synonyms,
                               synonymsProvenance: synProv)
    }
}
