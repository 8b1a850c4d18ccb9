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
    /// Doses are rounded to multiples of this (nil: what the ward's stock of `drug` makes).
    public var roundingMg: Double?
    /// The drug the doses are of (lower case): every mg of the plan is this drug's mg.
    public var drug: String
    /// Which reduction-rate guard rail checks the plan.
    public var profile: TaperProfile
    public init(startMg: Double, phases: [TaperPhase], percentOf: PercentBase = .start, roundingMg: Double? = nil,
                drug: String = EquivalenceRules.referenceDrug, profile: TaperProfile = .outpatient) {
        self.startMg = startMg; self.phases = phases; self.percentOf = percentOf; self.roundingMg = roundingMg
        self.drug = drug.lowercased(); self.profile = profile
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

/// What a plan's doses are rounded to.
public enum TaperRounding: Sendable, Hashable, CustomStringConvertible {
    /// What the ward's tablets of the drug make (whole tablets, halves of scored ones).
    case stock(DrugStock)
    /// Multiples of the request's `roundingMg`.
    case multiples(Double)
    /// No ward stock is listed for the drug: doses are kept as the order gives them.
    case unrounded

    public var description: String {
        switch self {
        case .stock(let s): "made from the ward's tablets: \(s.strengthsText)"
        case .multiples(let g): "rounded to \(fmt(g)) mg"
        case .unrounded: "not rounded: no ward stock listed"
        }
    }
}

public struct TaperPlan: Sendable, Hashable {
    /// The drug every mg of the plan is of.
    public var drug: String
    /// Every change of daily dose, from day 0.
    public var steps: [TaperStep]
    /// The day the final dose starts.
    public var endDay: Int
    /// Every dose is a multiple of this (not every multiple can be made from tablets: see `rounding`).
    public var roundingMg: Double
    public var rounding: TaperRounding
    /// Guard-rail warnings, each naming the day and the source of the rule.
    public var warnings: [String]
    /// The amounts a dose can take.
    var grid: DoseGrid

    /// The daily dose in force on `day`.
    public func dailyMg(onDay day: Int) -> Double {
        steps.last { $0.day <= day }?.dailyMg ?? steps.first?.dailyMg ?? 0
    }

    /// Day-by-day schedule from day 0 to `endDay`, each day split across `times` (see `split`).
    public func days(times: [ClockTime]) -> [TaperDay] {
        (0...endDay).map { d in
            let daily = dailyMg(onDay: d)
            return TaperDay(day: d, dailyMg: daily, doses: split(daily, across: times))
        }
    }

    /// `daily` split across `times`: each dose an amount the plan's rounding
    /// can make (for ward stock: whole tablets and halves of scored ones), as
    /// equal as possible, the larger shares on the later doses (the
    /// evening/night doses).
    public func split(_ daily: Double, across times: [ClockTime]) -> [ScheduledDose] {
        TaperPlan.split(daily, across: times, grid: grid)
    }

    /// The split in multiples of `rounding` mg (any extra on the later doses).
    static func split(_ daily: Double, across times: [ClockTime], rounding: Double) -> [ScheduledDose] {
        split(daily, across: times, grid: .multiples(of: rounding))
    }

    static func split(_ daily: Double, across times: [ClockTime], grid: DoseGrid) -> [ScheduledDose] {
        zip(times, grid.split(daily, into: times.count)).map { ScheduledDose(time: $0, mg: clean($1)) }
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
    /// Largest daily amount the planner works with (a bound of the calculator, far above any dose; not a clinical limit).
    public static let maxMg = 10_000.0

    /// A plan whose guard rails check diazepam itself, or say that another
    /// drug's diazepam equivalent cannot be checked: prefer `plan(_:rules:equivalence:)`.
    public static func plan(_ req: TaperRequest, rules: TaperRules) throws(TaperError) -> TaperPlan {
        try plan(req, rules: rules, equivalence: nil)
    }

    /// The plan of `req.drug` in that drug's mg, rounded to what the ward's
    /// stock of it makes, with guard rails in diazepam equivalents through
    /// the equivalence table in force.
    public static func plan(_ req: TaperRequest, rules: TaperRules,
                            equivalence: EquivalenceRules?) throws(TaperError) -> TaperPlan {
        let rounding: TaperRounding
        let grid: DoseGrid
        if let g = req.roundingMg {
            guard g.isFinite, g >= DoseGrid.chartPrecisionMg, g <= TaperPlanner.maxMg else {
                throw TaperError(message: "rounding must be from \(fmt(DoseGrid.chartPrecisionMg)) to \(fmt(TaperPlanner.maxMg)) mg (the chart's precision)")
            }
            rounding = .multiples(g); grid = .multiples(of: g)
        } else if let s = rules.stock(for: req.drug), let g = s.grid {
            rounding = .stock(s); grid = g
        } else {
            rounding = .unrounded; grid = .multiples(of: DoseGrid.chartPrecisionMg)
        }
        guard req.startMg.isFinite, req.startMg > 0, req.startMg <= TaperPlanner.maxMg else {
            throw TaperError(message: "start dose must be above 0 and at most \(fmt(TaperPlanner.maxMg)) mg")
        }
        guard !req.phases.isEmpty else { throw TaperError(message: "a taper needs at least one phase") }
        var previousUntil = req.startMg
        for (n, p) in req.phases.enumerated() {
            let name = "phase \(n + 1)"
            guard p.untilMg >= 0, p.untilMg < previousUntil else {
                throw TaperError(message: "\(name): target \(fmt(p.untilMg)) mg must be 0 or more and below \(fmt(previousUntil)) mg")
            }
            guard p.everyDays >= 1 else { throw TaperError(message: "\(name): every must be 1 day or more") }
            switch p.reduction {
            case .mg(let m): guard m >= DoseGrid.chartPrecisionMg, m.isFinite else {
                throw TaperError(message: "\(name): step must be at least \(fmt(DoseGrid.chartPrecisionMg)) mg")
            }
            case .percent(let q): guard q > 0, q < 100 else { throw TaperError(message: "\(name): step must be between 0% and 100% (exclusive)") }
            }
            previousUntil = p.untilMg
        }

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
                var next = grid.nearest(exact)
                if next >= current - 1e-9 { next = grid.largestBelow(current) ?? 0; exact = next }   // always make progress
                if next <= p.untilMg + 1e-9 { next = clean(p.untilMg); exact = next }
                day += p.everyDays
                guard day <= maxDays else {
                    throw TaperError(message: "the plan runs past \(maxDays) days: use larger steps or fewer days between them")
                }
                steps.append(TaperStep(day: day, dailyMg: next))
            }
        }
        var plan = TaperPlan(drug: req.drug, steps: steps, endDay: day, roundingMg: grid.stepMg, rounding: rounding,
                             warnings: [], grid: grid)
        plan.warnings = guardRails(plan, start: req.startMg, rules: rules, profile: req.profile, equivalence: equivalence)
        return plan
    }
}
