extension ProtocolDecoder {
    static func decodeBedside(_ t: TOMLTable, _ path: String, _ limits: EntryLimits?, _ r: inout TOMLReader) -> BedsideRules? {
        let prov = r.provenance(t, at: path)
        func range(_ key: String, _ r: inout TOMLReader, within: ClosedRange<Double>?) -> ClosedRange<Double>? {
            guard let arr = r.array(t, key, at: path) else { return nil }
            let nums: [Double] = arr.compactMap { TOMLReader.number($0.value) }
            guard nums.count == 2, arr.count == 2, nums[0] < nums[1] else {
                r.problem("\(path).\(key)", t[key]!.line, "expected [low, high] with low below high"); return nil
            }
            if let within, !(within.contains(nums[0]) && within.contains(nums[1])) {
                r.problem("\(path).\(key)", t[key]!.line,
                          "the usual range must lie inside entryLimits (\(fmt(within.lowerBound))–\(fmt(within.upperBound)))")
                return nil
            }
            return nums[0]...nums[1]
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
