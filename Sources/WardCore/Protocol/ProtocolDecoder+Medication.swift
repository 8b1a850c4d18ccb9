extension ProtocolDecoder {
    static func decodeEquivalence(_ t: TOMLTable, _ path: String, _ r: inout TOMLReader) -> EquivalenceRules? {
        let prov = r.provenance(t, at: path)
        let selected = r.string(t, "table", at: path)
        let reference = r.double(t, "referenceDiazepamMg", at: path, range: 0.1...1000)
        var zDrugs: Set<String> = []
        if let arr = r.array(t, "zDrugs", at: path) {
            for (n, node) in arr.enumerated() {
                if case .string(let s) = node.value { zDrugs.insert(s.lowercased()) }
                else { r.problem("\(path).zDrugs[\(n)]", node.line, "expected a drug name (string)") }
            }
        }
        var tables: [String: EquivalenceTable] = [:]
        if let tt = r.table(t, "tables", at: path) {
            for (name, node) in r.dataEntries(tt, at: "\(path).tables") {
                let tp = "\(path).tables.\(name)"
                guard let one = r.tableNode(node, at: tp) else { continue }
                if let table = decodeEquivalenceTable(name, one, tp, &r) { tables[name] = table }
            }
            if tt.entries.isEmpty { r.problem("\(path).tables", tt.line, "needs at least one table") }
        }
        let noAgreed = r.table(t, "noAgreedEquivalent", at: path, required: false)
            .flatMap { decodeNoAgreedEquivalent($0, "\(path).noAgreedEquivalent", tables, &r) }
        r.reportUnknownKeys(t, at: path)
        if let selected, tables[selected] == nil, let tt = t["tables"], case .table(let tab) = tt.value, tab[selected] == nil {
            r.problem("\(path).table", t["table"]!.line,
                      "'\(selected)' is not a table defined here (defined: \(tab.keys.joined(separator: ", ")))")
            return nil
        }
        guard let prov, let selected, let reference, tables[selected] != nil else { return nil }
        return EquivalenceRules(selected: selected, referenceDiazepamMg: reference, zDrugs: zDrugs,
                                tables: tables, provenance: prov, noAgreedEquivalent: noAgreed)
    }

    /// `[equivalence.noAgreedEquivalent]`: drug names only, never a value; a drug
    /// listed here must not also be in a table (the two answers would contradict).
    static func decodeNoAgreedEquivalent(_ t: TOMLTable, _ path: String, _ tables: [String: EquivalenceTable],
                                         _ r: inout TOMLReader) -> NoAgreedEquivalent? {
        let prov = r.provenance(t, at: path)
        let note = r.string(t, "note", at: path)
        var drugs: [String] = []
        var ok = true
        if let arr = r.array(t, "drugs", at: path) {
            for (n, node) in arr.enumerated() {
                guard case .string(let s) = node.value, !s.isEmpty else {
                    r.problem("\(path).drugs[\(n)]", node.line, "expected a drug name (string)"); ok = false; continue
                }
                let name = s.lowercased()
                if let listed = tables.values.first(where: { $0.doses[name] != nil }) {
                    r.problem("\(path).drugs[\(n)]", node.line, "'\(s)' is also in the \(listed.name) table: a drug either has an equivalent or is listed here")
                    ok = false; continue
                }
                drugs.append(name)
            }
        }
        r.reportUnknownKeys(t, at: path)
        guard ok, let prov, let note else { return nil }
        return NoAgreedEquivalent(drugs: drugs, note: note, provenance: prov)
    }

    static func decodeEquivalenceTable(_ name: String, _ t: TOMLTable, _ path: String,
                                       _ r: inout TOMLReader) -> EquivalenceTable? {
        let prov = r.provenance(t, at: path)
        let title = r.string(t, "title", at: path)
        var doses: [String: EquivalentDose] = [:]
        var ok = true
        if let dt = r.table(t, "doses", at: path) {
            for (drug, node) in r.dataEntries(dt, at: "\(path).doses") {
                let dp = "\(path).doses.\(drug)"
                if let d = equivalentDose(node, dp, &r) { doses[drug.lowercased()] = d } else { ok = false }
            }
            if dt.entries.isEmpty { r.problem("\(path).doses", dt.line, "needs at least one drug"); ok = false }
        }
        r.reportUnknownKeys(t, at: path)
        guard ok, let prov, let title else { return nil }
        return EquivalenceTable(name: name, title: title, provenance: prov, doses: doses)
    }

    /// A positive number, or `[low, high]` with 0 < low < high.
    static func equivalentDose(_ node: TOMLNode, _ path: String, _ r: inout TOMLReader) -> EquivalentDose? {
        func num(_ v: TOMLValue) -> Double? { TOMLReader.number(v) }
        if let v = num(node.value) {
            guard v > 0 else { r.problem(path, node.line, "\(v) is out of range: must be above 0 mg"); return nil }
            return EquivalentDose(low: v, high: v)
        }
        if case .array(let items) = node.value, items.count == 2, let lo = num(items[0].value), let hi = num(items[1].value) {
            guard lo > 0, lo < hi else {
                r.problem(path, node.line, "range [\(lo), \(hi)] must have 0 < low < high"); return nil
            }
            return EquivalentDose(low: lo, high: hi)
        }
        r.problem(path, node.line, "expected mg as a number or a range [low, high], found \(node.value.typeName)")
        return nil
    }

    static func decodePRN(_ t: TOMLTable, _ path: String, _ eq: EquivalenceRules?, _ r: inout TOMLReader) -> PRNRules? {
        let prov = r.provenance(t, at: path)
        let capCounts = r.choice(t, "capCounts", at: path, as: PRNCapCounting.self)
        var templates: [PRNTemplate] = []
        var ok = true
        if let arr = r.array(t, "templates", at: path, required: false) {
            for (n, node) in arr.enumerated() {
                let tp = "\(path).templates[\(n)]"
                guard let tt = r.tableNode(node, at: tp) else { ok = false; continue }
                let name = r.string(tt, "name", at: tp)
                let label = r.string(tt, "label", at: tp)
                let drug = r.string(tt, "drug", at: tp)?.lowercased()
                let scale = r.choice(tt, "scale", at: tp, as: ScaleKind.self)
                let threshold = r.int(tt, "threshold", at: tp, range: 0...200)
                let dose = r.double(tt, "doseMg", at: tp, range: 0.01...1000)
                let interval = r.int(tt, "minIntervalMinutes", at: tp, range: 1...1440)
                let cap = r.double(tt, "maxPer24hDiazepamMg", at: tp, range: 0.01...1000)
                let tprov = r.provenance(tt, at: tp)
                r.reportUnknownKeys(tt, at: tp)
                if let drug, let eq, eq.table.doses[drug] == nil {
                    r.problem("\(tp).drug", tt["drug"]!.line, "'\(drug)' is not in the equivalence table '\(eq.selected)' in force")
                    ok = false
                }
                if let scale, ![.ciwaB, .ciwaAr, .bwsq].contains(scale) {
                    r.problem("\(tp).scale", tt["scale"]!.line, "a PRN threshold needs a withdrawal scale (ciwa-b, ciwa-ar, bwsq)")
                    ok = false
                }
                if let name, templates.contains(where: { $0.name == name }) {
                    r.problem("\(tp).name", tt["name"]!.line, "template name '\(name)' is used twice"); ok = false
                }
                guard let name, let label, let drug, let scale, let threshold, let dose, let interval, let cap, let tprov
                else { ok = false; continue }
                templates.append(PRNTemplate(name: name, label: label, drug: drug, scale: scale, threshold: threshold,
                                             doseMg: dose, minIntervalMinutes: interval, maxPer24hDiazepamMg: cap,
                                             provenance: tprov))
            }
        }
        r.reportUnknownKeys(t, at: path)
        guard ok, let prov, let capCounts else { return nil }
        return PRNRules(capCounts: capCounts, templates: templates, provenance: prov)
    }

    static func decodeTaper(_ t: TOMLTable, _ path: String, _ r: inout TOMLReader) -> TaperRules? {
        var rate: (Double, Int, Provenance)?
        if let rt = r.table(t, "reductionRate", at: path) {
            let p = "\(path).reductionRate"
            let pct = r.double(rt, "maxPercent", at: p, range: 1...100)
            let days = r.int(rt, "windowDays", at: p, range: 1...365)
            let prov = r.provenance(rt, at: p)
            r.reportUnknownKeys(rt, at: p)
            if let pct, let days, let prov { rate = (pct, days, prov) }
        }
        var cap: (Double, Provenance)?
        if let ct = r.table(t, "stabilisationCap", at: path) {
            let p = "\(path).stabilisationCap"
            let mg = r.double(ct, "maxDailyMg", at: p, range: 1...1000)
            let prov = r.provenance(ct, at: p)
            r.reportUnknownKeys(ct, at: p)
            if let mg, let prov { cap = (mg, prov) }
        }
        var inpatient: ReductionRate?
        if let it = r.table(t, "inpatientReductionRate", at: path, required: false) {
            let p = "\(path).inpatientReductionRate"
            let pct = r.double(it, "maxPercent", at: p, range: 1...100)
            let days = r.int(it, "windowDays", at: p, range: 1...365)
            let base = r.choice(it, "percentOf", at: p, as: PercentBase.self)
            let prov = r.provenance(it, at: p)
            r.reportUnknownKeys(it, at: p)
            if let pct, let days, let base, let prov {
                inpatient = ReductionRate(maxPercent: pct, windowDays: days, percentOf: base, provenance: prov)
            }
        }
        let stock = decodeTaperStock(t, path, &r)
        var times: ([ClockTime], Provenance)?
        if let dt = r.table(t, "doseTimes", at: path) {
            let p = "\(path).doseTimes"
            let list = clockTimes(dt, "times", p, &r)
            let prov = r.provenance(dt, at: p)
            r.reportUnknownKeys(dt, at: p)
            if let list, let prov { times = (list, prov) }
        }
        r.reportUnknownKeys(t, at: path)
        guard let rate, let cap, let stock, let times else { return nil }
        var rules = TaperRules(maxReductionPercent: rate.0, reductionWindowDays: rate.1, reductionProvenance: rate.2,
                               stabilisationCapMg: cap.0, capProvenance: cap.1, stock: stock.stock, defaultDrug: stock.defaultDrug,
                               doseTimes: times.0, doseTimesProvenance: times.1)
        rules.inpatientRate = inpatient
        return rules
    }

    /// A non-empty, strictly increasing list of "HH:MM" strings.
    static func clockTimes(_ t: TOMLTable, _ key: String, _ path: String, _ r: inout TOMLReader) -> [ClockTime]? {
        guard let arr = r.array(t, key, at: path) else { return nil }
        var out: [ClockTime] = []
        var ok = true
        for (n, node) in arr.enumerated() {
            let ip = "\(path).\(key)[\(n)]"
            guard case .string(let s) = node.value, let c = ClockTime(s) else {
                r.problem(ip, node.line, "expected a time \"HH:MM\" (00:00–23:59)"); ok = false; continue
            }
            if let last = out.last, c <= last { r.problem(ip, node.line, "\(c) is not after \(last): list times in order"); ok = false }
            out.append(c)
        }
        if arr.isEmpty { r.problem("\(path).\(key)", t[key]!.line, "needs at least one time"); ok = false }
        return ok ? out : nil
    }

    static func decodeWitness(_ t: TOMLTable, _ path: String, _ r: inout TOMLReader) -> WitnessRules? {
        let prov = r.provenance(t, at: path)
        let def = r.string(t, "defaultSchedule", at: path)
        var schedules: [String: WitnessSchedule] = [:]
        var ok = true
        if let st = r.table(t, "schedules", at: path) {
            for (key, node) in r.dataEntries(st, at: "\(path).schedules") {
                let sp = "\(path).schedules.\(key)"
                guard let one = r.tableNode(node, at: sp) else { ok = false; continue }
                let label = r.string(one, "label", at: sp)
                let adm = r.bool(one, "administration", at: sp)
                let waste = r.bool(one, "wastage", at: sp)
                r.reportUnknownKeys(one, at: sp)
                if let label, let adm, let waste {
                    schedules[key] = WitnessSchedule(key: key, label: label, administration: adm, wastage: waste)
                } else { ok = false }
            }
        }
        var drugSchedule: [String: String] = [:]
        if let dt = r.table(t, "drugSchedule", at: path, required: false) {
            for (drug, node) in r.dataEntries(dt, at: "\(path).drugSchedule") {
                guard case .string(let s) = node.value else {
                    r.problem("\(path).drugSchedule.\(drug)", node.line, "expected a schedule name (string)"); ok = false; continue
                }
                if schedules[s] == nil, t["schedules"] != nil {
                    r.problem("\(path).drugSchedule.\(drug)", node.line, "'\(s)' is not a schedule defined in \(path).schedules"); ok = false
                }
                drugSchedule[drug.lowercased()] = s
            }
        }
        if let def, schedules[def] == nil, t["schedules"] != nil {
            r.problem("\(path).defaultSchedule", t["defaultSchedule"]!.line, "'\(def)' is not a schedule defined in \(path).schedules")
            ok = false
        }
        r.reportUnknownKeys(t, at: path)
        guard ok, let prov, let def, schedules[def] != nil else { return nil }
        return WitnessRules(defaultSchedule: def, schedules: schedules, drugSchedule: drugSchedule, provenance: prov)
    }
}
