import Foundation
import Testing
@testable import WardCore

/// Taper plans know their drug: guard rails in diazepam equivalents through
/// the table in force, and each order planned with its own drug's stock.
@Suite struct TaperEquivalenceTests {
    let rules = shipped.taper
    let eq = shipped.equivalence

    /// A gentle plan (no reduction-rate warning) starting at `mg` of `drug`.
    func plan(_ mg: Double, _ drug: String, equivalence: EquivalenceRules? = shipped.equivalence,
              rules: TaperRules = shipped.taper) throws -> TaperPlan {
        let req = TaperRequest(startMg: mg, phases: [TaperPhase(untilMg: mg * 0.9, reduction: .mg(mg * 0.1), everyDays: 14)], drug: drug)
        return try TaperPlanner.plan(req, rules: rules, equivalence: equivalence)
    }

    func capWarnings(_ p: TaperPlan) -> [String] { p.warnings.filter { $0.contains("stabilisation cap") } }

    /// Lorazepam 8 mg/day is 80 mg diazepam-equivalent by the shipped (Ashton)
    /// table: above the 40 mg cap, although 8 is below 40. Diazepam 8 mg is not.
    @Test func lorazepamEightMilligramsIsCheckedInDiazepamEquivalents() throws {
        let lorazepam = try #require(eq.table.doses["lorazepam"])
        #expect(!lorazepam.isRange)
        let de = 8 * eq.referenceDiazepamMg / lorazepam.low
        #expect(de > rules.stabilisationCapMg && 8 < rules.stabilisationCapMg)   // the case this test is about
        let w = capWarnings(try plan(8, "lorazepam"))
        #expect(w.count == 1)
        #expect(w.first?.contains("8 mg/day lorazepam ≈ \(fmt(de)) mg diazepam-equivalent (table \(eq.selected))") == true, "\(w)")
        #expect(w.first?.contains("above the stabilisation cap of \(fmt(rules.stabilisationCapMg)) mg diazepam-equivalent") == true)
        #expect(w.first?.contains(rules.capProvenance.source) == true)

        #expect(capWarnings(try plan(8, "diazepam")).isEmpty)
    }

    /// Whichever table is in force decides: the warning appears exactly when
    /// that table puts 8 mg lorazepam above the cap.
    @Test(arguments: ["ashton", "who2009", "vadod2021"]) func theTableInForceDecides(table: String) throws {
        let p = try ProtocolLoader.load(text: defaultText(replacing: "table = \"ashton\"", with: "table = \"\(table)\""), file: "t.toml").get()
        let lorazepam = try #require(p.equivalence.table.doses["lorazepam"])
        let de = 8 * p.equivalence.referenceDiazepamMg / lorazepam.low
        let w = capWarnings(try plan(8, "lorazepam", equivalence: p.equivalence, rules: p.taper))
        #expect(w.isEmpty == !(de > p.taper.stabilisationCapMg), "\(table): \(de) mg DE, \(w)")
    }

    /// A range is checked at its cautious upper value.
    @Test func aRangeIsCheckedAtItsUpperValue() throws {
        let bromazepam = try #require(eq.table.doses["bromazepam"])
        #expect(bromazepam.isRange)
        let cap = rules.stabilisationCapMg
        let mg = cap * (bromazepam.low + bromazepam.high) / 2 / eq.referenceDiazepamMg
        let low = mg * eq.referenceDiazepamMg / bromazepam.high, high = mg * eq.referenceDiazepamMg / bromazepam.low
        #expect(low < cap && high > cap)   // only the upper value is above the cap
        let w = capWarnings(try plan(mg, "bromazepam"))
        #expect(w.count == 1)
        #expect(w.first?.contains("≈ \(fmt(low))–\(fmt(high)) mg diazepam-equivalent") == true, "\(w)")
        #expect(w.first?.contains("upper value") == true)
    }

    @Test func aDrugNotInTheTableCannotBeChecked() throws {
        #expect(eq.table.doses["etizolam"] == nil)
        let w = try plan(1, "etizolam").warnings
        #expect(w.contains { $0.contains("etizolam is not in the equivalence table '\(eq.selected)'") && $0.contains("cannot be checked") }, "\(w)")
    }

    /// The older `plan(_:rules:)` has no table: diazepam is still checked as
    /// before, another drug is said not to be checked.
    @Test func withoutATableOnlyDiazepamIsChecked() throws {
        let req = TaperRequest(startMg: 8, phases: [TaperPhase(untilMg: 7.5, reduction: .mg(0.5), everyDays: 14)], drug: "lorazepam")
        let w = try TaperPlanner.plan(req, rules: rules).warnings
        #expect(w.contains { $0.contains("no equivalence table") && $0.contains("cannot be checked") }, "\(w)")
        #expect(TaperRequest(startMg: 8, phases: []).drug == "diazepam")
        let high = TaperRequest(startMg: rules.stabilisationCapMg + 10, phases: [TaperPhase(untilMg: rules.stabilisationCapMg, reduction: .mg(2), everyDays: 14)])
        #expect(capWarnings(try TaperPlanner.plan(high, rules: rules)).count == 1)
    }

