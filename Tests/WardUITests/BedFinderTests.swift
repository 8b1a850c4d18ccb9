import Foundation
import Testing
import WardCore
@testable import WardUI

/// Typing a bed number jumps to it; `/` finds a patient by part of the name or MRN (issue 17, item 7).
@Suite struct BedFinderTests {
    func selectedBed(_ d: Driver) -> String? {
        switch d.top {
        case .wardList(let w): d.state.ward?.ward.beds[w.selected].label
        case .overview(let o): o.selectedBed
        default: nil
        }
    }

    @Test func digitsJumpToTheBedAsTheyAreTyped() {
        var d = BoardFixture.onOverview(size: Fixture.small)
        d.key(.key(.escape))   // the ward list under the overview
        guard case .wardList = d.top else { Issue.record("not on the ward list: \(String(describing: d.top))"); return }
        d.key(.char("1")); #expect(selectedBed(d) == "1")
        d.key(.char("2")); #expect(selectedBed(d) == "12")
        d.key(.char("5")); #expect(selectedBed(d) == "5")    // 125 is no bed: a fresh start
        d.key(.key(.down)); #expect(selectedBed(d) == "6")   // any other key ends the number
        d.key(.char("2")); #expect(selectedBed(d) == "2")
        d.key(.key(.enter))
        guard case .chart(let c) = d.top else { Issue.record("Enter did not open the chart"); return }
        #expect(d.state.ward?.patient(c.patientID)?.bed == "2")
    }

    @Test func slashFindsByNameOrMRNAndItsKeysAreNotCommands() {
        var d = BoardFixture.onOverview(size: Fixture.small)
        let ward = d.state.ward!
        let target = ward.patients.first { $0.name == "García, Lucía" }!
        d.key(.char("/"))
        d.type("garcia")   // case and accents ignored; q, o, m typed here are text, not commands
        #expect(selectedBed(d) == target.bed)
        #expect(d.text.contains("Find: garcia"))
        #expect(!d.state.quitting)
        d.key(.key(.enter))
        #expect(selectedBed(d) == target.bed)
        guard case .overview(let o) = d.top else { Issue.record("left the overview"); return }
        #expect(o.finder.search == nil)

        let before = selectedBed(d)
        d.key(.char("/")); d.type(ward.patients.last!.mrn)
        #expect(selectedBed(d) == ward.patients.last!.bed)
        d.key(.key(.escape))
        #expect(selectedBed(d) == before)
        d.key(.char("/")); d.type("qqq-nobody")
        #expect(d.text.contains("no patient matches") && !d.state.quitting)
    }
}

/// Every alert can be read at 80×24: the selected bed's alerts lead the overview's alert pane (issue 17, item 3).
@Suite struct AlertPaneOrderTests {
    @Test func theSelectedBedsAlertsLeadThePane() {
        var d = BoardFixture.onOverview(size: Fixture.small)
        // A bed whose alerts are not on the first lines of the pane.
        let rows = d.state.overviewRows(OverviewState())
        guard let target = rows.last(where: { !$0.alerts.isEmpty }), let p = target.patient else {
            Issue.record("no bed with alerts"); return
        }
        d.key(.char("/")); d.type(p.mrn); d.key(.key(.enter))
        let lines = d.text.split(separator: "\n").map(String.init)
        guard let header = lines.firstIndex(where: { $0.contains("Open alerts:") }) else { Issue.record("no alert pane"); return }
        let first = lines[header + 1]
        #expect(first.contains(" \(target.bed) ") && first.contains(String(p.name.prefix(10))), "\(lines[header...].joined(separator: "\n"))")
    }
}
