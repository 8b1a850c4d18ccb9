import Testing
@testable import WardCore

@Suite struct TaperTests {
    let rules = shipped.taper

    func plan(_ start: Double, _ phases: [TaperPhase], _ base: PercentBase = .start, round: Double? = nil) throws -> TaperPlan {
        try TaperPlanner.plan(TaperRequest(startMg: start, phases: phases, percentOf: base, roundingMg: round), rules: rules)
    }

    /// WE6: CKS/Ashton-adapted outpatient schedule from 40 mg, every 2 weeks.
    @Test func we6AshtonCKSFortyWeeks() throws {
        let p = try plan(40, [
            TaperPhase(untilMg: 20, reduction: .mg(4), everyDays: 14),
            TaperPhase(untilMg: 10, reduction: .mg(2), everyDays: 14),
            TaperPhase(untilMg: 5, reduction: .mg(1), everyDays: 14),
            TaperPhase(untilMg: 0, reduction: .mg(1), everyDays: 14),
        ])
        #expect(p.dailyMg(onDay: 10 * 7) == 20)
        #expect(p.dailyMg(onDay: 20 * 7) == 10)
        #expect(p.dailyMg(onDay: 30 * 7) == 5)
        #expect(p.endDay == 40 * 7)
        #expect(p.steps.last?.dailyMg == 0)
        #expect(p.dailyMg(onDay: 40 * 7 - 1) == 1)
        // The guard rail (25% per 14 days) is crossed only near the end, once 1 mg
        // steps become large fractions (3 → 2 mg is 33%): warned once, at the first crossing.
        #expect(p.warnings.count == 1)
        #expect(p.warnings.first?.hasPrefix("day 252: 2 mg is 33.3% below 3 mg") == true)
    }

    /// WE6: eTG inpatient, 10% of the stabilised 40 mg per day (linear) → 20 mg on day 5.
    @Test func we6InpatientLinear() throws {
        let p = try plan(40, [TaperPhase(untilMg: 20, reduction: .percent(10), everyDays: 1)], .start)
        #expect(p.steps.map(\.dailyMg) == [40, 36, 32, 28, 24, 20])
        #expect(p.endDay == 5)
        // 40 → 20 in 5 days crosses the 25%/14-day guard rail: warned, once.
        #expect(p.warnings.count == 1)
        #expect(p.warnings[0].hasPrefix("day 3:"))
    }

    /// WE6: the geometric reading (10% of the current dose) → 19.1 on day 7.
    @Test func we6InpatientGeometric() throws {
        let p = try plan(40, [TaperPhase(untilMg: 0, reduction: .percent(10), everyDays: 1)], .current, round: 0.1)
        #expect(Array(p.steps.prefix(8).map(\.dailyMg)) == [40, 36, 32.4, 29.2, 26.2, 23.6, 21.3, 19.1])
    }

    /// WE6: a 30% cut within two weeks warns (> 25%/2 wk); 25% does not.
    @Test func we6GuardRail() throws {
        let thirty = try plan(40, [TaperPhase(untilMg: 28, reduction: .mg(12), everyDays: 14)])
        #expect(thirty.warnings.count == 1)
        #expect(thirty.warnings[0].contains("30%"))
        #expect(thirty.warnings[0].contains("25%"))
        let quarter = try plan(40, [TaperPhase(untilMg: 30, reduction: .mg(10), everyDays: 14)])
        #expect(quarter.warnings.isEmpty)
        let quarterFaster = try plan(40, [TaperPhase(untilMg: 30, reduction: .mg(10), everyDays: 13)])
        #expect(quarterFaster.warnings.isEmpty)
        let twoSmallCuts = try plan(40, [TaperPhase(untilMg: 28, reduction: .mg(6), everyDays: 7)])
        #expect(twoSmallCuts.warnings.count == 1)
    }

    @Test func stabilisationCapWarns() throws {
        #expect(try plan(40, [TaperPhase(untilMg: 36, reduction: .mg(4), everyDays: 14)]).warnings.isEmpty)
        let high = try plan(60, [TaperPhase(untilMg: 56, reduction: .mg(4), everyDays: 14)])
        #expect(high.warnings.count == 1)
        #expect(high.warnings[0].contains("stabilisation cap"))
        #expect(high.warnings[0].contains("SECONDARY"))
    }

