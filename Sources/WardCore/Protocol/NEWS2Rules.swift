/// One band of a NEWS2 parameter: values from `min` to `max` (inclusive, at
/// the parameter's step) score `score`. An open end is nil.
public struct ParameterBand: Sendable, Hashable {
    public var min: Double?
    public var max: Double?
    public var score: Int
    public init(min: Double?, max: Double?, score: Int) { self.min = min; self.max = max; self.score = score }
}

/// A parameter scored by bands, read from the protocol.
public struct BandedParameter: Sendable, Hashable {
    public var bands: [ParameterBand]
    /// The recorded precision: inputs are rounded to a multiple of this before banding.
    public var step: Double

    /// The value rounded to the recorded precision.
    public func rounded(_ value: Double) -> Double { (value / step).rounded() * step }

    /// The score of `value`. Bands are validated to cover every value, so this
    /// only returns nil for a non-finite input.
    public func score(_ value: Double) -> Int? {
        guard value.isFinite else { return nil }
        let v = rounded(value)
        let eps = step / 1000
        return bands.first { b in
            (b.min.map { v >= $0 - eps } ?? true) && (b.max.map { v <= $0 + eps } ?? true)
        }?.score
    }

    /// The highest score any value can get.
    public var maxScore: Int { bands.map(\.score).max() ?? 0 }
}

/// NEWS2 aggregate risk categories (RCP Chart 4), lowest first.
public enum NEWS2Risk: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case low
    case lowMedium = "low-medium"
    case medium
    case high

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// What a NEWS2 category means for the ward: how often to observe, what to do.
public struct NEWS2Response: Sendable, Hashable {
    public var risk: NEWS2Risk
    /// Minimum monitoring interval in minutes; 0 means continuous.
    public var monitoringMinutes: Int
    public var monitoring: String
    public var response: String
    public var source: String
    public init(risk: NEWS2Risk, monitoringMinutes: Int, monitoring: String, response: String, source: String) {
        self.risk = risk; self.monitoringMinutes = monitoringMinutes; self.monitoring = monitoring
        self.response = response; self.source = source
    }
}

/// One aggregate-total tier (e.g. totals 5–6 → medium).
public struct NEWS2RiskTier: Sendable, Hashable {
    public var minTotal: Int
    public var maxTotal: Int
    public var response: NEWS2Response
}

/// The NEWS2 chart as data.
public struct NEWS2Rules: Sendable, Hashable {
    public var provenance: Provenance
    public var airScore: Int
    public var oxygenScore: Int
    public var alertScore: Int
    public var confusionVPUScore: Int
    /// A single parameter scoring this is a "red score".
    public var redScore: Int
    public var respirationRate: BandedParameter
    public var spo2Scale1: BandedParameter
    public var spo2Scale2OnAir: BandedParameter
    public var spo2Scale2OnOxygen: BandedParameter
    public var systolicBP: BandedParameter
    public var pulse: BandedParameter
    public var temperature: BandedParameter
    public var tiers: [NEWS2RiskTier]
    public var singleRed: NEWS2Response
    /// Parameters the ward changed from the RCP chart on purpose (`localDeviations`
    /// in [news2], e.g. "respirationRate"): `protocol check` notes them instead of warning.
    public var localDeviations: Set<String> = []

    /// The highest total the bands allow (20 on the RCP chart).
    public var maxTotal: Int {
        respirationRate.maxScore
            + max(spo2Scale1.maxScore, spo2Scale2OnAir.maxScore, spo2Scale2OnOxygen.maxScore)
            + max(airScore, oxygenScore) + systolicBP.maxScore + pulse.maxScore
            + max(alertScore, confusionVPUScore) + temperature.maxScore
    }
}
