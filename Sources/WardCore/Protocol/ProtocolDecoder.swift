import Foundation

/// Turns a parsed protocol document into a `WardProtocol`, reporting every
/// problem through the reader.
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
                guard case .table(let t) = node.value else {
                    r.problem(path, node.line, "expected a table"); continue
                }
                if let rules = decodeScale(kind, t, path, &r) { scales[kind] = rules }
            }
        }
        r.reportUnknownKeys(root, at: "")
        guard let version, let approvedBy, r.problems.isEmpty else { return nil }
        return WardProtocol(version: version, approvedBy: approvedBy, scales: scales)
    }

    static func decodeScale(_ kind: ScaleKind, _ t: TOMLTable, _ path: String, _ r: inout TOMLReader) -> ScaleRules? {
        let source = r.string(t, "source", at: path)
        let status = r.string(t, "status", at: path, required: false) ?? "CONFIRMED"
        var bands: [SeverityBand] = []
        if let arr = r.array(t, "bands", at: path) {
            for (n, node) in arr.enumerated() {
                let bp = "\(path).bands[\(n)]"
                guard case .table(let bt) = node.value else { r.problem(bp, node.line, "expected a table"); continue }
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
            checkCoverage(bands, kind: kind, path: "\(path).bands", line: arr.first?.line ?? t.line, &r)
        }
        r.reportUnknownKeys(t, at: path)
        guard let source else { return nil }
        if source.trimmingCharacters(in: .whitespaces).isEmpty { r.problem("\(path).source", t.line, "source must not be empty") }
        return ScaleRules(kind: kind, bands: bands, source: source, status: status)
    }

    /// Bands must cover the instrument's whole total range with no gap or overlap.
    static func checkCoverage(_ bands: [SeverityBand], kind: ScaleKind, path: String, line: Int, _ r: inout TOMLReader) {
        guard let range = ScaleDefinition.catalog[kind]?.totalRange, !bands.isEmpty else { return }
        let sorted = bands.sorted { $0.min < $1.min }
        var expected = range.lowerBound
        for b in sorted {
            if b.min > expected { r.problem(path, line, "gap: totals \(expected)–\(b.min - 1) are in no band") }
            if b.min < expected { r.problem(path, line, "overlap: band '\(b.name)' starts at \(b.min), inside the band before it") }
            expected = max(expected, b.max + 1)
        }
        if expected <= range.upperBound { r.problem(path, line, "gap: totals \(expected)–\(range.upperBound) are in no band") }
        if let last = sorted.last, last.max > range.upperBound {
            r.problem(path, line, "band '\(last.name)' ends at \(last.max), above the scale maximum \(range.upperBound)")
        }
    }
}
