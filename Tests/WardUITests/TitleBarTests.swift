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
        d.state.wardProtocol.approvedBy = "Dr A. Lead, clinical lead, 2026-12-01"
        d.state.ward?.ward.name = "A Rather Long Ward Name (DEMO)"
        let who = d.state.session!.staff
        let t = title(d, cols: 80, subtitle: "Overview p1/2 · by risk · 16/20 beds")
        #expect(t.contains("Overview p1/2 · by risk"), "\(t)")
        #expect(!t.contains("beds") && !t.contains("…"), "\(t)")
        #expect(t.contains("\(who.name)  \(Format.clock(d.state.now, d.state.calendar))"), "\(t)")
    }

    /// The shipped protocol is "NOT APPROVED": every title bar leads with the banner, at 80 and 132 columns,
    /// and still shows who is signed in and the screen's title.
    @Test(arguments: [80, 132]) func anUnapprovedProtocolLeadsEveryTitleBar(cols: Int) {
        let d = Driver.signedIn(size: cols == 80 ? Fixture.small : Fixture.large)
        #expect(!d.state.wardProtocol.isApproved)
        let t = title(d, cols: cols, subtitle: "Chart")
        #expect(t.hasPrefix(cols >= 100 ? " ⚠ PROTOCOL NOT APPROVED " : " ⚠ "), "\(t)")
        #expect(t.contains("Chart") && t.contains(d.state.session!.staff.name), "\(t)")
    }

    /// A long subtitle at 80 columns: the banner shortens, then the ward name goes, before the subtitle or the name.
    @Test func theBannerShortensBeforeTheSubtitleOrTheName() {
        let d = Driver.signedIn(size: Fixture.small)
        let t = title(d, cols: 80, subtitle: "Overview p1/3 · by risk · 28/30 beds · 3 due")
        #expect(t.hasPrefix(" ⚠ UNAPPROVED Overview p1/3 · by risk · 28/30 beds · 3 due"), "\(t)")
        #expect(t.contains(d.state.session!.staff.name), "\(t)")
    }

    @Test func anApprovedProtocolShowsNoBanner() {
        var d = Driver.signedIn(size: Fixture.large)
        d.state.wardProtocol.approvedBy = "Dr A. Lead, clinical lead, 2026-12-01"
        #expect(!title(d, cols: 132, subtitle: "Chart").contains("APPROVED"))
    }
}
