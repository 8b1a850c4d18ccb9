extension ProtocolDecoder {
    static func decodeOverSedation(_ t: TOMLTable, _ path: String, _ r: inout TOMLReader) -> OverSedationRules? {
        let prov = r.provenance(t, at: path)
        let rass = SedationScore.rassRange
        let sRass = r.int(t, "sedatedRassAtOrBelow", at: path, range: rass)
        let sPoss = r.int(t, "sedatedPossAtOrAbove", at: path, range: 1...4)
        let eRass = r.int(t, "emergencyRassAtOrBelow", at: path, range: rass)
        let ePoss = r.int(t, "emergencyPossAtOrAbove", at: path, range: 1...4)
        let recovered = r.int(t, "recoveredRassAtOrAbove", at: path, range: rass)
        let every = r.int(t, "observeEveryMinutes", at: path, range: 5...720)
        let rr = r.int(t, "emergencyRespirationRateAtOrBelow", at: path, range: 1...60)
        let spo2 = r.int(t, "emergencySpo2AtOrBelow", at: path, range: 50...100)
        let spo2s2 = r.int(t, "emergencySpo2Scale2AtOrBelow", at: path, range: 50...100)
        let cRass = r.int(t, "ciwaSuspendedAtRassOrBelow", at: path, range: rass)
        let cPoss = r.int(t, "ciwaSuspendedAtPossOrAbove", at: path, range: 1...4)
        let sedated = r.string(t, "sedatedResponse", at: path)
        let emergency = r.string(t, "emergencyResponse", at: path)
        let confusion = r.string(t, "newConfusionResponse", at: path)
        r.reportUnknownKeys(t, at: path)
        guard let prov, let sRass, let sPoss, let eRass, let ePoss, let recovered, let every, let rr, let spo2, let spo2s2,
              let cRass, let cPoss, let sedated, let emergency, let confusion else { return nil }
        if eRass > sRass { r.problem("\(path).emergencyRassAtOrBelow", t["emergencyRassAtOrBelow"]!.line, "must be at or below sedatedRassAtOrBelow (\(sRass))"); return nil }
        if ePoss < sPoss { r.problem("\(path).emergencyPossAtOrAbove", t["emergencyPossAtOrAbove"]!.line, "must be at or above sedatedPossAtOrAbove (\(sPoss))"); return nil }
        if recovered <= sRass { r.problem("\(path).recoveredRassAtOrAbove", t["recoveredRassAtOrAbove"]!.line, "must be above sedatedRassAtOrBelow (\(sRass))"); return nil }
        return OverSedationRules(sedatedRassAtOrBelow: sRass, sedatedPossAtOrAbove: sPoss, emergencyRassAtOrBelow: eRass,
                                 emergencyPossAtOrAbove: ePoss, recoveredRassAtOrAbove: recovered, observeEveryMinutes: every,
                                 emergencyRespirationRateAtOrBelow: rr, emergencySpo2AtOrBelow: spo2,
                                 emergencySpo2Scale2AtOrBelow: spo2s2, ciwaSuspendedAtRassOrBelow: cRass,
                                 ciwaSuspendedAtPossOrAbove: cPoss, sedatedResponse: sedated, emergencyResponse: emergency,
                                 newConfusionResponse: confusion, provenance: prov)
    }

    static func decodeAlcohol(_ t: TOMLTable, _ path: String, _ r: inout TOMLReader) -> AlcoholRules? {
        let prov = r.provenance(t, at: path)
        let band = r.int(t, "ciwaArEscalateAtOrAbove", at: path, range: 0...67)
        let response = r.string(t, "escalationResponse", at: path)
        let thiamine = r.string(t, "thiamineReminder", at: path)
        r.reportUnknownKeys(t, at: path)
        guard let prov, let band, let response, let thiamine else { return nil }
        return AlcoholRules(ciwaArEscalateAtOrAbove: band, escalationResponse: response,
                            thiamineReminder: thiamine, provenance: prov)
    }

    static func decodeSeverity(_ t: TOMLTable, _ path: String, _ news2: NEWS2Rules?, _ r: inout TOMLReader) -> SeverityRules? {
        let prov = r.provenance(t, at: path)
        let critical = r.bool(t, "unstableOnCriticalAlert", at: path)
        let news2Total = r.int(t, "unstableNews2AtOrAbove", at: path, range: 1...(news2?.maxTotal ?? 20))
        let red = r.bool(t, "unstableOnSingleRed", at: path)
        let rass = r.int(t, "unstableRassAtOrBelow", at: path, range: SedationScore.rassRange)
        let poss = r.int(t, "unstablePossAtOrAbove", at: path, range: 1...4)
        let events = r.bool(t, "unstableOnSeizureOrDeliriumThisShift", at: path)
        var watcher: [String] = []
        if let arr = r.array(t, "watcherOnAlerts", at: path) {
            for (n, node) in arr.enumerated() {
                guard case .string(let s) = node.value else {
                    r.problem("\(path).watcherOnAlerts[\(n)]", node.line, "expected an alert rule name, e.g. \"ciwa-band-rose\""); return nil
                }
                watcher.append(s)
            }
        }
        r.reportUnknownKeys(t, at: path)
        guard let prov, let critical, let news2Total, let red, let rass, let poss, let events else { return nil }
        return SeverityRules(unstableOnCriticalAlert: critical, unstableNews2AtOrAbove: news2Total, unstableOnSingleRed: red,
                             unstableRassAtOrBelow: rass, unstablePossAtOrAbove: poss,
                             unstableOnSeizureOrDeliriumThisShift: events, watcherOnAlerts: watcher, provenance: prov)
    }
}
