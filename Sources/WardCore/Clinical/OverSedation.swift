import Foundation

/// How far over-sedation has gone, on the latest sedation score and vital signs.
public enum OverSedationLevel: Int, Sendable, Hashable, Comparable {
    /// RASS −2/−3, POSS 3 (the shipped grading): hold, observe hourly.
    case sedated = 1
    /// RASS ≤ −4, POSS 4, or respiration / SpO2 at a red NEWS2 level: emergency.
    case emergency = 2
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

public struct OverSedationCall: Sendable, Hashable {
    public var level: OverSedationLevel
    /// What was found, one phrase each ("RASS -5 (Unrousable)", "respiration rate 7/min").
    public var findings: [String]
    /// What to do: the protocol's response text for the level.
    public var response: String
    /// When the observation behind the call was taken (the newer of the two when both count).
    public var since: Date
}

extension OverSedationRules {
    /// The over-sedation call, nil when neither the sedation score nor the vital signs reach a level.
    public func assess(sedation: TimedSedation?, vitals: TimedVitals?, spo2Scale2: Bool) -> OverSedationCall? {
        var level: OverSedationLevel?
        var findings: [String] = []
        var since: Date?
        func raise(_ l: OverSedationLevel, _ what: String, _ at: Date) {
            level = max(level ?? l, l); findings.append(what); since = max(since ?? at, at)
        }
        if let s = sedation {
            switch s.score {
            case .rass(let v) where v <= emergencyRassAtOrBelow: raise(.emergency, s.score.display, s.takenAt)
            case .rass(let v) where v <= sedatedRassAtOrBelow: raise(.sedated, s.score.display, s.takenAt)
            case .poss(let l) where l.rank >= emergencyPossAtOrAbove: raise(.emergency, s.score.display, s.takenAt)
            case .poss(let l) where l.rank >= sedatedPossAtOrAbove: raise(.sedated, s.score.display, s.takenAt)
            default: break
            }
        }
        if let v = vitals {
            if v.vitals.respirationRate <= emergencyRespirationRateAtOrBelow {
                raise(.emergency, "respiration rate \(v.vitals.respirationRate)/min (at or below \(emergencyRespirationRateAtOrBelow))", v.takenAt)
            }
            let limit = spo2Scale2 ? emergencySpo2Scale2AtOrBelow : emergencySpo2AtOrBelow
            if v.vitals.spo2 <= limit {
                raise(.emergency, "SpO2 \(v.vitals.spo2)% (at or below \(limit)%\(spo2Scale2 ? ", scale 2" : ""))", v.takenAt)
            }
        }
        guard let level, let since else { return nil }
        return OverSedationCall(level: level, findings: findings, response: level == .emergency ? emergencyResponse : sedatedResponse,
                                since: since)
    }

    /// True while the patient cannot be asked the self-reported CIWA items.
    public func cannotCommunicate(_ s: SedationScore) -> Bool {
        switch s {
        case .rass(let v): v <= ciwaSuspendedAtRassOrBelow
        case .poss(let l): l.rank >= ciwaSuspendedAtPossOrAbove
        }
    }

    /// True once RASS is back at the recovery level (POSS below the sedated level).
    public func recovered(_ s: SedationScore) -> Bool {
        switch s {
        case .rass(let v): v >= recoveredRassAtOrAbove
        case .poss(let l): l.rank < sedatedPossAtOrAbove
        }
    }
}

extension WardProtocol {
    /// True when any of the admission record's substances names alcohol
    /// (a whole word of `[admission.coSedation] alcohol`).
    public func namesAlcohol(_ substances: [String]) -> Bool {
        let words = admission.coSedation.alcohol
        return substances.contains { text in
            text.lowercased().split { !($0.isLetter || $0.isNumber) }.contains { words.contains(String($0)) }
        }
    }
}
