import Foundation

/// Vital signs with the time they were taken.
public struct TimedVitals: Sendable, Hashable {
    public var vitals: VitalSigns
    public var takenAt: Date
    public init(_ vitals: VitalSigns, at takenAt: Date) { self.vitals = vitals; self.takenAt = takenAt }
}

/// A sedation score with the time it was taken.
public struct TimedSedation: Sendable, Hashable {
    public var score: SedationScore
    public var takenAt: Date
    public init(_ score: SedationScore, at takenAt: Date) { self.score = score; self.takenAt = takenAt }
}

/// Why a dose must be held (or cannot be decided yet).
public enum HoldFinding: Sendable, Hashable {
    case rass(Int)
    case poss(POSSLevel)
    case respirationRate(Int)
    case spo2(Int)
    case consciousness(ACVPU)
    case noRecentVitals
    case noRecentSedation
}

public struct HoldDecision: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable {
        /// Nothing in the latest observations says hold.
        case mayGive
        /// At least one hold rule is met: hold and record why.
        case hold
        /// The observations needed are missing or too old: observe first.
        case observeFirst
    }
    public var outcome: Outcome
    public var findings: [HoldFinding]
    /// One sentence per finding, for the screen and the record.
    public var messages: [String]
    public var source: String
}

extension HoldRules {
    /// Evaluates the hold rules against the latest observations at `now`.
    /// A met rule wins over missing observations (hold is the safer answer).
    /// `spo2Scale2` comes from the patient's record (NEWS2 scale 2).
    public func evaluate(vitals: TimedVitals?, sedation: TimedSedation?, spo2Scale2: Bool = false, now: Date) -> HoldDecision {
        let maxAge = TimeInterval(observationMaxAgeMinutes * 60)
        func fresh(_ d: Date) -> Bool { now.timeIntervalSince(d) <= maxAge && d <= now.addingTimeInterval(60) }
        var hold: [(HoldFinding, String)] = []
        var missing: [(HoldFinding, String)] = []
        if let s = sedation, fresh(s.takenAt) {
            switch s.score {
            case .rass(let v) where v <= rassAtOrBelow:
                hold.append((.rass(v), "\(s.score.display): at or below RASS \(rassAtOrBelow)"))
            case .poss(let l) where l.rank >= possAtOrAbove:
                hold.append((.poss(l), "\(s.score.display): at or above POSS \(possAtOrAbove)"))
            default: break
            }
        } else {
            missing.append((.noRecentSedation, "no sedation score in the last \(observationMaxAgeMinutes) min: score RASS/POSS first"))
        }
        if let tv = vitals, fresh(tv.takenAt) {
            let v = tv.vitals
            if v.respirationRate < respirationRateBelow {
                hold.append((.respirationRate(v.respirationRate), "respiration rate \(v.respirationRate)/min: below \(respirationRateBelow)"))
            }
            let spo2Limit = spo2Scale2 ? spo2Scale2Below : spo2Below
            if v.spo2 < spo2Limit {
                hold.append((.spo2(v.spo2), "SpO2 \(v.spo2)%: below \(spo2Limit)%\(spo2Scale2 ? " (scale 2 patient)" : "")"))
            }
            if holdOnNewConfusion && v.acvpu != .alert {
                hold.append((.consciousness(v.acvpu), "consciousness \(v.acvpu.rawValue) (\(v.acvpu.label)): not Alert"))
            }
        } else {
            missing.append((.noRecentVitals, "no vital signs in the last \(observationMaxAgeMinutes) min: take observations first"))
        }
        let chosen = hold.isEmpty ? missing : hold + missing
        let outcome: HoldDecision.Outcome = !hold.isEmpty ? .hold : (missing.isEmpty ? .mayGive : .observeFirst)
        return HoldDecision(outcome: outcome, findings: chosen.map(\.0), messages: chosen.map(\.1),
                            source: provenance.source)
    }
}

extension EscalationRules {
    /// Reasons to tell the medical team now, empty when none.
    public func reasons(_ score: NEWS2Score) -> [String] {
        var out: [String] = []
        if score.total >= news2TotalAtOrAbove {
            out.append("NEWS2 \(score.total): at or above \(news2TotalAtOrAbove)")
        }
        if singleRedParameter && score.singleRed {
            out.append("single red parameter (a NEWS2 parameter scored 3)")
        }
        return out
    }
}

/// The gate before a withdrawal-scale score may guide a dose.
public struct DoseGateDecision: Sendable, Hashable {
    /// True when a CIWA-driven dose decision is appropriate.
    public var scaleMayGuideDosing: Bool
    /// Why not, one sentence each.
    public var reasons: [String]
    /// The observer-rated scale to use instead.
    public var observerScale: ScaleKind
    public var message: String
}

extension AppropriatenessRules {
    public func evaluate(recentUseConfirmed: Bool, canCommunicate: Bool) -> DoseGateDecision {
        var reasons: [String] = []
        if requireRecentUseConfirmed && !recentUseConfirmed { reasons.append("recent benzodiazepine use is not confirmed") }
        if requireCanCommunicate && !canCommunicate { reasons.append("the patient cannot communicate (self-reported items cannot be rated)") }
        let name = observerScale.displayName
        let message = reasons.isEmpty
            ? "withdrawal score may guide the dose decision"
            : "monitoring only, use an observer scale (\(name)): " + reasons.joined(separator: "; ")
        return DoseGateDecision(scaleMayGuideDosing: reasons.isEmpty, reasons: reasons, observerScale: observerScale, message: message)
    }
}