    /// Reduction warnings of another drug give its mg and the diazepam equivalent side by side.
    @Test func reductionWarningShowsTheDiazepamEquivalent() throws {
        let lorazepam = try #require(eq.table.doses["lorazepam"])
        let req = TaperRequest(startMg: 4, phases: [TaperPhase(untilMg: 2, reduction: .mg(2), everyDays: 7)], drug: "lorazepam")
        let w = try TaperPlanner.plan(req, rules: rules, equivalence: eq).warnings.filter { $0.hasPrefix("day 7:") }
        #expect(w.count == 1)
        #expect(w.first?.contains("2 mg lorazepam (≈ \(fmt(2 * eq.referenceDiazepamMg / lorazepam.low)) mg diazepam-equivalent)") == true, "\(w)")
        #expect(w.first?.contains("below 4 mg lorazepam") == true)
    }

    @Test func diazepamEquivalentOfASingleDose() throws {
        let lorazepam = try #require(eq.table.doses["lorazepam"])
        #expect(TaperPlanner.diazepamEquivalent(of: 3, "lorazepam", equivalence: eq)?.mg == 3 * eq.referenceDiazepamMg / lorazepam.low)
        #expect(TaperPlanner.diazepamEquivalent(of: 3, "diazepam", equivalence: nil)?.mg == 3)
        #expect(TaperPlanner.diazepamEquivalent(of: 3, "lorazepam", equivalence: nil) == nil)
    }
}

/// `MedicationSchedule` plans each order with its own drug's stock.
@Suite struct ScheduleByDrugTests {
    static let utc: Calendar = { var c = Calendar(identifier: .gregorian); c.timeZone = TimeZone(identifier: "UTC")!; return c }()
    static func at(_ iso: String) -> Date { FixedClock(iso8601: iso).now() }

    /// 3 mg a day, down 0.3 mg a week: 2.7 mg on day 7.
    func order(_ drug: String) -> MedicationOrder {
        let terms = OrderTerms(kind: .taper, drug: drug, indication: "benzodiazepine withdrawal",
                               doseTimes: ["08:00", "12:00", "18:00", "22:00"],
                               taper: TaperTerms(startDailyMg: 3, phases: [OrderPhase(untilMg: 1, step: 0.3, everyDays: 7)],
                                                 startDay: "2026-11-27"))
        return MedicationOrder(id: 1, patientID: 1, version: 1, versionID: 1, terms: terms, reason: nil, writtenBy: 9,
                               writtenByName: "Dr Test", writtenAt: Self.at("2026-11-27T07:00:00Z"))
    }

    func daySeven(_ o: MedicationOrder, _ rules: TaperRules) -> [Double] {
        MedicationSchedule.doses(for: o, on: Self.at("2026-12-04T10:00:00Z"), rules: rules, calendar: Self.utc).map(\.mg)
    }

    @Test func aLorazepamOrderIsNotRoundedToDiazepamTablets() throws {
        let diazepam: [(mg: Double, scored: Bool)] = [(2, true), (5, true), (10, true)]
        // As diazepam, 2.7 mg rounds to what diazepam tablets make.
        let asDiazepam = daySeven(order("diazepam"), shipped.taper)
        #expect(asDiazepam.allSatisfy { madeFromTablets($0, diazepam) })
        #expect(abs(asDiazepam.reduce(0, +) - 2.7) > 1e-9)
        // As lorazepam (no stock listed): the order's 2.7 mg, shared out.
        let asLorazepam = daySeven(order("lorazepam"), shipped.taper)
        #expect(abs(asLorazepam.reduce(0, +) - 2.7) < 1e-9, "\(asLorazepam)")
        #expect(asLorazepam.count == 4)
        let plan = try MedicationSchedule.plan(order("lorazepam").terms, rules: shipped.taper, equivalence: shipped.equivalence)
        #expect(plan.drug == "lorazepam")
        #expect(plan.warnings.contains { $0.contains("no ward stock is listed for lorazepam") })
    }

    @Test func aLorazepamOrderUsesLorazepamStockWhenListed() throws {
        let p = try protocolWithStock(extra: """
            [taper.stock.lorazepam]
            strengths = [ { mg = 1, scored = false } ]
            source = "test fixture"
            """)
        // Whole 1 mg tablets only: 2.7 mg cannot stay, nor become diazepam's 2.5.
        let lorazepam: [(mg: Double, scored: Bool)] = [(1, false)]
        let doses = daySeven(order("lorazepam"), p.taper)
        #expect(!doses.isEmpty)
        #expect(doses.allSatisfy { madeFromTablets($0, lorazepam) }, "\(doses)")
        let plan = try MedicationSchedule.plan(order("lorazepam").terms, rules: p.taper, equivalence: p.equivalence)
        #expect(plan.steps.allSatisfy { madeFromTablets($0.dailyMg, lorazepam) })
        #expect(abs(doses.reduce(0, +) - plan.dailyMg(onDay: 7)) < 1e-9)
        #expect(!plan.warnings.contains { $0.contains("ward stock") })
        if case .stock(let stock) = plan.rounding { #expect(stock.drug == "lorazepam") } else { Issue.record("\(plan.rounding)") }
    }
}
