import Testing
@testable import WardCore

/// The shipped diazepam stock line, to swap for other stock in a test.
let shippedDiazepamStock = "strengths = [ { mg = 2, scored = true }, { mg = 5, scored = true }, { mg = 10, scored = true } ]"

/// The shipped protocol with `[taper.stock.diazepam]` strengths replaced and,
/// optionally, more stock tables after it.
func protocolWithStock(diazepam strengths: String = shippedDiazepamStock, extra: String = "") throws -> WardProtocol {
    let text = defaultText(replacing: shippedDiazepamStock, with: strengths)
        .replacingOccurrences(of: "# When scheduled doses are given", with: extra + "\n# When scheduled doses are given")
    return try ProtocolLoader.load(text: text, file: "stock.toml").get()
}

/// Whether `mg` is a sum of whole tablets of `strengths` and halves of the
/// scored ones, counted in hundredths of a mg (an independent check of DoseGrid).
func madeFromTablets(_ mg: Double, _ strengths: [(mg: Double, scored: Bool)]) -> Bool {
    let target = Int((mg * 100).rounded())
    guard abs(Double(target) - mg * 100) < 1e-6, target >= 0 else { return false }
    var pieces: [Int] = []
    for s in strengths {
        pieces.append(Int((s.mg * 100).rounded()))
        if s.scored { pieces.append(Int((s.mg * 50).rounded())) }
    }
    var can = [Bool](repeating: false, count: target + 1)
    can[0] = true
    if target > 0 { for a in 1...target { can[a] = pieces.contains { $0 <= a && can[a - $0] } } }
    return can[target]
}

@Suite struct TaperStockTests {
    let shippedStrengths: [(mg: Double, scored: Bool)] = [(2, true), (5, true), (10, true)]

    func plan(_ start: Double, _ phases: [TaperPhase], drug: String = "diazepam", rules: TaperRules = shipped.taper) throws -> TaperPlan {
        try TaperPlanner.plan(TaperRequest(startMg: start, phases: phases, drug: drug), rules: rules, equivalence: shipped.equivalence)
    }

