import Foundation
import Testing
import WardCore
@testable import WardUI

/// A critical banner never covers whose screen this is, and the key that dismisses it does
/// nothing else — except `a`, which acknowledges the banner's own alert (issue 17, item 1).
@Suite struct CriticalBannerTests {
    /// The charge nurse on a patient's chart; then another patient (bed 3) becomes critical.
    static func chartThenCritical() -> (Driver, chartPatient: Patient, critical: Patient) {
        var d = BoardFixture.onOverview(size: Fixture.small)
        d.key(.key(.enter))
        guard case .chart(let c)? = d.top, let p = d.state.ward?.patient(c.patientID) else {
            Issue.record("no chart: \(String(describing: d.top))"); fatalError()
        }
        var w = BoardFixture.ward
        let bed3 = w.patients.first { $0.bed == "3" && $0.id != p.id }!
        w.board[bed3.id]?.sedation = [TimedSedation(.rass(-4), at: Fixture.now)]
        w.version += 1
        d.send(.wardLoaded(w))
        return (d, p, bed3)
    }

    @Test func thePatientLineStaysAndTheBannerIsReadWhole() {
        let (d, p, critical) = Self.chartThenCritical()
        let lines = view(d.state).textLines()
        #expect(d.state.banner != nil)
        #expect(lines[1].contains(p.name), "the chart's patient line is covered:\n\(lines.joined(separator: "\n"))")
        let bottom = lines.suffix(3).joined(separator: " ")
        #expect(bottom.contains("CRITICAL · bed 3 \(critical.name)"))
        #expect(bottom.contains("a: acknowledge this alert"))
        #expect(!bottom.contains("…"), "the banner is cut at 80 columns:\n\(bottom)")
    }

    @Test func aKeyThatDismissesDoesNothingElse() {
        var (d, _, _) = Self.chartThenCritical()
        let before = d.state.stack
        for key in ["c", "v", "m", "s"] {
            var e = d
            #expect(e.key(.char(Character(key))).isEmpty)
            #expect(e.state.banner == nil && e.state.stack == before, "\(key) acted as well as dismissing")
        }
        #expect(d.key(.key(.escape)).isEmpty)
        #expect(d.state.stack == before)
    }

    @Test func aAcknowledgesTheBannersAlertNotTheChartsPatient() {
        var (d, p, critical) = Self.chartThenCritical()
        d.key(.char("a"))
        guard case .alertAction(let f)? = d.top else { Issue.record("no acknowledge dialog: \(String(describing: d.top))"); return }
        #expect(f.mode == .acknowledge && f.alert.patientID == critical.id && f.alert.patientID != p.id)
    }
}
