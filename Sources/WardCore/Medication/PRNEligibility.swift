import Foundation

/// One reason a PRN dose may not be given now.
public enum PRNReason: Sendable, Hashable {
    /// The order is held or stopped.
    case orderNotActive(OrderStatus)
    /// The last dose of the same drug (any PRN order) was too recent.
    case tooSoon(lastMinutesAgo: Int, minimumMinutes: Int)
    /// This dose would pass the 24-hour cap (diazepam-equivalent mg).
    case capReached(countedMg: Double, doseMg: Double, capMg: Double)
    /// A hold rule is met (sedation, respiration, SpO2, consciousness).
    case hold(String)
    /// The observations the hold rules need are missing or too old.
    case observeFirst(String)
    case noRecentScore(scale: String, maxAgeMinutes: Int)
    case belowThreshold(scale: String, total: Int, threshold: Int)
    /// The appropriateness gate (recent use, can communicate) is not met.
    case gateNotMet(String)

    /// Reasons the store also enforces: no override exists.
    public var isHard: Bool {
        switch self {
        case .orderNotActive, .tooSoon, .capReached: true
        default: false
        }
    }

    public var text: String {
        switch self {
        case .orderNotActive(let s): "order is \(s.rawValue)"
        case .tooSoon(let ago, let min): "last dose \(ago) min ago, minimum \(min)"
        case .capReached(let c, let d, let cap):
            "24-h cap reached (\(fmt(c)) mg DE given + \(fmt(d)) mg > \(fmt(cap)) mg)"
        case .hold(let m): m
        case .observeFirst(let m): m
        case .noRecentScore(let s, let age): "no \(s) in the last \(age) min"
        case .belowThreshold(let s, let t, let th): "\(s) \(t) below threshold \(th)"
        case .gateNotMet(let m): "gate not met: \(m)"
        }
    }
}

/// Everything the eligibility rule reads (no clock, no store: a pure function of these).
public struct PRNEligibilityInput: Sendable, Hashable {
    public var terms: PRNTerms
    public var drug: String
    public var status: OrderStatus
    /// The newest PRN dose of the same drug given under any PRN order.
    public var lastSameDrugPRNAt: Date?
    /// Diazepam-equivalent mg counted toward the cap in the last 24 h.
    public var counted24hMg: Double
    /// This dose in diazepam-equivalent mg.
    public var doseDiazepamMg: Double
    public var latestScore: TimedTotal?
    /// Scores older than this do not count.
    public var scoreMaxAgeMinutes: Int
    public var hold: HoldDecision
    public var gate: DoseGateDecision
    public var now: Date

    public init(terms: PRNTerms, drug: String, status: OrderStatus = .active, lastSameDrugPRNAt: Date?, counted24hMg: Double,
                doseDiazepamMg: Double, latestScore: TimedTotal?, scoreMaxAgeMinutes: Int, hold: HoldDecision,
                gate: DoseGateDecision, now: Date) {
        self.terms = terms; self.drug = drug; self.status = status; self.lastSameDrugPRNAt = lastSameDrugPRNAt
        self.counted24hMg = counted24hMg; self.doseDiazepamMg = doseDiazepamMg; self.latestScore = latestScore
        self.scoreMaxAgeMinutes = scoreMaxAgeMinutes; self.hold = hold; self.gate = gate; self.now = now
    }
}

public struct PRNEligibility: Sendable, Hashable {
    public var reasons: [PRNReason]
    public var isEligible: Bool { reasons.isEmpty }
    /// True when some reason is one no one may override.
    public var isBlocked: Bool { reasons.contains { $0.isHard } }

    /// "PRN eligible" or "PRN not eligible: last dose 40 min ago, minimum 60; RASS -2 …".
    public var line: String {
        isEligible ? "PRN eligible" : "PRN not eligible: " + reasons.map(\.text).joined(separator: "; ")
    }

    public static func evaluate(_ i: PRNEligibilityInput) -> PRNEligibility {
        var r: [PRNReason] = []
        if i.status != .active { r.append(.orderNotActive(i.status)) }
        if let last = i.lastSameDrugPRNAt {
            let ago = i.now.timeIntervalSince(last)
            if ago < TimeInterval(i.terms.minIntervalMinutes * 60) {
                r.append(.tooSoon(lastMinutesAgo: max(0, Int(ago / 60)), minimumMinutes: i.terms.minIntervalMinutes))
            }
        }
        if i.counted24hMg + i.doseDiazepamMg > i.terms.maxPer24hDiazepamMg + 1e-9 {
            r.append(.capReached(countedMg: i.counted24hMg, doseMg: i.doseDiazepamMg, capMg: i.terms.maxPer24hDiazepamMg))
        }
        switch i.hold.outcome {
        case .hold:
            for (f, m) in zip(i.hold.findings, i.hold.messages) {
                switch f {
                case .noRecentVitals, .noRecentSedation: r.append(.observeFirst(m))
                default: r.append(.hold(m))
                }
            }
        case .observeFirst:
            r += i.hold.messages.map { .observeFirst($0) }
        case .mayGive:
            break
        }
        let scaleName = ScaleKind(rawValue: i.terms.scale)?.displayName ?? i.terms.scale
        if let s = i.latestScore, s.scale.rawValue == i.terms.scale,
           i.now.timeIntervalSince(s.takenAt) <= TimeInterval(i.scoreMaxAgeMinutes * 60) {
            if s.total < i.terms.threshold {
                r.append(.belowThreshold(scale: scaleName, total: s.total, threshold: i.terms.threshold))
            }
        } else {
            r.append(.noRecentScore(scale: scaleName, maxAgeMinutes: i.scoreMaxAgeMinutes))
        }
        if !i.gate.scaleMayGuideDosing { r.append(.gateNotMet(i.gate.reasons.joined(separator: "; "))) }
        return PRNEligibility(reasons: r)
    }
}
