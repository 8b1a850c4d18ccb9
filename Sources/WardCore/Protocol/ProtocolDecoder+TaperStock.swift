/// Ward tablet stock for taper rounding: `[taper.stock.<drug>]` with
/// `strengths = [ { mg = 2, scored = true }, … ]`, or the older one-drug
/// `[taper.tablets]` (drug, strengthsMg, allowHalves), still read so that a
/// ward's existing protocol file keeps loading.
extension ProtocolDecoder {
    static func decodeTaperStock(_ t: TOMLTable, _ path: String,
                                 _ r: inout TOMLReader) -> (stock: [String: DrugStock], defaultDrug: String)? {
        guard t["tablets"] != nil else { return decodeStock(t, path, &r) }
        if t["stock"] != nil {
            r.problem("\(path).tablets", t["tablets"]!.line,
                      "give the ward stock once: [\(path).stock.<drug>] or the older [\(path).tablets], not both")
            _ = decodeLegacyTablets(t, path, &r)   // still checked (and its keys read)
            _ = decodeStock(t, path, &r)
            return nil
        }
        guard let legacy = decodeLegacyTablets(t, path, &r) else { return nil }
        return ([legacy.drug: legacy], legacy.drug)
    }

    static func decodeStock(_ t: TOMLTable, _ path: String,
                            _ r: inout TOMLReader) -> (stock: [String: DrugStock], defaultDrug: String)? {
        guard let st = r.table(t, "stock", at: path) else { return nil }
        let sp = "\(path).stock"
        var out: [String: DrugStock] = [:]
        var order: [String] = []
        var ok = true
        for (name, node) in r.dataEntries(st, at: sp) {
            let dp = "\(sp).\(name)"
            guard case .table(let dt) = node.value else {
                r.problem(dp, node.line, "expected a table: strengths = [ { mg = …, scored = true|false } ] and source"); ok = false; continue
            }
            let drug = name.lowercased()
            if out[drug] != nil { r.problem(dp, node.line, "'\(drug)' is listed twice"); ok = false }
            let strengths = tabletStrengths(dt, dp, &r)
            let prov = r.provenance(dt, at: dp)
            r.reportUnknownKeys(dt, at: dp)
            guard let strengths, let prov else { ok = false; continue }
            let s = DrugStock(drug: drug, strengths: strengths, provenance: prov)
            guard s.grid != nil else {
                r.problem("\(dp).strengths", dt["strengths"]!.line, "these strengths are too fine to round doses to: use whole or simple mg values")
                ok = false; continue
            }
            out[drug] = s
            order.append(drug)
        }
        if st.entries.isEmpty {
            r.problem(sp, st.line, "needs at least one drug, e.g. [\(sp).\(EquivalenceRules.referenceDrug)]"); ok = false
        }
        guard ok, let first = order.first else { return nil }
        return (out, out[EquivalenceRules.referenceDrug] != nil ? EquivalenceRules.referenceDrug : first)
    }

    /// `strengths = [ { mg = 2, scored = true }, … ]`: each mg above 0 (to at
    /// most 3 decimals, as a chart writes it), listed once.
    static func tabletStrengths(_ t: TOMLTable, _ path: String, _ r: inout TOMLReader) -> [TabletStrength]? {
        guard let arr = r.array(t, "strengths", at: path) else { return nil }
        var out: [TabletStrength] = []
        var ok = true
        for (n, node) in arr.enumerated() {
            let ip = "\(path).strengths[\(n)]"
            guard case .table(let it) = node.value else {
                r.problem(ip, node.line, "expected { mg = …, scored = true|false }, found \(node.value.typeName)"); ok = false; continue
            }
            let mg = r.double(it, "mg", at: ip, range: DoseGrid.chartPrecisionMg...1000)
            let scored = r.bool(it, "scored", at: ip)
            r.reportUnknownKeys(it, at: ip)
            guard let mg, let scored else { ok = false; continue }
            let micro = mg / DoseGrid.chartPrecisionMg
            if abs(micro - micro.rounded()) > 1e-6 {
                r.problem("\(ip).mg", it["mg"]!.line, "\(mg) mg: give a strength to at most 3 decimals"); ok = false; continue
            }
            if out.contains(where: { abs($0.mg - mg) < 1e-9 }) {
                r.problem("\(ip).mg", it["mg"]!.line, "\(fmt(mg)) mg is listed twice"); ok = false; continue
            }
            out.append(TabletStrength(mg: mg, scored: scored))
        }
        if arr.isEmpty { r.problem("\(path).strengths", t["strengths"]!.line, "needs at least one strength"); ok = false }
        return ok ? out : nil
    }

    /// The older `[taper.tablets]`: one drug, every strength scored when `allowHalves`.
    static func decodeLegacyTablets(_ t: TOMLTable, _ path: String, _ r: inout TOMLReader) -> DrugStock? {
        guard let tt = r.table(t, "tablets", at: path) else { return nil }
        let p = "\(path).tablets"
        let drug = r.string(tt, "drug", at: p)
        var strengths: [Double] = []
        var ok = true
        if let arr = r.array(tt, "strengthsMg", at: p) {
            for (n, node) in arr.enumerated() {
                switch node.value {
                case .integer(let i) where i > 0 && i <= 1000: strengths.append(Double(i))
                case .float(let d) where d >= DoseGrid.chartPrecisionMg && d <= 1000: strengths.append(d)
                default:
                    r.problem("\(p).strengthsMg[\(n)]", node.line,
                              "expected a tablet strength from \(fmt(DoseGrid.chartPrecisionMg)) to 1000 mg"); ok = false
                }
            }
            if arr.isEmpty { r.problem("\(p).strengthsMg", tt["strengthsMg"]!.line, "needs at least one strength"); ok = false }
        }
        let halves = r.bool(tt, "allowHalves", at: p)
        let prov = r.provenance(tt, at: p)
        r.reportUnknownKeys(tt, at: p)
        guard ok, let drug, let halves, let prov, !strengths.isEmpty else { return nil }
        let s = DrugStock(drug: drug, strengths: Array(Set(strengths)).map { TabletStrength(mg: $0, scored: halves) }, provenance: prov)
        guard s.grid != nil else {
            r.problem("\(p).strengthsMg", tt["strengthsMg"]!.line, "these strengths are too fine to round doses to: use whole or simple mg values")
            return nil
        }
        return s
    }
}
