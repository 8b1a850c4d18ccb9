extension ProtocolDecoder {
    static func decodeReassessment(_ t: TOMLTable, _ path: String, _ scales: [ScaleKind: ScaleRules],
                                   _ r: inout TOMLReader) -> ReassessmentRules? {
        let prov = r.provenance(t, at: path)
        let afterPRN = r.int(t, "afterPRNMinutes", at: path, range: 1...1440)
        let sedPRN = r.int(t, "sedationAfterPRNMinutes", at: path, range: 1...1440)
        let vitPRN = r.int(t, "vitalsAfterPRNMinutes", at: path, range: 1...1440)
        let sed = r.int(t, "sedationMinutes", at: path, range: 1...1440)
        var intervals: [ScaleKind: [String: Int]] = [:]
        var ok = true
        if let it = r.table(t, "intervals", at: path) {
            for (key, node) in r.dataEntries(it, at: "\(path).intervals") {
                let sp = "\(path).intervals.\(key)"
                guard let (kind, rules) = bandedScale(key, node, sp, scales, &r) else { ok = false; continue }
                guard let bt = r.tableNode(node, at: sp) else { ok = false; continue }
                var m: [String: Int] = [:]
                for (band, bn) in r.dataEntries(bt, at: sp) {
                    guard rules.bands.contains(where: { $0.name == band }) else {
                        r.problem("\(sp).\(band)", bn.line, "no band '\(band)' in scales.\(key) (bands: \(rules.bands.map(\.name).joined(separator: ", ")))")
                        ok = false; continue
                    }
                    if let v = r.int(bt, band, at: sp, range: 1...10080) { m[band] = v } else { ok = false }
                }
                for b in rules.bands where m[b.name] == nil && bt[b.name] == nil {
                    r.problem("\(sp).\"\(b.name)\"", bt.line, "missing (required): an interval for band '\(b.name)'"); ok = false
                }
                intervals[kind] = m
            }
            for (kind, rules) in scales where rules.inUse && !rules.bands.isEmpty && it[kind.rawValue] == nil {
                r.problem("\(path).intervals.\(kind.rawValue)", max(it.line, 1), "missing (required): intervals for every band of \(kind.rawValue)")
                ok = false
            }
        }
        var stepDown: [ScaleKind: StepDownRule] = [:]
        if let st = r.table(t, "stepDown", at: path, required: false) {
            for (key, node) in r.dataEntries(st, at: "\(path).stepDown") {
                let sp = "\(path).stepDown.\(key)"
                guard let (kind, rules) = bandedScale(key, node, sp, scales, &r) else { ok = false; continue }
                guard let s = r.tableNode(node, at: sp) else { ok = false; continue }
                if let rule = decodeStepDown(s, sp, maxTotal: rules.bands.map(\.max).max() ?? 0, &r) { stepDown[kind] = rule } else { ok = false }
            }
        }
        r.reportUnknownKeys(t, at: path)
        guard ok, let prov, let afterPRN, let sedPRN, let vitPRN, let sed else { return nil }
        var rules = ReassessmentRules(provenance: prov, afterPRNMinutes: afterPRN, sedationAfterPRNMinutes: sedPRN,
                                      vitalsAfterPRNMinutes: vitPRN, sedationMinutes: sed, intervals: intervals)
        rules.stepDown = stepDown
        return rules
    }

    /// The scale and rules a key under `intervals` or `stepDown` names (at `sp`),
    /// reported when it is not a banded scale of this protocol.
    static func bandedScale(_ key: String, _ node: TOMLNode, _ sp: String, _ scales: [ScaleKind: ScaleRules],
                            _ r: inout TOMLReader) -> (ScaleKind, ScaleRules)? {
        guard let kind = ScaleKind(rawValue: key), let rules = scales[kind], !rules.bands.isEmpty else {
            r.problem(sp, node.line, "not a banded scale of this protocol (ciwa-b, ciwa-ar, bwsq)"); return nil
        }
        return (kind, rules)
    }

    static func decodeStepDown(_ s: TOMLTable, _ path: String, maxTotal: Int, _ r: inout TOMLReader) -> StepDownRule? {
        let prov = r.provenance(s, at: path)
        let below = r.int(s, "below", at: path, range: 1...max(1, maxTotal))
        let count = r.int(s, "consecutive", at: path, range: 1...20)
        var steps: [Int]? = nil
        if let arr = r.array(s, "intervalsMinutes", at: path) {
            let values = arr.map { n -> Int? in if case .integer(let i) = n.value, (1...10080).contains(i) { Int(i) } else { nil } }
            if arr.isEmpty || values.contains(where: { $0 == nil }) {
                r.problem("\(path).intervalsMinutes", arr.first?.line ?? s.line, "expected one or more whole minutes, 1 to 10080")
            } else if zip(values, values.dropFirst()).contains(where: { $0! >= $1! }) {
                r.problem("\(path).intervalsMinutes", arr[0].line, "each step must be longer than the one before")
            } else { steps = values.compactMap { $0 } }
        }
        r.reportUnknownKeys(s, at: path)
        guard let prov, let below, let count, let steps else { return nil }
        return StepDownRule(below: below, consecutive: count, intervalsMinutes: steps, provenance: prov)
    }

    static func decodeHold(_ t: TOMLTable, _ path: String, _ r: inout TOMLReader) -> HoldRules? {
        let prov = r.provenance(t, at: path)
        let rass = r.int(t, "rassAtOrBelow", at: path, range: SedationScore.rassRange)
        let poss = r.int(t, "possAtOrAbove", at: path, range: 1...4)
        let rr = r.int(t, "respirationRateBelow", at: path, range: 1...60)
        let spo2 = r.int(t, "spo2Below", at: path, range: 50...100)
        let spo2s2 = r.int(t, "spo2Scale2Below", at: path, range: 50...100)
        let conf = r.bool(t, "holdOnNewConfusion", at: path)
        let age = r.int(t, "observationMaxAgeMinutes", at: path, range: 1...1440)
        r.reportUnknownKeys(t, at: path)
        guard let prov, let rass, let poss, let rr, let spo2, let spo2s2, let conf, let age else { return nil }
        return HoldRules(rassAtOrBelow: rass, possAtOrAbove: poss, respirationRateBelow: rr, spo2Below: spo2, spo2Scale2Below: spo2s2,
                         holdOnNewConfusion: conf, observationMaxAgeMinutes: age, provenance: prov)
    }

    static func decodeEscalation(_ t: TOMLTable, _ path: String, _ news2: NEWS2Rules?, _ r: inout TOMLReader) -> EscalationRules? {
        let prov = r.provenance(t, at: path)
        let total = r.int(t, "news2TotalAtOrAbove", at: path, range: 1...(news2?.maxTotal ?? 20))
        let red = r.bool(t, "singleRedParameter", at: path)
        r.reportUnknownKeys(t, at: path)
        guard let prov, let total, let red else { return nil }
        return EscalationRules(news2TotalAtOrAbove: total, singleRedParameter: red, provenance: prov)
    }

    static func decodeShifts(_ t: TOMLTable, _ path: String, _ r: inout TOMLReader) -> ShiftRules? {
        let prov = r.provenance(t, at: path)
        var shifts: [Shift] = []
        var ok = true
        var line = t.line
        if let arr = r.array(t, "list", at: path) {
            line = t["list"]!.line
            for (n, node) in arr.enumerated() {
                let sp = "\(path).list[\(n)]"
                guard let st = r.tableNode(node, at: sp) else { ok = false; continue }
                let name = r.string(st, "name", at: sp)
                let start = time(st, "start", sp, &r)
                let end = time(st, "end", sp, &r)
                r.reportUnknownKeys(st, at: sp)
                if let name, let start, let end {
                    if start == end { r.problem(sp, st.line, "start and end are the same time"); ok = false }
                    shifts.append(Shift(name: name, start: start, end: end))
                } else { ok = false }
            }
            if arr.isEmpty { r.problem("\(path).list", line, "needs at least one shift"); ok = false }
        }
        // Shifts must tile the 24-hour day: each ends where another starts, no overlap.
        if ok, !shifts.isEmpty {
            let total = shifts.map { s in (s.end.minutesSinceMidnight - s.start.minutesSinceMidnight + 1440) % 1440 }.reduce(0, +)
            let chained = shifts.allSatisfy { s in shifts.contains { $0.start == s.end } }
            if total != 1440 || !chained {
                r.problem("\(path).list", line, "shifts must cover the 24-hour day exactly, each starting when another ends (they cover \(total) minutes)")
                ok = false
            }
        }
        r.reportUnknownKeys(t, at: path)
        guard ok, let prov else { return nil }
        return ShiftRules(shifts: shifts, provenance: prov)
    }

    static func time(_ t: TOMLTable, _ key: String, _ path: String, _ r: inout TOMLReader) -> ClockTime? {
        guard let s = r.string(t, key, at: path) else { return nil }
        if let c = ClockTime(s) { return c }
        r.problem("\(path).\(key)", t[key]!.line, "'\(s)' is not a time \"HH:MM\" (00:00–23:59)")
        return nil
    }

    static func decodeAdministration(_ t: TOMLTable, _ path: String, _ r: inout TOMLReader) -> AdministrationRules? {
        let prov = r.provenance(t, at: path)
        let w = r.int(t, "windowMinutes", at: path, range: 0...720)
        r.reportUnknownKeys(t, at: path)
        guard let prov, let w else { return nil }
        return AdministrationRules(windowMinutes: w, provenance: prov)
    }

    static func decodeAppropriateness(_ t: TOMLTable, _ path: String, _ r: inout TOMLReader) -> AppropriatenessRules? {
        let prov = r.provenance(t, at: path)
        let use = r.bool(t, "requireRecentUseConfirmed", at: path)
        let comm = r.bool(t, "requireCanCommunicate", at: path)
        let scale = r.choice(t, "observerScale", at: path, as: ScaleKind.self)
        if let scale, scale != .rass && scale != .poss {
            r.problem("\(path).observerScale", t["observerScale"]!.line, "must be an observer-rated scale: \"rass\" or \"poss\"")
        }
        r.reportUnknownKeys(t, at: path)
        guard let prov, let use, let comm, let scale, scale == .rass || scale == .poss else { return nil }
        return AppropriatenessRules(requireRecentUseConfirmed: use, requireCanCommunicate: comm, observerScale: scale, provenance: prov)
    }

    static func decodeObservations(_ t: TOMLTable, _ path: String, _ r: inout TOMLReader) -> ObservationTimingRules? {
        let prov = r.provenance(t, at: path)
        let soon = r.int(t, "dueSoonMinutes", at: path, range: 0...240)
        let stale = r.int(t, "staleAfterMinutes", at: path, range: 1...10080)
        let horizon = r.int(t, "worklistHorizonMinutes", at: path, required: false, range: 0...1440) ?? 0
        r.reportUnknownKeys(t, at: path)
        guard let prov, let soon, let stale else { return nil }
        return ObservationTimingRules(dueSoonMinutes: soon, staleAfterMinutes: stale, worklistHorizonMinutes: horizon, provenance: prov)
    }

    static func decodeSecurity(_ t: TOMLTable, _ path: String, _ r: inout TOMLReader) -> (SecurityPolicy, Provenance)? {
        let prov = r.provenance(t, at: path)
        let len = r.int(t, "pinMinLength", at: path, range: 4...64)
        let digits = r.bool(t, "pinDigitsOnly", at: path)
        let attempts = r.int(t, "maxFailedAttempts", at: path, range: 1...100)
        let lockout = r.int(t, "lockoutMinutes", at: path, range: 1...1440)
        let idle = r.int(t, "idleLockSeconds", at: path, range: 10...3600)
        r.reportUnknownKeys(t, at: path)
        guard let prov, let len, let digits, let attempts, let lockout, let idle else { return nil }
        return (SecurityPolicy(pinMinLength: len, pinDigitsOnly: digits, maxFailedAttempts: attempts,
                               lockoutMinutes: lockout, idleLockSeconds: idle), prov)
    }

    static func decodeAlerts(_ t: TOMLTable, _ path: String, _ r: inout TOMLReader) -> AlertRules? {
        let prov = r.provenance(t, at: path)
        let news2 = r.int(t, "news2AtOrAbove", at: path, range: 1...20)
        let frac = r.double(t, "prnCapApproachingFraction", at: path, range: 0.05...1)
        let style = r.choice(t, "handoverStyle", at: path, as: HandoverStyle.self)
        var order: [WardSortKey] = []
        var ok = true
        if let arr = r.array(t, "wardSortOrder", at: path) {
            for (n, node) in arr.enumerated() {
                guard case .string(let s) = node.value, let k = WardSortKey(rawValue: s) else {
                    r.problem("\(path).wardSortOrder[\(n)]", node.line,
                              "expected one of \(WardSortKey.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))")
                    ok = false; continue
                }
                if order.contains(k) { r.problem("\(path).wardSortOrder[\(n)]", node.line, "'\(s)' is listed twice"); ok = false }
                order.append(k)
            }
        }
        r.reportUnknownKeys(t, at: path)
        guard ok, let prov, let news2, let frac, let style else { return nil }
        return AlertRules(news2AtOrAbove: news2, prnCapApproachingFraction: frac, wardSortOrder: order,
                          handoverStyle: style, provenance: prov)
    }
}

extension ProtocolDecoder {
    static func decodeEntryLimits(_ t: TOMLTable, _ path: String, _ r: inout TOMLReader) -> EntryLimits? {
        let prov = r.provenance(t, at: path)
        func range(_ key: String, _ r: inout TOMLReader) -> ClosedRange<Double>? { r.numberRange(t, key, at: path) }
        let rr = range("respirationRate", &r), spo2 = range("spo2", &r), sbp = range("systolic", &r)
        let dbp = range("diastolic", &r), pulse = range("pulse", &r), temp = range("temperature", &r)
        r.reportUnknownKeys(t, at: path)
        guard let prov, let rr, let spo2, let sbp, let dbp, let pulse, let temp else { return nil }
        return EntryLimits(respirationRate: rr, spo2: spo2, systolic: sbp, diastolic: dbp, pulse: pulse,
                           temperature: temp, provenance: prov)
    }
}
