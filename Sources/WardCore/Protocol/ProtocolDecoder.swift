import Foundation

/// Turns a parsed protocol document into a `WardProtocol`, reporting every
/// problem through the reader. Each section lives in its own extension file.
enum ProtocolDecoder {
    static func decode(_ r: inout TOMLReader) -> WardProtocol? {
        let root = r.root
        let version = r.string(root, "version", at: "")
        let approvedBy = r.string(root, "approvedBy", at: "")
        var scales: [ScaleKind: ScaleRules] = [:]
        if let st = r.table(root, "scales", at: "") {
            for (key, node) in st.entries {
                let path = "scales.\(key)"
                r.markSeen(path)
                guard let kind = ScaleKind(rawValue: key) else {
                    r.problem(path, node.line, "unknown scale (known: \(ScaleKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                    continue
                }
                guard let t = r.tableNode(node, at: path) else { continue }
                if let rules = decodeScale(kind, t, path, &r) { scales[kind] = rules }
            }
            for kind in ScaleKind.allCases where st[kind.rawValue] == nil {
                r.problem("scales.\(kind.rawValue)", max(st.line, 1), "missing (required)")
            }
        }
        let news2 = r.section(root, "news2") { t, p, r in decodeNEWS2(t, p, &r) }
        let entryLimits = r.section(root, "entryLimits") { t, p, r in decodeEntryLimits(t, p, &r) }
        let reassessment = r.section(root, "reassessment") { t, p, r in decodeReassessment(t, p, scales, &r) }
        let equivalence = r.section(root, "equivalence") { t, p, r in decodeEquivalence(t, p, &r) }
        let prn = r.section(root, "prn") { t, p, r in decodePRN(t, p, equivalence, &r) }
        let hold = r.section(root, "hold") { t, p, r in decodeHold(t, p, &r) }
        let doseSafety = r.section(root, "doseSafety") { t, p, r in decodeDoseSafety(t, p, equivalence, &r) }
        let oversedation = r.section(root, "oversedation") { t, p, r in decodeOverSedation(t, p, &r) }
        let alcohol = r.section(root, "alcohol") { t, p, r in decodeAlcohol(t, p, &r) }
        let severity = r.section(root, "severity") { t, p, r in decodeSeverity(t, p, news2, &r) }
        let escalation = r.section(root, "escalation") { t, p, r in decodeEscalation(t, p, news2, &r) }
        let taper = r.section(root, "taper") { t, p, r in decodeTaper(t, p, &r) }
        let witness = r.section(root, "witness") { t, p, r in decodeWitness(t, p, &r) }
        let shifts = r.section(root, "shifts") { t, p, r in decodeShifts(t, p, &r) }
        let administration = r.section(root, "administration") { t, p, r in decodeAdministration(t, p, &r) }
        let appropriateness = r.section(root, "appropriateness") { t, p, r in decodeAppropriateness(t, p, &r) }
        let observations = r.section(root, "observations") { t, p, r in decodeObservations(t, p, &r) }
        let security = r.section(root, "security") { t, p, r in decodeSecurity(t, p, &r) }
        let alerts = r.section(root, "alerts") { t, p, r in decodeAlerts(t, p, &r) }
        let bedside = r.section(root, "bedside") { t, p, r in decodeBedside(t, p, entryLimits, &r) }
        let admission = r.section(root, "admission") { t, p, r in decodeAdmission(t, p, &r) }
        r.reportUnknownKeys(root, at: "")
        guard let version, let approvedBy, let news2, let entryLimits, let reassessment, let equivalence, let prn, let hold, let doseSafety,
              let oversedation, let alcohol, let severity,
              let escalation, let taper, let witness, let shifts, let administration, let appropriateness,
              let observations, let security, let alerts, let bedside, let admission, r.problems.isEmpty else { return nil }
        return WardProtocol(
            version: version, approvedBy: approvedBy, scales: scales, news2: news2, entryLimits: entryLimits, reassessment: reassessment,
            equivalence: equivalence, prn: prn, hold: hold, doseSafety: doseSafety,
            oversedation: oversedation, alcohol: alcohol, severity: severity, escalation: escalation, taper: taper, witness: witness,
            shifts: shifts, administration: administration, appropriateness: appropriateness,
            observations: observations, security: security.0, securityProvenance: security.1, alerts: alerts,
            bedside: bedside, admission: admission)
    }

    static func decodeScale(_ kind: ScaleKind, _ t: TOMLTable, _ path: String, _ r: inout TOMLReader) -> ScaleRules? {
        let prov = r.provenance(t, at: path)
        let inUse = r.bool(t, "inUse", at: path)
        var itemMax: Int?
        if kind == .bwsq { itemMax = r.int(t, "itemMax", at: path, range: 1...10) }
        let banded = kind == .ciwaB || kind == .ciwaAr || kind == .bwsq
        var bands: [SeverityBand] = []
        if let arr = r.array(t, "bands", at: path, required: banded) {
            if !banded { r.problem("\(path).bands", t["bands"]!.line, "\(kind.displayName) has no total bands (remove this key)") }
            for (n, node) in arr.enumerated() {
                let bp = "\(path).bands[\(n)]"
                guard let bt = r.tableNode(node, at: bp) else { continue }
                let name = r.string(bt, "name", at: bp)
                let lo = r.int(bt, "min", at: bp)
                let hi = r.int(bt, "max", at: bp)
                let level = r.int(bt, "level", at: bp, range: 0...3)
                r.reportUnknownKeys(bt, at: bp)
                if let name, let lo, let hi, let level {
                    if lo > hi { r.problem(bp, bt.line, "min \(lo) is above max \(hi)") }
                    bands.append(SeverityBand(name: name, min: lo, max: hi, level: level))
                }
            }
            let names = bands.map(\.name)
            for (n, name) in names.enumerated() where names[..<n].contains(name) {
                r.problem("\(path).bands[\(n)].name", arr[n].line, "band name '\(name)' is used twice")
            }
            let range: ClosedRange<Int>? = kind == .bwsq
                ? itemMax.map { ScaleDefinition.bwsq(itemMax: $0).totalRange }
                : ScaleDefinition.catalog[kind]?.totalRange
            if let range {
                checkCoverage(bands, range: range, path: "\(path).bands", line: arr.first?.line ?? t.line, &r)
            }
        }
        r.reportUnknownKeys(t, at: path)
        guard let prov, let inUse else { return nil }
        return ScaleRules(kind: kind, bands: bands, source: prov.source, status: prov.status.rawValue,
                          inUse: inUse, itemMax: itemMax)
    }

    /// Bands must cover the instrument's whole total range with no gap or overlap.
    static func checkCoverage(_ bands: [SeverityBand], range: ClosedRange<Int>, path: String, line: Int, _ r: inout TOMLReader) {
        guard !bands.isEmpty else { r.problem(path, line, "needs at least one band"); return }
        let sorted = bands.sorted { $0.min < $1.min }
        var expected = range.lowerBound
        for b in sorted {
            if b.min > expected { r.problem(path, line, "gap: totals \(expected)–\(b.min - 1) are in no band") }
            if b.min < expected { r.problem(path, line, "overlap: band '\(b.name)' starts at \(b.min), inside the band before it") }
            expected = max(expected, b.max + 1)
        }
        if expected <= range.upperBound { r.problem(path, line, "gap: totals \(expected)–\(range.upperBound) are in no band") }
        if let last = sorted.max(by: { $0.max < $1.max }), last.max > range.upperBound {
            r.problem(path, line, "band '\(last.name)' ends at \(last.max), above the scale maximum \(range.upperBound)")
        }
    }
}

extension TOMLReader {
    /// Reads a required section table and decodes it; unknown keys inside are
    /// the decoder's job.
    mutating func section<T>(_ root: TOMLTable, _ key: String,
                             _ decode: (TOMLTable, String, inout TOMLReader) -> T?) -> T? {
        guard let t = table(root, key, at: "") else { return nil }
        return decode(t, key, &self)
    }

