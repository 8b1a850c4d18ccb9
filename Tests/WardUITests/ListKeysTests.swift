import Foundation
import Testing
import WardCore
@testable import WardUI

/// Home/End and PgUp/PgDn on every list and document, and H on the overview (issue 17 item 7).
@Suite struct ListKeysTests {
    static func wardList(_ d: Driver) -> WardListState? {
        for case .wardList(let w) in d.state.stack.reversed() { return w }
        return nil
    }

    @Test func theWardListGoesToTheEndsAndByPages() {
        var d = Driver.signedIn(Fixture.ann, size: Size.minimum)
        var ward = Fixture.ward
        ward.ward.beds += (9...30).map { Bed(label: "\($0)") }
        d.send(.wardLoaded(ward))
        let beds = ward.ward.beds.count
        #expect(beds > WardListView.rows(d.state.size), "the fixture needs more beds than a page")
        d.key(.key(.end))
        #expect(Self.wardList(d)?.selected == beds - 1)
        d.key(.key(.home))
        #expect(Self.wardList(d)?.selected == 0)
        d.key(.key(.pageDown))
        #expect(Self.wardList(d)?.selected == WardListView.rows(d.state.size))
        d.key(.key(.pageUp))
        #expect(Self.wardList(d)?.selected == 0)
    }

    @Test func theOverviewGoesToTheEndsAndHOpensTheHandoverOfTheSelectedBed() {
        var d = Driver.signedIn(Fixture.ann, size: Fixture.small)
        d.send(.wardLoaded(Fixture.ward))
        d.key(.char("o"))
        guard case .overview = d.state.stack.last else { Issue.record("no overview: \(d.state.stack)"); return }
        d.key(.key(.end))
        guard case .overview(let last) = d.state.stack.last else { return }
        d.key(.key(.home))
        guard case .overview(let first) = d.state.stack.last else { return }
        #expect(last.selectedBed != first.selectedBed)
        let fx = d.key(.char("H"))
        guard case .handover = d.state.stack.last else { Issue.record("H did not open the handover: \(d.state.stack.last.map { "\($0)" } ?? "")"); return }
        #expect(fx.contains { if case .renderHandover = $0 { true } else { false } })
    }

    @Test func theChartHistoryGoesToTheOldestAndBack() {
        var d = ObsFixture.onChart()
        d.key(.key(.end))
        guard case .chart(let end) = d.state.stack.last else { Issue.record("not on the chart"); return }
        d.key(.key(.home))
        guard case .chart(let home) = d.state.stack.last else { return }
        #expect(end.selected > 0 && home.selected == 0)
        #expect(ChartSelection.clamped(d.state, end) == end.selected)
    }

    @Test func theMARAndItsTaperPlanStopAtTheirEnds() {
        var d = MARFixture.onMAR()
        d.key(.key(.end))
        let lines = MARScreen.lines(d.state, Fixture.mullerID).count
        #expect(d.mar?.selected == lines - 1)
        d.key(.key(.home))
        #expect(d.mar?.selected == 0)
        d.key(.char("T"))
        #expect(d.mar?.showingPlan == true)
        d.key(.key(.end))
        let most = TaperPlanView.maxScroll(d.state, Fixture.mullerID, rows: max(1, d.state.size.rows - 10))
        #expect(d.mar?.planScroll == most)
        // ↓ past the end does not run on: one ↑ moves the plan again.
        for _ in 0..<5 { d.key(.key(.down)) }
        #expect(d.mar?.planScroll == most)
        d.key(.key(.up))
        #expect(d.mar?.planScroll == max(0, most - 1))
        d.key(.key(.home))
        #expect(d.mar?.planScroll == 0)
    }

    @Test func helpScrollsToItsEnds() {
        var d = Driver.signedIn(Fixture.ann, size: Size.minimum)
        d.send(.wardLoaded(Fixture.ward))
        d.key(.char("?"))
        #expect(d.state.showingHelp)
        d.key(.key(.end))
        #expect(d.state.helpScroll == HelpOverlay.maxScroll(d.state) && d.state.helpScroll > 0)
        d.key(.key(.home))
        #expect(d.state.helpScroll == 0)
    }
}

