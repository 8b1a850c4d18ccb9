extension ProtocolDecoder {
    static func decodeNEWS2(_ t: TOMLTable, _ path: String, _ r: inout TOMLReader) -> NEWS2Rules? {
        let prov = r.provenance(t, at: path)
        let score = 0...3
        let air = r.int(t, "airScore", at: path, range: score)
        let oxygen = r.int(t, "oxygenScore", at: path, range: score)
        let alert = r.int(t, "alertScore", at: path, range: score)
        let cvpu = r.int(t, "confusionVPUScore", at: path, range: score)
        let red = r.int(t, "redScore", at: path, range: 1...3)
        let tempStep = r.double(t, "temperatureStep", at: path, range: 0.01...1)
        let rr = parameter(t, "respirationRate", path, step: 1, &r)
        let s1 = parameter(t, "spo2Scale1", path, step: 1, &r)
        let s2a = parameter(t, "spo2Scale2OnAir", path, step: 1, &r)
        let s2o = parameter(t, "spo2Scale2OnOxygen", path, step: 1, &r)
        let sbp = parameter(t, "systolicBP", path, step: 1, &r)
        let pulse = parameter(t, "pulse", path, step: 1, &r)
        let temp = tempStep.flatMap { parameter(t, "temperature", path, step: $0, &r) }
        if tempStep == nil { _ = r.array(t, "temperature", at: path) }

        var tiers: [NEWS2RiskTier] = []
        if let arr = r.array(t, "risk", at: path) {
            for (n, node) in arr.enumerated() {
                let tp = "\(path).risk[\(n)]"
                guard let tt = r.tableNode(node, at: tp) else { continue }
                let lo = r.int(tt, "minTotal", at: tp, range: 0...60)
                let hi = r.int(tt, "maxTotal", at: tp, range: 0...60)
                let resp = response(tt, tp, &r)
                r.reportUnknownKeys(tt, at: tp)
                if let lo, let hi, let resp {
                    if lo > hi { r.problem(tp, tt.line, "minTotal \(lo) is above maxTotal \(hi)") }
                    tiers.append(NEWS2RiskTier(minTotal: lo, maxTotal: hi, response: resp))
                }
            }
        }
        var singleRed: NEWS2Response?
        if let st = r.table(t, "singleRed", at: path) {
            singleRed = response(st, "\(path).singleRed", &r)
            r.reportUnknownKeys(st, at: "\(path).singleRed")
        }
        var deviations: Set<String> = []
        if let arr = r.array(t, "localDeviations", at: path, required: false) {
            for (n, node) in arr.enumerated() {
                guard case .string(let name) = node.value, NEWS2ChartCheck.parameters.contains(name) else {
                    r.problem("\(path).localDeviations[\(n)]", node.line,
                              "expected a NEWS2 parameter name (one of: \(NEWS2ChartCheck.parameters.joined(separator: ", ")))")
                    continue
                }
                deviations.insert(name)
            }
        }
        r.reportUnknownKeys(t, at: path)
        guard let prov, let air, let oxygen, let alert, let cvpu, let red, let rr, let s1, let s2a, let s2o,
              let sbp, let pulse, let temp, let singleRed else { return nil }
        let rules = NEWS2Rules(provenance: prov, airScore: air, oxygenScore: oxygen, alertScore: alert,
                               confusionVPUScore: cvpu, redScore: red, respirationRate: rr, spo2Scale1: s1,
                               spo2Scale2OnAir: s2a, spo2Scale2OnOxygen: s2o, systolicBP: sbp, pulse: pulse,
                               temperature: temp, tiers: tiers, singleRed: singleRed, localDeviations: deviations)
        let line = t["risk"]?.line ?? t.line
        let asBands = tiers.map { SeverityBand(name: $0.response.risk.rawValue, min: $0.minTotal, max: $0.maxTotal, level: 0) }
        checkCoverage(asBands, range: 0...rules.maxTotal, path: "\(path).risk", line: line, &r)
        return rules
    }

    static func response(_ t: TOMLTable, _ path: String, _ r: inout TOMLReader) -> NEWS2Response? {
        let risk = r.choice(t, "risk", at: path, as: NEWS2Risk.self)
        let minutes = r.int(t, "monitoringMinutes", at: path, range: 0...1440)
        let monitoring = r.string(t, "monitoring", at: path)
        let text = r.string(t, "response", at: path)
        let source = r.provenance(t, at: path)
        guard let risk, let minutes, let monitoring, let text, let source else { return nil }
        return NEWS2Response(risk: risk, monitoringMinutes: minutes, monitoring: monitoring, response: text,
                             source: source.source)
    }

    /// A band list `[{max, score}, {min, max, score}, …, {min, score}]`: open
    /// at both ends, each band starting one `step` after the previous ends.
    static func parameter(_ t: TOMLTable, _ key: String, _ path: String, step: Double,
                          _ r: inout TOMLReader) -> BandedParameter? {
        let pp = "\(path).\(key)"
        guard let arr = r.array(t, key, at: path) else { return nil }
        var bands: [ParameterBand] = []
        var ok = true
        for (n, node) in arr.enumerated() {
            let bp = "\(pp)[\(n)]"
            guard let bt = r.tableNode(node, at: bp) else { ok = false; continue }
            let lo = r.double(bt, "min", at: bp, required: n != 0)
            let hi = r.double(bt, "max", at: bp, required: n != arr.count - 1)
            let score = r.int(bt, "score", at: bp, range: 0...3)
            if n == 0, bt["min"] != nil { r.problem("\(bp).min", bt["min"]!.line, "the first band must be open below (remove min)"); ok = false }
            if n == arr.count - 1, n > 0, bt["max"] != nil { r.problem("\(bp).max", bt["max"]!.line, "the last band must be open above (remove max)"); ok = false }
            r.reportUnknownKeys(bt, at: bp)
            guard let score, (lo != nil || n == 0), (hi != nil || n == arr.count - 1) else { ok = false; continue }
            if let lo, let hi, lo > hi { r.problem(bp, bt.line, "min \(lo) is above max \(hi)"); ok = false }
            if let prev = bands.last, let pmax = prev.max, let lo {
                let gapSteps = ((lo - pmax) / step).rounded()
                if gapSteps > 1 { r.problem(bp, bt.line, "gap: values between \(pmax) and \(lo) are in no band"); ok = false }
                if gapSteps < 1 { r.problem(bp, bt.line, "overlap: band starts at \(lo), not after the previous band's max \(pmax)"); ok = false }
            }
            bands.append(ParameterBand(min: lo, max: hi, score: score))
        }
        if arr.isEmpty { r.problem(pp, t[key]!.line, "needs at least one band"); ok = false }
        return ok ? BandedParameter(bands: bands, step: step) : nil
    }
}
