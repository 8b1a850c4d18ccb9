/// The numeric vital-sign fields a nurse types.
public enum VitalField: String, Sendable, Hashable, CaseIterable {
    case respirationRate, spo2, systolic, diastolic, pulse, temperature

    public var label: String {
        switch self {
        case .respirationRate: "Resp rate"
        case .spo2: "SpO2"
        case .systolic: "Systolic BP"
        case .diastolic: "Diastolic BP"
        case .pulse: "Pulse"
        case .temperature: "Temperature"
        }
    }

    public var unit: String {
        switch self {
        case .respirationRate, .pulse: "/min"
        case .spo2: "%"
        case .systolic, .diastolic: "mmHg"
        case .temperature: "°C"
        }
    }

    /// Temperature takes one decimal place; the rest are whole numbers.
    public var allowsDecimal: Bool { self == .temperature }
}

/// What a typed value means before it is kept.
public enum VitalValueCheck: Sendable, Hashable {
    case ok
    /// Plausible but outside the usual range: keep only after "confirm?".
    case unusual(String)
    /// Outside the plausible range (a typing error): refused, the range shown.
    case refused(String)
}

extension EntryLimits {
    public func range(_ f: VitalField) -> ClosedRange<Double> {
        switch f {
        case .respirationRate: respirationRate
        case .spo2: spo2
        case .systolic: systolic
        case .diastolic: diastolic
        case .pulse: pulse
        case .temperature: temperature
        }
    }
}

extension WardProtocol {
    /// Checks one typed value against the plausible limits and the usual range.
    public func checkVital(_ f: VitalField, _ v: Double) -> VitalValueCheck {
        let plausible = entryLimits.range(f)
        guard plausible.contains(v) else {
            return .refused("\(f.label) \(fmt(v)) is not accepted: type \(fmt(plausible.lowerBound))–\(fmt(plausible.upperBound)) \(f.unit)")
        }
        let usual = bedside.usual.range(f)
        guard usual.contains(v) else {
            return .unusual("\(f.label) \(fmt(v)) \(f.unit) is outside the usual \(fmt(usual.lowerBound))–\(fmt(usual.upperBound)): confirm? y/n")
        }
        return .ok
    }
}
