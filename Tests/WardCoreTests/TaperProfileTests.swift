import Foundation
import Testing
@testable import WardCore

/// The reduction-rate guard rail follows the profile chosen on the order (issue 13).
@Suite struct TaperProfileTests {
    let rules = shipped.taper

    func plan(_ phases: [TaperPhase], _ base: PercentBase, _ profile: TaperProfile, round: Double? = nil) throws -> TaperPlan {
        try TaperPlanner.plan(TaperRequest(startMg: 40, phases: phases, percentOf: base, roundingMg: round, profile: profile),
                              rules: rules)
    }

    static let geometric = [TaperPhase(untilMg: 20, reduction: .percent(10), everyDays: 1)]

    /// A daily 8% geometric reduction (40 → 36.8 → 33.9 …, to 0.1 mg): within the inpatient profile, far beyond ASAM.
    @Test func anInpatientRegimenWarnsOnlyUnderTheOutpatientRule() throws {
        let eight = [TaperPhase(untilMg: 20, reduction: .percent(8), everyDays: 1)]
        #expect(try plan(eight, .current, .inpatient, round: 0.1).warnings.isEmpty)
        let asam = try plan(eight, .current, .outpatient, round: 0.1).warnings
        #expect(asam.count == 1 && asam[0].contains("25%") && asam[0].contains("outpatient (ASAM)"))
    }

    /// The shipped inpatient reading is "10% of the current dose": WE6's linear plan cuts
    /// 4 mg from 36 mg on day 2 (11.1%), which that reading flags.
    @Test func theLinearReadingIsFlaggedUnderTheShippedCurrentDoseReading() throws {
        let w = try plan(Self.geometric, .start, .inpatient).warnings
        #expect(w.count == 1)
        #expect(w[0].hasPrefix("day 2: 32 mg is 11.1% below 36 mg on day 1, more than 10% in 1 day for the inpatient reducing profile (SECONDARY"))
        // The cuts on days 3, 4 and 5 are over the rate too: one warning, saying how far the run goes.
        #expect(w[0].hasSuffix("; the same for the 3 steps after it, to day 5"), "\(w[0])")
    }

    /// A ward that reads eTG as linear sets percentOf = "start": the same plan is then within it.
    @Test func percentOfStartIsTheLinearReading() throws {
        var r = rules
        r.inpatientRate?.percentOf = .start
        let p = try TaperPlanner.plan(TaperRequest(startMg: 40, phases: Self.geometric, percentOf: .start, profile: .inpatient), rules: r)
        #expect(p.steps.map(\.dailyMg) == [40, 36, 32, 28, 24, 20])
        #expect(p.warnings.isEmpty)
        // 8 mg off 40 in one day is 20% of the start dose: warned.
        let fast = try TaperPlanner.plan(TaperRequest(startMg: 40, phases: [TaperPhase(untilMg: 32, reduction: .mg(8), everyDays: 1)],
                                                      profile: .inpatient), rules: r)
        #expect(fast.warnings.count == 1 && fast.warnings[0].contains("20% of the start dose 40 mg"))
    }

    @Test func aProtocolWithoutAnInpatientProfileChecksInpatientOrdersAgainstTheOutpatientRule() throws {
        var r = rules
        r.inpatientRate = nil
        let p = try TaperPlanner.plan(TaperRequest(startMg: 40, phases: Self.geometric, percentOf: .current, roundingMg: 0.1,
                                                   profile: .inpatient), rules: r)
        #expect(p.warnings.count == 1 && p.warnings[0].contains("no [taper.inpatientReductionRate]"))
    }

    @Test func theShippedInpatientProfileIsETGTenPercentPerDaySecondary() throws {
        let r = try #require(rules.inpatientRate)
        #expect(r.maxPercent == 10 && r.windowDays == 1 && r.percentOf == .current)
        #expect(r.provenance.status == .secondary && r.provenance.source.contains("eTG"))
    }

    /// Orders stored before the profile existed decode as outpatient; new ones round-trip.
    @Test func storedTermsWithoutAProfileDecodeAsOutpatient() throws {
        let old = #"{"startDailyMg":40,"phases":[{"untilMg":20,"step":4,"percent":false,"everyDays":1}],"percentOfCurrent":false,"startDay":"2026-12-01"}"#
        let t = try JSONDecoder().decode(TaperTerms.self, from: Data(old.utf8))
        #expect(t.profile == .outpatient)
        let new = TaperTerms(startDailyMg: 40, phases: t.phases, startDay: "2026-12-01", profile: .inpatient)
        let back = try JSONDecoder().decode(TaperTerms.self, from: JSONEncoder().encode(new))
        #expect(back == new && back.profile == .inpatient)
    }
}
