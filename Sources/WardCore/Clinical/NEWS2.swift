/// The sub-score of each NEWS2 parameter.
public struct NEWS2Parameters: Sendable, Hashable, Codable {
    public var respirationRate: Int
    public var spo2: Int
    public var airOrOxygen: Int
    public var systolicBP: Int
    public var pulse: Int
    public var consciousness: Int
    public var temperature: Int

    public var all: [Int] { [respirationRate, spo2, airOrOxygen, systolicBP, pulse, consciousness, temperature] }

    /// The sub-score of one named parameter.
    public subscript(_ k: NEWS2Parameter) -> Int {
        switch k {
        case .respirationRate: respirationRate
        case .spo2: spo2
        case .systolicBP: systolicBP
        case .pulse: pulse
        case .consciousness: consciousness
        case .temperature: temperature
        }
    }

    /// The named parameters whose sub-score is `red` or more, in chart order.
    public func scoring(atLeast red: Int) -> [NEWS2Parameter] { NEWS2Parameter.allCases.filter { self[$0] >= red } }
}

/// The NEWS2 parameters a red score is named for (the alert and the handover
/// say which), in chart order; the raw value is the name in a sentence.
public enum NEWS2Parameter: String, Sendable, Hashable, CaseIterable {
    case respirationRate = "respiration rate"
    case spo2 = "SpO2"
    case systolicBP = "systolic BP"
    case pulse
    case consciousness
    case temperature
}

/// A scored set of vital signs.
public struct NEWS2Score: Sendable, Hashable {
    public var parameters: NEWS2Parameters
    public var total: Int
    /// True when any single parameter scored the protocol's red score (3).
    public var singleRed: Bool
    /// The SpO2 scale used (1 or 2).
    public var spo2Scale: Int
    /// The category in force: the aggregate tier, raised by a single red score.
    public var response: NEWS2Response
    public var risk: NEWS2Risk { response.risk }
}

public struct VitalSignsError: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var message: String
    public var description: String { message }
}

extension EntryLimits {
    /// Refuses implausible entries (likely typing errors), naming the field and its accepted range.
    public func check(_ v: VitalSigns) throws(VitalSignsError) {
        func chk(_ field: String, _ value: Double, _ r: ClosedRange<Double>, _ unit: String) throws(VitalSignsError) {
            guard r.contains(value) else {
                throw VitalSignsError(field: field, message: "\(field) \(fmt(value)) is outside the accepted range \(fmt(r.lowerBound))–\(fmt(r.upperBound))\(unit)")
            }
        }
        try chk("respiration rate", Double(v.respirationRate), respirationRate, " /min")
        try chk("SpO2", Double(v.spo2), spo2, " %")
        try chk("systolic BP", Double(v.systolic), systolic, " mmHg")
        if let d = v.diastolic { try chk("diastolic BP", Double(d), diastolic, " mmHg") }
        try chk("pulse", Double(v.pulse), pulse, " /min")
        try chk("temperature", v.temperature, temperature, " °C")
    }
}

func fmt(_ d: Double) -> String { DoseText.mg(d) }

extension NEWS2Rules {
    /// Scores vital signs. `scale2` must come from the patient's record (a
    /// clinician's decision, facts.md 4.1), never be guessed.
    public func score(_ v: VitalSigns, scale2: Bool) -> NEWS2Score {
        let spo2Param = scale2 ? (v.onOxygen ? spo2Scale2OnOxygen : spo2Scale2OnAir) : spo2Scale1
        // Bands are validated to cover every finite value; `?? redScore` is unreachable for the integer inputs.
        let p = NEWS2Parameters(
            respirationRate: respirationRate.score(Double(v.respirationRate)) ?? redScore,
            spo2: spo2Param.score(Double(v.spo2)) ?? redScore,
            airOrOxygen: v.onOxygen ? oxygenScore : airScore,
            systolicBP: systolicBP.score(Double(v.systolic)) ?? redScore,
            pulse: pulse.score(Double(v.pulse)) ?? redScore,
            consciousness: v.acvpu == .alert ? alertScore : confusionVPUScore,
            temperature: temperature.score(v.temperature) ?? redScore)
        let total = p.all.reduce(0, +)
        let red = p.all.contains { $0 >= redScore }
        var response = tiers.first { (($0.minTotal)...($0.maxTotal)).contains(total) }?.response
            ?? tiers.max { $0.maxTotal < $1.maxTotal }!.response
        if red && response.risk < singleRed.risk { response = singleRed }
        return NEWS2Score(parameters: p, total: total, singleRed: red, spo2Scale: scale2 ? 2 : 1, response: response)
    }
}
