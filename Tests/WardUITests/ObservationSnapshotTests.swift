import Foundation
import Testing
@testable import WardUI
import WardCore

/// Golden snapshots of the bedside forms and the chart panes at 80×24 and 132×43.
@Suite struct ObservationSnapshotTests {
    static let sizes = [Fixture.small, Fixture.large]

    @Test(arguments: sizes)
    func chartScoresWithClock(size: Size) {
        let d = ObsFixture.onChart(size: size)
        assertSnapshot(view(d.state), named: "obsChartScores_\(size)")
    }

    @Test(arguments: sizes)
    func chartVitalsPane(size: Size) {
        var d = ObsFixture.onChart(size: size)
        d.key(.key(.tab))
        assertSnapshot(view(d.state), named: "obsChartVitals_\(size)")
    }

    @Test(arguments: sizes)
    func chartSedationPane(size: Size) {
        var d = ObsFixture.onChart(size: size)
        d.key(.key(.tab)); d.key(.key(.tab))
        assertSnapshot(view(d.state), named: "obsChartSedation_\(size)")
    }

    @Test func chartVitalsPaneInASCII() {
        var d = ObsFixture.onChart()
        d.state.asciiOnly = true
        d.key(.key(.tab))
        assertSnapshot(view(d.state), named: "obsChartVitals_ascii_80x24")
    }

    @Test(arguments: sizes)
    func ciwaArEntry(size: Size) {
        var d = ObsFixture.onChart(size: size)
        d.key(.char("a"))
        d.type("1210")
        assertSnapshot(view(d.state), named: "ciwaArEntry_\(size)")
    }

    @Test(arguments: sizes)
    func ciwaArGateMonitoringOnly(size: Size) {
        var d = ObsFixture.onChart(size: size)
        d.key(.char("a"))
        d.type("1210300014")
        d.key(.char("n")); d.key(.char("c"))
        assertSnapshot(view(d.state), named: "ciwaArGate_\(size)")
    }

    @Test(arguments: sizes)
    func vitalsHalfway(size: Size) {
        var d = ObsFixture.onChart(size: size)
        d.key(.char("v"))
        d.type("22"); d.key(.key(.enter)); d.type("95"); d.key(.key(.enter)); d.type("a"); d.type("170"); d.key(.key(.enter))
        d.key(.char("y"))
        d.type("350"); d.key(.key(.enter))    // diastolic out of the plausible range: refused with the range
        assertSnapshot(view(d.state), named: "vitalsHalfway_\(size)")
    }

    @Test(arguments: sizes)
    func vitalsComplete(size: Size) {
        var d = ObsFixture.onChart(size: size)
        d.key(.char("v"))
        for (value, enter) in [("24", true), ("93", true), ("o", false), ("104", true), ("60", true), ("122", true), ("c", false), ("38.4", true)] {
            d.type(value); if enter { d.key(.key(.enter)) }
        }
        assertSnapshot(view(d.state), named: "vitalsComplete_\(size)")
    }

    @Test(arguments: sizes)
    func sedation(size: Size) {
        var d = ObsFixture.onChart(size: size)
        d.key(.char("s")); d.type("-2")
        assertSnapshot(view(d.state), named: "sedation_\(size)")
    }

    @Test(arguments: sizes)
    func checkNotDone(size: Size) {
        var d = ObsFixture.onChart(size: size)
        d.key(.char("x")); d.type("s1settled after PRN")
        assertSnapshot(view(d.state), named: "checkNotDone_\(size)")
    }
}
