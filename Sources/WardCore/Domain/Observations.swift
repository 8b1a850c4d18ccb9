import Foundation

/// Level of consciousness, NEWS2 ACVPU: Alert, new Confusion, Voice, Pain, Unresponsive.
public enum ACVPU: String, Sendable, Codable, Hashable, CaseIterable {
    case alert = "A"
    case confusion = "C"
    case voice = "V"
    case pain = "P"
    case unresponsive = "U"

    public var label: String {
        switch self {
        case .alert: "Alert"
        case .confusion: "New confusion"
        case .voice: "Responds to voice"
        case .pain: "Responds to pain"
        case .unresponsive: "Unresponsive"
        }
    }
}

/// One set of vital signs as recorded at the bedside.
public struct VitalSigns: Sendable, Codable, Hashable {
    /// Respiration rate, breaths per minute.
    public var respirationRate: Int
    /// Oxygen saturation, percent.
    public var spo2: Int
    /// True when the patient is on supplemental oxygen (false = air).
    public var onOxygen: Bool
    public var systolic: Int
    public var diastolic: Int?
    /// Pulse, beats per minute.
    public var pulse: Int
    public var acvpu: ACVPU
    /// Temperature, °C.
    public var temperature: Double

    public init(respirationRate: Int, spo2: Int, onOxygen: Bool, systolic: Int, diastolic: Int? = nil,
                pulse: Int, acvpu: ACVPU, temperature: Double) {
        self.respirationRate = respirationRate; self.spo2 = spo2; self.onOxygen = onOxygen
        self.systolic = systolic; self.diastolic = diastolic; self.pulse = pulse; self.acvpu = acvpu
        self.temperature = temperature
    }
}

/// POSS levels (Pasero 1994): S, 1, 2, 3, 4.
public enum POSSLevel: String, Sendable, Codable, Hashable, CaseIterable {
    case sleepEasyToArouse = "S"
    case awakeAlert = "1"
    case slightlyDrowsy = "2"
    case frequentlyDrowsy = "3"
    case somnolent = "4"

    /// Numeric level for comparisons; S (asleep, easy to arouse) counts as 0.
    public var rank: Int {
        switch self {
        case .sleepEasyToArouse: 0
        case .awakeAlert: 1
        case .slightlyDrowsy: 2
        case .frequentlyDrowsy: 3
        case .somnolent: 4
        }
    }
}

/// A sedation observation: RASS (−5…+4) or POSS (S, 1–4).
public enum SedationScore: Sendable, Codable, Hashable {
    case rass(Int)
    case poss(POSSLevel)

    /// The RASS range (Sessler 2002).
    public static let rassRange = -5...4

    public var scale: ScaleKind {
        switch self { case .rass: .rass; case .poss: .poss }
    }

    /// "RASS -2 (Light sedation)" / "POSS 3 (Frequently drowsy…)".
    public var display: String {
        switch self {
        case .rass(let v): "RASS \(v > 0 ? "+" : "")\(v) (\(SedationScale.rass.label(for: self) ?? "?"))"
        case .poss(let l): "POSS \(l.rawValue) (\(SedationScale.poss.label(for: self) ?? "?"))"
        }
    }
}
