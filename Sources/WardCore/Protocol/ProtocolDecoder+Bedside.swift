extension ProtocolDecoder {
    static func decodeBedside(_ t: TOMLTable, _ path: String, _ limits: EntryLimits?, _ r: inout TOMLReader) -> BedsideRules? {
        let prov = r.provenance(t, at: path)
        func range(_ key: String, _ r: inout TOMLReader, within: ClosedRange<Double>?) -> ClosedRange<Double>? {
            guard let usual = r.numberRange(t, key, at: path) else { return nil }
            if let within, !(within.contains(usual.lowerBound) && within.contains(usual.upperBound)) {
                r.problem("\(path).\(key)", t[key]!.line,
                          "the usual range must lie inside entryLimits (\(fmt(within.lowerBound))–\(fmt(within.upperBound)))")
                return nil
            }
            return usual
        }
        let rr = range("usualRespirationRate", &r, within: limits?.respirationRate)
        let spo2 = range("usualSpo2", &r, within: limits?.spo2)
        let sbp = range("usualSystolic", &r, within: limits?.systolic)
        let dbp = range("usualDiastolic", &r, within: limits?.diastolic)
        let pulse = range("usualPulse", &r, within: limits?.pulse)
        let temp = range("usualTemperature", &r, within: limits?.temperature)
        let asleep = r.int(t, "asleepRecheckMinutes", at: path, range: 1...1440)
        let refused = r.int(t, "refusedRecheckMinutes", at: path, range: 1...1440)
        let offWard = r.int(t, "offWardRecheckMinutes", at: path, range: 1...1440)
        r.reportUnknownKeys(t, at: path)
        guard let prov, let rr, let spo2, let sbp, let dbp, let pulse, let temp, let asleep, let refused, let offWard else { return nil }
        return BedsideRules(
            usual: EntryLimits(respirationRate: rr, spo2: spo2, systolic: sbp, diastolic: dbp, pulse: pulse,
                               temperature: temp, provenance: prov),
            recheckMinutes: [.asleep: asleep, .refused: refused, .offWard: offWard], provenance: prov)
    }
}
