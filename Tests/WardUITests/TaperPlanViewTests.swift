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