    @Test func roundsToTabletPieces() throws {
        // Shipped stock 2/5/10 mg, all scored: the finest piece difference is
        // 0.5 mg (half of 2 = 1 mg, half of 5 = 2.5 mg).
        #expect(rules.roundingMg == 0.5)
        let p = try plan(30, [TaperPhase(untilMg: 20, reduction: .percent(7), everyDays: 7)])
        // 7% of 30 = 2.1 mg a step: 27.9, 25.8, 23.7, 21.6 → nearest half-mg amounts (all makeable above 2 mg).
        #expect(p.steps.map(\.dailyMg) == [30, 28, 26, 23.5, 21.5, 20])
        #expect(p.steps.allSatisfy { ($0.dailyMg * 2).rounded() == $0.dailyMg * 2 })
    }

    @Test func dayByDaySplitAtDoseTimes() throws {
        let p = try plan(10, [TaperPhase(untilMg: 5, reduction: .mg(1), everyDays: 2)])
        let days = p.days(times: rules.doseTimes)
        #expect(days.count == p.endDay + 1)
        for d in days {
            #expect(d.doses.count == rules.doseTimes.count)
            #expect(abs(d.doses.map(\.mg).reduce(0, +) - d.dailyMg) < 1e-9)
            #expect(d.doses.allSatisfy { $0.mg >= 0 })
        }
        // 9 mg over four times: 2, 2, 2.5, 2.5 (2.5 = half a 5 mg tablet; the larger share later in the day).
        #expect(days[2].dailyMg == 9)
        #expect(days[2].doses.map(\.mg) == [2, 2, 2.5, 2.5])
    }

    @Test func invalidRequestsAreRefused() {
        #expect(throws: TaperError.self) { try plan(0, [TaperPhase(untilMg: 0, reduction: .mg(1), everyDays: 1)]) }
        #expect(throws: TaperError.self) { try plan(40, []) }
        #expect(throws: TaperError.self) { try plan(40, [TaperPhase(untilMg: 45, reduction: .mg(1), everyDays: 1)]) }
        #expect(throws: TaperError.self) { try plan(40, [TaperPhase(untilMg: 20, reduction: .percent(100), everyDays: 1)]) }
        #expect(throws: TaperError.self) { try plan(40, [TaperPhase(untilMg: 20, reduction: .mg(2), everyDays: 0)]) }
        #expect(throws: TaperError.self) {
            try plan(40, [TaperPhase(untilMg: 20, reduction: .mg(2), everyDays: 7), TaperPhase(untilMg: 25, reduction: .mg(2), everyDays: 7)])
        }
    }

    /// Property: over random phase lists the plan never goes up, ends at the last target,
    /// and reaches every phase's target.
    @Test func randomPlansAreMonotoneAndEndAtTarget() throws {
        var rng = SeededRandom(seed: 2026)
        for _ in 0..<300 {
            let start = Double(Int.random(in: 2...80, using: &rng))
            var phases: [TaperPhase] = []
            var above = start
            for _ in 0..<Int.random(in: 1...4, using: &rng) where above > 0 {
                let until = Double(Int.random(in: 0..<Int(above), using: &rng))
                let reduction: TaperReduction = Bool.random(using: &rng)
                    ? .mg(Double(Int.random(in: 1...8, using: &rng)) / 2)
                    : .percent(Double(Int.random(in: 1...50, using: &rng)))
                phases.append(TaperPhase(untilMg: until, reduction: reduction, everyDays: Int.random(in: 1...21, using: &rng)))
                above = until
            }
            let base: PercentBase = Bool.random(using: &rng) ? .start : .current
            let p = try plan(start, phases, base)
            #expect(p.steps.first == TaperStep(day: 0, dailyMg: start))
            for (a, b) in zip(p.steps, p.steps.dropFirst()) {
                #expect(b.dailyMg <= a.dailyMg)
                #expect(b.day > a.day)
            }
            #expect(p.steps.last?.dailyMg == phases.last?.untilMg)
            for ph in phases { #expect(p.steps.contains { $0.dailyMg == ph.untilMg }) }
            #expect(p.endDay == p.steps.last?.day)
        }
    }
}
