import Foundation

/// A benzodiazepine dose given (scheduled or PRN), for the 24-hour cap.
public struct BenzodiazepineDose: Sendable, Hashable {
    public var drug: String
    public var mg: Double
    public var givenAt: Date
    public var isPRN: Bool
    /// The PRN template it was given under, if any.
    public var template: String?
    public init(drug: String, mg: Double, givenAt: Date, isPRN: Bool, template: String? = nil) {
        self.drug = drug; self.mg = mg; self.givenAt = givenAt; self.isPRN = isPRN; self.template = template
    }
}

/// A withdrawal-scale total with when it was taken.
public struct TimedTotal: Sendable, Hashable {
    public var scale: ScaleKind
    public var total: Int
    public var takenAt: Date
    public init(scale: ScaleKind, total: Int, takenAt: Date) { self.scale = scale; self.total = total; self.takenAt = takenAt }
}

public struct PRNDecision: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable {
        case mayGive, hold, observeFirst, monitoringOnly, belowThreshold, tooSoon, capReached
    }
    public var outcome: Outcome
    public var messages: [String]
    /// Benzodiazepine counted toward the cap in the last 24 h, in diazepam mg
    /// (upper end of a range: the cautious reading).
    public var countedLast24hDiazepamMg: Double
    public var capDiazepamMg: Double
    /// True when the counted amount has reached the alert fraction of the cap.
    public var capApproaching: Bool
    /// Earliest time the minimum interval allows another dose (nil if none given).
    public var nextAllowedAt: Date?
}

extension PRNTemplate {
    /// May a dose under this template be offered now? Every reason against is
    /// listed; the outcome is the most serious one.
    public func evaluate(latest: TimedTotal?, doses: [BenzodiazepineDose], hold: HoldDecision, gate: DoseGateDecision,
                         now: Date, equivalence: EquivalenceRules, capCounts: PRNCapCounting,
                         approachingFraction: Double, scoreMaxAgeMinutes: Int) -> PRNDecision {
        var reasons: [(PRNDecision.Outcome, String)] = []
        let dayAgo = now.addingTimeInterval(-86_400)
        let counted = doses.filter { $0.givenAt > dayAgo && $0.givenAt <= now && (capCounts == .all || $0.isPRN) }
        var usedMg = 0.0
        for d in counted {
            if let r = try? equivalence.convert(drug: d.drug, mg: d.mg) { usedMg += r.diazepamMgHigh }
            else { reasons.append((.observeFirst, "\(d.drug) is not in the equivalence table in force: the 24 h total cannot be checked")) }
        }
        let thisDose = (try? equivalence.convert(drug: drug, mg: doseMg))?.diazepamMgHigh ?? doseMg
        let mine = doses.filter { $0.isPRN && $0.template == name && $0.givenAt <= now }.map(\.givenAt).max()
        let next = mine.map { $0.addingTimeInterval(TimeInterval(minIntervalMinutes * 60)) }

        if hold.outcome == .hold { reasons.append((.hold, "hold: " + hold.messages.joined(separator: "; "))) }
        if hold.outcome == .observeFirst { reasons.append((.observeFirst, hold.messages.joined(separator: "; "))) }
        if !gate.scaleMayGuideDosing { reasons.append((.monitoringOnly, gate.message)) }
        if let latest, latest.scale == scale, now.timeIntervalSince(latest.takenAt) <= TimeInterval(scoreMaxAgeMinutes * 60) {
            if latest.total < threshold {
                reasons.append((.belowThreshold, "\(scale.displayName) \(latest.total) is below the threshold \(threshold)"))
            }
        } else {
            reasons.append((.observeFirst, "no \(scale.displayName) score in the last \(scoreMaxAgeMinutes) min: score first"))
        }
        if let next, next > now {
            reasons.append((.tooSoon, "last PRN dose under this order less than \(minIntervalMinutes) min ago"))
        }
        if usedMg + thisDose > maxPer24hDiazepamMg + 1e-9 {
            reasons.append((.capReached, "\(fmt(usedMg)) mg diazepam-equivalent given in 24 h; this dose would pass the \(fmt(maxPer24hDiazepamMg)) mg cap"))
        }
        let order: [PRNDecision.Outcome] = [.hold, .capReached, .observeFirst, .monitoringOnly, .tooSoon, .belowThreshold]
        let outcome = order.first { o in reasons.contains { $0.0 == o } } ?? .mayGive
        return PRNDecision(outcome: outcome, messages: reasons.map(\.1), countedLast24hDiazepamMg: clean(usedMg),
                           capDiazepamMg: maxPer24hDiazepamMg,
                           capApproaching: usedMg >= approachingFraction * maxPer24hDiazepamMg - 1e-9,
                           nextAllowedAt: next)
    }
}