    /// `source` (required, not empty) and `status` (optional, default CONFIRMED).
    mutating func provenance(_ t: TOMLTable, at path: String) -> Provenance? {
        let source = string(t, "source", at: path)
        var status = EvidenceStatus.confirmed
        if let s = string(t, "status", at: path, required: false) {
            if let e = EvidenceStatus(rawValue: s) { status = e } else {
                problem(join(path, "status"), t["status"]!.line,
                        "'\(s)' is not a status (use \(EvidenceStatus.allCases.map(\.rawValue).joined(separator: ", ")))")
                return nil
            }
        }
        guard let source else { return nil }
        if source.trimmingCharacters(in: .whitespaces).isEmpty {
            problem(join(path, "source"), t["source"]!.line, "source must not be empty")
            return nil
        }
        return Provenance(source: source, status: status)
    }

    /// A non-empty string that must be one of `allowed`.
    mutating func choice<E: RawRepresentable & CaseIterable>(_ t: TOMLTable, _ key: String, at path: String,
                                                           as: E.Type) -> E? where E.RawValue == String {
        guard let s = string(t, key, at: path) else { return nil }
        if let e = E(rawValue: s) { return e }
        problem(join(path, key), t[key]!.line, "'\(s)' is not one of \(E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))")
        return nil
    }

    /// `[low, high]`: two numbers, low below high.
    mutating func numberRange(_ t: TOMLTable, _ key: String, at path: String) -> ClosedRange<Double>? {
        guard let arr = array(t, key, at: path) else { return nil }
        let nums: [Double] = arr.compactMap { TOMLReader.number($0.value) }
        guard nums.count == 2, arr.count == 2, nums[0] < nums[1] else {
            problem("\(path).\(key)", t[key]!.line, "expected [low, high] with low below high"); return nil
        }
        return nums[0]...nums[1]
    }

    /// Marks a table whose keys are data (drug names, band names) as read.
    mutating func dataEntries(_ t: TOMLTable, at path: String) -> [(key: String, node: TOMLNode)] {
        for (k, _) in t.entries { markSeen(join(path, k)) }
        return t.entries
    }
}