    /// 20 mg by 2.5 mg: 17.5 = 10 + 5 + half of 5 and 12.5 = 10 + half of 5 are
    /// made from scored tablets, so the plan is not rounded to 18 and 13.
    @Test func scoredHalvesKeepTwoAndAHalfMilligramSteps() throws {
        let p = try plan(20, [TaperPhase(untilMg: 10, reduction: .mg(2.5), everyDays: 14)])
        #expect(p.steps.map(\.dailyMg) == [20, 17.5, 15, 12.5, 10])
        #expect(p.steps.allSatisfy { madeFromTablets($0.dailyMg, shippedStrengths) })
        if case .stock(let s) = p.rounding { #expect(s.drug == "diazepam") } else { Issue.record("not rounded to stock: \(p.rounding)") }
    }

    /// The same stock unscored cannot make 17.5 (or 1 or 3 mg): doses land on whole tablets.
    @Test func unscoredTabletsAreNotHalved() throws {
        let strengths = "strengths = [ { mg = 2, scored = false }, { mg = 5, scored = false }, { mg = 10, scored = false } ]"
        let rules = try protocolWithStock(diazepam: strengths).taper
        let p = try plan(20, [TaperPhase(untilMg: 10, reduction: .mg(2.5), everyDays: 14)], rules: rules)
        let whole: [(mg: Double, scored: Bool)] = [(2, false), (5, false), (10, false)]
        #expect(p.steps.allSatisfy { madeFromTablets($0.dailyMg, whole) })
        #expect(!p.steps.contains { $0.dailyMg == 17.5 || $0.dailyMg == 12.5 })
        #expect(p.steps.first?.dailyMg == 20 && p.steps.last?.dailyMg == 10)
        // 17.5 is halfway between 17 and 18 (both makeable): the larger is kept.
        #expect(p.steps[1].dailyMg == 18)
    }

    /// Every makeable daily amount up to 25 mg, split over the four dose
    /// times: each dose made from tablets, the doses add up to the day, the
    /// later doses carry the larger share, and no other split of makeable
    /// doses is more even (least sum of squares, by brute force).
    @Test func eachDoseOfTheDayIsMakeableAndTheSplitIsAsEvenAsTabletsAllow() throws {
        let times = shipped.taper.doseTimes
        #expect(times.count == 4)   // the brute force below is written for four doses
        let p = try plan(25, [TaperPhase(untilMg: 0, reduction: .mg(0.5), everyDays: 1)])
        let amounts = stride(from: 0.5, through: 25, by: 0.5).filter { madeFromTablets($0, shippedStrengths) }
        let options = stride(from: 0.0, through: 25, by: 0.5).filter { madeFromTablets($0, shippedStrengths) }
        let optionSet = Set(options.map { Int(($0 * 100).rounded()) })
        for daily in amounts {
            let doses = p.split(daily, across: times).map(\.mg)
            #expect(doses.count == 4)
            #expect(doses.allSatisfy { madeFromTablets($0, shippedStrengths) }, "\(daily): \(doses)")
            #expect(abs(doses.reduce(0, +) - daily) < 1e-9, "\(daily): \(doses)")
            #expect(doses == doses.sorted(), "\(daily): \(doses)")
            var best = Double.infinity
            for a in options where 4 * a <= daily + 1e-9 {
                for b in options where b >= a && a + 3 * b <= daily + 1e-9 {
                    for c in options where c >= b && a + b + 2 * c <= daily + 1e-9 {
                        let d = daily - a - b - c
                        if d >= c - 1e-9, optionSet.contains(Int((d * 100).rounded())) { best = min(best, a * a + b * b + c * c + d * d) }
                    }
                }
            }
            #expect(abs(doses.map { $0 * $0 }.reduce(0, +) - best) < 1e-9, "\(daily): \(doses) is not the most even split")
        }
        // 17.5 mg: 4 + 4.5 + 4.5 + 4.5 (an equal 4.375 each cannot be made).
        #expect(p.split(17.5, across: times).map(\.mg) == [4, 4.5, 4.5, 4.5])
    }

    /// No stock listed for the drug: the plan keeps the order's own numbers
    /// (no rounding to any tablet) and says that no ward stock is listed.
    @Test func aDrugWithoutStockIsNotRoundedAndWarns() throws {
        #expect(shipped.taper.stock(for: "lorazepam") == nil)   // the shipped protocol lists diazepam stock only
        let p = try plan(3, [TaperPhase(untilMg: 1, reduction: .mg(0.3), everyDays: 7)], drug: "lorazepam")
        #expect(p.rounding == .unrounded)
        // 3 − 0.3 × k exactly, down to the 1 mg target (diazepam stock would round 2.7 to 2.5 and 2.1 to 2).
        let expected = [3, 2.7, 2.4, 2.1, 1.8, 1.5, 1.2, 1]
        #expect(p.steps.count == expected.count)
        for (s, e) in zip(p.steps, expected) { #expect(abs(s.dailyMg - e) < 1e-9, "\(s.dailyMg) vs \(e)") }
        #expect(p.warnings.contains { $0.contains("no ward stock is listed for lorazepam") })
        // The day's doses are the order's amount shared out, not tablet amounts.
        let doses = p.split(2.7, across: shipped.taper.doseTimes).map(\.mg)
        #expect(abs(doses.reduce(0, +) - 2.7) < 1e-9)
        #expect(doses.contains { !madeFromTablets($0, shippedStrengths) })
    }

    @Test func aDrugWithStockHasNoStockWarning() throws {
        let p = try plan(20, [TaperPhase(untilMg: 10, reduction: .mg(2.5), everyDays: 14)])
        #expect(!p.warnings.contains { $0.contains("ward stock") })
    }

    /// A start or target the stock cannot make is kept (it is the order), with a warning naming the day.
    @Test func anAmountTheStockCannotMakeIsNamed() throws {
        let p = try plan(20, [TaperPhase(untilMg: 1.5, reduction: .mg(5), everyDays: 14)])
        #expect(p.steps.last?.dailyMg == 1.5)
        #expect(!madeFromTablets(1.5, shippedStrengths))
        let day = try #require(p.steps.last?.day)
        #expect(p.warnings.contains { $0.hasPrefix("day \(day): 1.5 mg cannot be made from the ward's diazepam stock") })
    }

    /// `--round-mg` (the request's roundingMg) still rounds to plain multiples, stock or not.
    @Test func anExplicitRoundingStillWins() throws {
        let p = try TaperPlanner.plan(TaperRequest(startMg: 20, phases: [TaperPhase(untilMg: 10, reduction: .mg(2.5), everyDays: 14)],
                                                   roundingMg: 2), rules: shipped.taper, equivalence: shipped.equivalence)
        #expect(p.steps.allSatisfy { ($0.dailyMg / 2).rounded() == $0.dailyMg / 2 })
        #expect(p.rounding == .multiples(2))
    }
}
