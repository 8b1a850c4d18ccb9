import Foundation
import Testing
import TestTools
@testable import WardUI
import WardCore

/// One screen (the 30-bed overview at 80×24, with critical, warning, stale,
/// due and overdue cells) drawn in every shipped theme: the golden file says
/// which colours and attributes each cell gets, and their contrast.
@Suite struct ThemeGoldenTests {
    @Test(arguments: ThemeLoader.builtinNames)
    func overviewInEachTheme(_ name: String) throws {
        let theme = try #require(ThemeLoader.builtin(name))
        let d = BoardFixture.onOverview(size: Fixture.small)
        assertGolden(themedSnapshot(view(d.state), theme: theme), named: "theme_\(name)_overview30_80x24")
    }

    @Test func aLookIsTheRoleStyleWithTheWidgetsEmphasis() throws {
        var s = Surface(size: Size(cols: 4, rows: 1))
        s.put("a", x: 0, y: 0, role: .text)
        s.put("b", x: 1, y: 0, role: .text, emphasis: .bold)
        s.put("c", x: 2, y: 0, role: .alertCritical)
        s.put("d", x: 3, y: 0, role: .error)   // styled exactly like alert.critical in the default theme
        let out = themedSnapshot(s, theme: .standard)
        let lines = out.split(separator: "\n").map(String.init)
        let looks = try #require(lines.firstIndex(of: "--- looks"))
        #expect(lines[looks + 1] == "abcc")
        #expect(lines.contains { $0.hasPrefix("c  fg 255 #eeeeee  bg 160 #d70000  bold") && $0.hasSuffix("C alert.critical, E error") })
        #expect(lines.contains { $0.hasPrefix("b  fg default       bg default       bold") })
    }
}
