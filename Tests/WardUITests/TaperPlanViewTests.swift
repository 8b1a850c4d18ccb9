import Testing
import WardCore
@testable import WardUI

/// `T` on the MAR shows the signed taper as a calendar with today marked, and its versions (issue 17, item 9).
@Suite struct TaperPlanViewTests {
    @Test func tShowsTheCalendarWithTodayAndTheVersions() {
        var d = MARFixture.onMAR()
        d.key(.char("T"))
        #expect(d.mar?.showingPlan == true)
        let text = d.text
        // The taper began 26 Nov at 20 mg/day, down 2 mg every 7 days; "today" is 28 Nov: day 2, still 20 mg.
        #expect(text.contains("Taper #11 v2 · diazepam"), "\(text)")
        let today = text.split(separator: "\n").first { $0.contains("▶ Day  2") }
        #expect(today?.contains("28 Nov") == true && today?.contains("20 mg") == true, "\(text)")
        #expect(today?.contains("= 5+5+5+5") == true, "the split over the order's four times: \(String(describing: today))")
        // The first step down is a week after the start: 18 mg on day 7, marked ↓ (scroll to see it).
        for _ in 0..<6 { d.key(.key(.down)) }
        #expect(d.text.contains("18 mg ↓"), "\(d.text)")
        // The versions at the end.
        for _ in 0..<10 { d.key(.key(.pageDown)) }
        #expect(d.text.contains("v2") && d.text.contains("times moved"), "\(d.text)")
        d.key(.key(.escape))
        #expect(d.mar?.showingPlan == false && d.mar?.step == .list)
        guard case .mar = d.top else { Issue.record("Esc left the MAR"); return }
    }
}

/// `h` on the taper plan: a prescriber holds the taper at today's step (a new version with a reason).
@Suite struct TaperHoldUITests {
    @Test func aPrescriberHoldsAtTodaysStepThroughTheChangeForm() {
        var d = MARFixture.onMAR(MARFixture.prescriber)
        d.key(.char("T"))
        d.key(.char("h"))
        guard case .orderEntry(let f) = d.top else { Issue.record("no change form: \(d.text)"); return }
        #expect(f.changingID == MARFixture.taper.id)
        #expect(f.values[.holdFrom] == "2026-11-28")      // the fixture's today
        #expect(f.field == .reason)
        #expect(f.fields.contains(.holdFrom))
        #expect(d.text.contains("Hold at step of"), "\(d.text)")
        for ch in "sweating" { d.key(.char(ch)) }
        guard case .orderEntry(let typed) = d.top, case .success(let terms) = typed.terms(d.state.wardProtocol) else {
            Issue.record("the form does not make an order: \(d.text)"); return
        }
        #expect(terms.taper?.holdFromDay == "2026-11-28")
    }

    @Test func aNurseIsToldItIsThePrescribersAndTheHeldPlanSaysSo() {
        var d = MARFixture.onMAR()
        d.key(.char("T"))
        d.key(.char("h"))
        #expect(d.mar?.showingPlan == true)
        #expect(d.text.contains("needs a prescriber"), "\(d.text)")

        var w = MARFixture.ward()
        var held = MARFixture.taper
        held.terms.taper?.holdFromDay = "2026-11-27"      // day 1 of the plan; today (28 Nov) is after it
        w.orders[1] = [held, MARFixture.prn]
        var e = MARFixture.onMAR(ward: w)
        e.key(.char("T"))
        let text = e.text                                  // the plan opens with today (the held line) in view
        #expect(text.contains("STEP HELD from 2026-11-27: 20 mg/day"), "\(text)")
        #expect(text.contains("(not in force)"), "\(text)")
        #expect(text.split(separator: "\n").contains { $0.contains("▶ STEP HELD") }, "today is on the held line:\n\(text)")
    }
}
