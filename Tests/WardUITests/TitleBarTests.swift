import Testing
@testable import WardUI
import WardCore

/// The title bar keeps the screen's title and who is signed in; the role, the
/// date and then the subtitle's last parts give way, in that order.
@Suite struct TitleBarTests {
    func title(_ d: Driver, cols: Int, subtitle: String) -> String {
        var s = Surface(size: Size(cols: cols, rows: 1))
        Chrome.titleBar(&s, d.state, subtitle: subtitle)
        return s.textLines()[0]
    }

    @Test func wideScreenShowsNameRoleAndDate() {
        let d = Driver.signedIn(size: Fixture.large)
        let t = title(d, cols: 132, subtitle: "Ward list · 3 patients")
        let who = d.state.session!.staff
        #expect(t.contains("\(who.name) (\(who.role.title))"))
        #expect(t.contains(Format.longClock(d.state.now, d.state.calendar)))
        #expect(t.contains("Ward list · 3 patients"))
    }

    @Test func narrowScreenDropsTheSubtitlesLastPartBeforeTheName() {
        var d = Driver.signedIn(size: Fixture.small)
        d.state.ward?.ward.name = "A Rather Long Ward Name (DEMO)"
        let who = d.state.session!.staff
        let t = title(d, cols: 80, subtitle: "Overview p1/2 · by risk · 16/20 beds")
        #expect(t.contains("Overview p1/2 · by risk"), "\(t)")
        #expect(!t.contains("beds") && !t.contains("…"), "\(t)")
        #expect(t.contains("\(who.name)  \(Format.clock(d.state.now, d.state.calendar))"), "\(t)")
    }
}
