extension ProtocolDecoder {
    /// `[admission]`: reconciliation, seizureRisk, coSedation, orderSet, dateOfBirth.
    static func decodeAdmission(_ t: TOMLTable, _ path: String, _ r: inout TOMLReader) -> AdmissionRules? {
        func sub<T>(_ key: String, _ decode: (TOMLTable, String, inout TOMLReader) -> T?) -> T? {
            guard let st = r.table(t, key, at: path) else { return nil }
            let p = "\(path).\(key)"
            let v = decode(st, p, &r)
            r.reportUnknownKeys(st, at: p)
            return v
        }
        let rec = sub("reconciliation") { t, p, r -> AdmissionRules.Reconciliation? in
            guard let cut = r.double(t, "cutWarnAbove", at: p, range: 0.01...0.99),
                  let days = r.int(t, "firstDays", at: p, range: 1...14), let prov = r.provenance(t, at: p) else { return nil }
            return .init(cutWarnAbove: cut, firstDays: days, provenance: prov)
        }
        let seizure = sub("seizureRisk") { t, p, r -> AdmissionRules.SeizureRisk? in
            guard let high = r.double(t, "highDailyDiazepamMg", at: p, range: 1...1000),
                  let agents = r.names(t, "highPotencyShortActing", at: p),
                  let gap = r.int(t, "abruptCessationDays", at: p, range: 1...60), let prov = r.provenance(t, at: p) else { return nil }
            return .init(highDailyDiazepamMg: high, highPotencyShortActing: agents, abruptCessationDays: gap, provenance: prov)
        }
        let co = sub("coSedation") { t, p, r -> AdmissionRules.CoSedation? in
            let o = r.names(t, "opioids", at: p), s = r.names(t, "opioidSubstitution", at: p)
            let g = r.names(t, "gabapentinoids", at: p), a = r.names(t, "alcohol", at: p)
            guard let o, let s, let g, let a, let prov = r.provenance(t, at: p) else { return nil }
            return .init(opioids: o, opioidSubstitution: s, gabapentinoids: g, alcohol: a, provenance: prov)
        }
        let set = sub("orderSet") { t, p, r -> AdmissionRules.OrderSet? in
            guard let age = r.int(t, "olderAdultAge", at: p, range: 18...120), let hint = r.string(t, "hepaticHint", at: p),
                  let prov = r.provenance(t, at: p) else { return nil }
            return .init(olderAdultAge: age, hepaticHint: hint, provenance: prov)
        }
        let dob = sub("dateOfBirth") { t, p, r -> AdmissionRules.DateOfBirth? in
            guard let lo = r.int(t, "minAgeYears", at: p, range: 0...130), let hi = r.int(t, "maxAgeYears", at: p, range: 1...130),
                  let prov = r.provenance(t, at: p) else { return nil }
            guard lo < hi else { r.problem("\(p).minAgeYears", t["minAgeYears"]!.line, "must be below maxAgeYears (\(hi))"); return nil }
            return .init(minAgeYears: lo, maxAgeYears: hi, provenance: prov)
        }
        r.reportUnknownKeys(t, at: path)
        guard let rec, let seizure, let co, let set, let dob else { return nil }
        return AdmissionRules(reconciliation: rec, seizureRisk: seizure, coSedation: co, orderSet: set, dateOfBirth: dob)
    }
}

extension TOMLReader {
    /// A non-empty array of names (lower-cased), e.g. `opioids = ["heroin", "morphine"]`.
    mutating func names(_ t: TOMLTable, _ key: String, at path: String) -> [String]? {
        guard let arr = array(t, key, at: path) else { return nil }
        var out: [String] = []
        for (n, node) in arr.enumerated() {
            guard case .string(let s) = node.value, !s.trimmingCharacters(in: .whitespaces).isEmpty else {
                problem("\(path).\(key)[\(n)]", node.line, "expected a name as a non-empty string"); return nil
            }
            out.append(s.lowercased())
        }
        guard !out.isEmpty else { problem("\(path).\(key)", t[key]!.line, "list at least one name"); return nil }
        return out
    }
}