/// From the UX review: nothing on the chart is silently dropped or hidden under the bottom panes.
@Suite struct ChartLayoutTests {
    @Test(arguments: [Fixture.small, Fixture.large])
    func endSelectsAnEntryThatIsOnScreen(size: Size) {
        var d = Driver.signedIn(Fixture.ann, size: size)
        d.send(.wardLoaded(ObsFixture.ward))
        d.key(.key(.enter))
        d.key(.key(.end))
        let lines = d.text.split(separator: "\n").map(String.init)
        let marker = lines.firstIndex { $0.hasPrefix("▶") }
        #expect(marker != nil, "End selected an entry that is not drawn:\n\(d.text)")
        // The marker is above the alert pane ("Alerts for this patient"), never under it.
        if let m = marker, let pane = lines.firstIndex(where: { $0.contains("Alerts for this patient") }) { #expect(m < pane) }
    }

    @Test(arguments: [Fixture.small, Fixture.large])
    func everyDueCheckIsInTheNextBlock(size: Size) {
        var d = Driver.signedIn(Fixture.ann, size: size)
        d.send(.wardLoaded(ObsFixture.ward))
        d.key(.key(.enter))
        let shown = d.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        for due in ChartPanes.dues(d.state, Fixture.mullerID) {
            #expect(shown.contains(DueText.text(due, now: d.state.now, calendar: d.state.calendar)), "\(d.text)")
        }
    }

    @Test func riskFlagsAreWholeOnTheChartAndNamedOnTheForms() {
        var d = Driver.signedIn(Fixture.ann, size: Fixture.small)
        d.send(.wardLoaded(ObsFixture.ward))
        d.key(.key(.enter))
        let p = d.state.ward!.patient(Fixture.mullerID)!
        let flags = PatientBanner.flags(p, state: d.state)
        #expect(flags.count >= 2)
        let chart = d.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        for f in flags { #expect(chart.contains(f), "flag cut on the chart: \(f)\n\(d.text)") }
        d.key(.char("v"))
        let form = d.text
        for f in flags { #expect(form.contains(f.components(separatedBy: ": ").first!), "flag missing on the vitals form: \(f)\n\(form)") }
        #expect(!form.split(separator: "\n")[2].contains("…"))
    }
}

extension ListKeysTests {
    /// Esc after typing a bed number clears it and stays on the screen (UX review).
    @Test func escAfterABedNumberStaysOnTheOverview() {
        var d = Driver.signedIn(Fixture.ann, size: Fixture.small)
        d.send(.wardLoaded(Fixture.ward))
        d.key(.char("o"))
        d.key(.char("6"))
        d.key(.key(.escape))
        guard case .overview(let o) = d.state.stack.last else { Issue.record("Esc left the overview: \(d.state.stack)"); return }
        #expect(o.finder.digits.isEmpty)
        d.key(.key(.escape))
        if case .overview = d.state.stack.last { Issue.record("a second Esc goes back") }
    }

    /// The MAR's 24-h line keeps the total, the PRN cap and the ceiling at 80 columns.
    @Test func theMARKeepsTheCeilingAt80Columns() {
        let d = MARFixture.onMAR()
        let line = d.text.split(separator: "\n").first { $0.contains("24-h diazepam-eq.") }.map(String.init) ?? ""
        #expect(line.contains("ceiling 40") && line.contains("PRN cap"), "\(line)")
    }
}

/// The chart's next-due line names a PRN dose that brought a check forward (bedside-nurse.md promises it).
@Suite struct DueTextPRNTests {
    @Test func aCheckBroughtForwardByAPRNDoseSaysSo() {
        let now = Fixture.now
        let soon = ObservationDue(kind: .withdrawal(.ciwaB), dueAt: now.addingTimeInterval(56 * 60), status: .upcoming,
                                  reason: "1 h after the PRN dose")
        #expect(DueText.text(soon, now: now, calendar: Calendar.wardDefault) .hasSuffix("(in 56 min, 1 h after the PRN dose)"))
        let late = ObservationDue(kind: .vitals, dueAt: now.addingTimeInterval(-10 * 60), status: .overdue, reason: "1 h after the PRN dose")
        #expect(DueText.text(late, now: now, calendar: Calendar.wardDefault).contains("1 h after the PRN dose"))
        let plain = ObservationDue(kind: .vitals, dueAt: now.addingTimeInterval(30 * 60), status: .upcoming, reason: "NEWS2 0: every 12 h")
        #expect(!DueText.text(plain, now: now, calendar: Calendar.wardDefault).contains("PRN"))
    }
}
