/// How much one taper step takes off.
public enum TaperReduction: Sendable, Hashable {
    case mg(Double)
    case percent(Double)
}

/// Whether a percentage step is of the starting dose (linear) or of the
/// current dose (geometric). Both exist in practice (facts.md 7.2).
public enum PercentBase: String, Sendable, Hashable, CaseIterable {
    case start, current
}

/// "Down to `untilMg`, by `reduction`, every `everyDays` days."
public struct TaperPhase: Sendable, Hashable {
    public var untilMg: Double
    public var reduction: TaperReduction
    public var everyDays: Int
    public init(untilMg: Double, reduction: TaperReduction, everyDays: Int) {
        self.untilMg = untilMg; self.reduction = reduction; self.everyDays = everyDays
    }
}

public struct TaperRequest: Sendable, Hashable {
    public var startMg: Double
    public var phases: [TaperPhase]
    public var percentOf: PercentBase
    /// Doses are rounded to multiples of this (nil: the protocol's tablets).
    public var roundingMg: Double?
    public init(startMg: Double, phases: [TaperPhase], percentOf: PercentBase = .start, roundingMg: Double? = nil) {
        self.startMg = startMg; self.phases = phases; self.percentOf = percentOf; self.roundingMg = roundingMg
    }
}

/// A daily dose that starts on `day` (day 0 = the first day of the taper).
public struct TaperStep: Sendable, Hashable, Codable {
    public var day: Int
    public var dailyMg: Double
}

/// One dose at a time of day.
public struct ScheduledDose: Sendable, Hashable {
    public var time: ClockTime
    public var mg: Double
}

public struct TaperDay: Sendable, Hashable {
    public var day: Int
    public var dailyMg: Double
    public var doses: [ScheduledDose]
}

public struct TaperPlan: Sendable, Hashable {
    /// Every change of daily dose, from day 0.
    public var steps: [TaperStep]
    /// The day the final dose starts.
    public var endDay: Int
    public var roundingMg: Double
    /// Guard-rail warnings, each naming the day and the source of the rule.
    public var warnings: [String]

    /// The daily dose in force on `day`.
    public func dailyMg(onDay day: Int) -> Double {
        steps.last { $0.day <= day }?.dailyMg ?? steps.first?.dailyMg ?? 0
    }

    /// Day-by-day schedule from day 0 to `endDay`, each day split across
    /// `times`: equal shares in multiples of `roundingMg`, any extra on the
    /// later doses (the evening/night doses carry the larger share).
    public func days(times: [ClockTime]) -> [TaperDay] {
        (0...endDay).map { d in
            let daily = dailyMg(onDay: d)
            return TaperDay(day: d, dailyMg: daily, doses: TaperPlan.split(daily, across: times, rounding: roundingMg))
        }
    }

    static func split(_ daily: Double, across times: [ClockTime], rounding: Double) -> [ScheduledDose] {
        guard !times.isEmpty else { return [] }
        let units = Int((daily / rounding + 1e-9).rounded(.down))
        let n = times.count
        var mgs = (0..<n).map { i in Double(units / n + (i >= n - units % n ? 1 : 0)) * rounding }
        mgs[n - 1] += daily - mgs.reduce(0, +)   // a target that is not a whole number of units
        return zip(times, mgs).map { ScheduledDose(time: $0, mg: clean($1)) }
    }
}

public struct TaperError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

func clean(_ v: Double) -> Double { (v * 1_000_000).rounded() / 1_000_000 }

public enum TaperPlanner {
    /// Longest plan the planner will produce (a runaway guard, not a clinical limit).
    public static let maxDays = 3650

    public static func plan(_ req: TaperRequest, rules: TaperRules) throws(TaperError) -> TaperPlan {
        let g = req.roundingMg ?? rules.roundingMg
        guard g.isFinite, g > 0 else { throw TaperError(message: "rounding must be above 0 mg") }
        guard req.startMg.isFinite, req.startMg > 0 else { throw TaperError(message: "start dose must be above 0 mg") }
        guard !req.phases.isEmpty else { throw TaperError(message: "a taper needs at least one phase") }
        var previousUntil = req.startMg
        for (n, p) in req.phases.enumerated() {
            let name = "phase \(n + 1)"
            guard p.untilMg >= 0, p.untilMg < previousUntil else {
                throw TaperError(message: "\(name): target \(fmt(p.untilMg)) mg must be 0 or more and below \(fmt(previousUntil)) mg")
            }
            guard p.everyDays >= 1 else { throw TaperError(message: "\(name): every must be 1 day or more") }
            switch p.reduction {
            case .mg(let m): guard m > 0, m.isFinite else { throw TaperError(message: "\(name): step must be above 0 mg") }
            case .percent(let q): guard q > 0, q < 100 else { throw TaperError(message: "\(name): step must be between 0% and 100% (exclusive)") }
            }
            previousUntil = p.untilMg
        }

        func round(_ v: Double) -> Double { clean((v / g).rounded() * g) }
        var steps = [TaperStep(day: 0, dailyMg: clean(req.startMg))]
        var exact = req.startMg
        var day = 0
        for p in req.phases {
            while steps.last!.dailyMg > p.untilMg + 1e-9 {
                let current = steps.last!.dailyMg
                let cut: Double
                switch p.reduction {
                case .mg(let m): cut = m
                case .percent(let q): cut = q / 100 * (req.percentOf == .start ? req.startMg : exact)
                }
                exact -= cut
                var next = round(exact)
                if next >= current - 1e-9 { next = clean(current - g); exact = next }   // always make progress
                if next <= p.untilMg + 1e-9 { next = clean(p.untilMg); exact = next }
                day += p.everyDays
                guard day <= maxDays else {
                    throw TaperError(message: "the plan runs past \(maxDays) days: use larger steps or fewer days between them")
                }
                steps.append(TaperStep(day: day, dailyMg: next))
            }
        }
        let plan = TaperPlan(steps: steps, endDay: day, roundingMg: g, warnings: [])
        return TaperPlan(steps: steps, endDay: day, roundingMg: g, warnings: guardRails(plan, start: req.startMg, rules: rules))
    }

    /// Stabilisation cap, and reductions faster than the protocol's rate.
    static func guardRails(_ plan: TaperPlan, start: Double, rules: TaperRules) -> [String] {
        var out: [String] = []
        if start > rules.stabilisationCapMg + 1e-9 {
            out.append("start dose \(fmt(start)) mg is above the stabilisation cap of \(fmt(rules.stabilisationCapMg)) mg (\(rules.capProvenance.status.rawValue): \(rules.capProvenance.source))")
        }
        let w = rules.reductionWindowDays
        var inRun = false
        for s in plan.steps.dropFirst() {
            let ref = plan.dailyMg(onDay: max(0, s.day - w))
            let refDay = plan.steps.last { $0.day <= max(0, s.day - w) }?.day ?? 0
            let pct = ref > 0 ? (ref - s.dailyMg) / ref * 100 : 0
            let over = pct > rules.maxReductionPercent + 1e-9
            if over && !inRun {
                out.append("day \(s.day): \(fmt(s.dailyMg)) mg is \(fmt((pct * 10).rounded() / 10))% below \(fmt(ref)) mg on day \(refDay), more than \(fmt(rules.maxReductionPercent))% within \(w) days (\(rules.reductionProvenance.source))")
            }
            inRun = over
        }
        return out
    }
}
