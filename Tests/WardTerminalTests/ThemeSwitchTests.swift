import Testing
import WardTerminal
import WardUI

/// A theme chosen while the program runs (`t` on the help screen) is drawn at
/// the next frame, on every cell, even where nothing else changed.
@Suite(.serialized) struct ThemeSwitchTests {
    @Test func aNewThemeRepaintsEveryCellAtTheNextFrame() throws {
        let night = try #require(ThemeLoader.builtin("night"))
        try Terminal.withHeadless(rows: 3, cols: 10, profile: .c256) { t in
            var s = Surface(size: Size(cols: 10, rows: 3))
            s.put("text", x: 0, y: 0)
            s.put("!", x: 0, y: 1, role: .alertCritical)
            t.present(s)
            #expect(t.cell(x: 0, y: 0)?.pair == 0, "the default theme draws text in the terminal's own colours")

            t.theme = night
            t.present(s)   // the same surface: only the theme changed
            #expect(t.cellsPaintedLastFrame == 30)
            let text = try #require(t.cell(x: 0, y: 0))
            #expect(text.fg == 137 && text.bg == 16)
            let blank = try #require(t.cell(x: 9, y: 2))
            #expect(blank.bg == 16, "the night theme's black covers the whole screen")
            let critical = try #require(t.cell(x: 0, y: 1))
            #expect(critical.fg == 16 && critical.bg == 196 && critical.attributes.contains(.bold))

            t.theme = night
            t.present(s)
            #expect(t.cellsPaintedLastFrame == 0, "the same theme again repaints nothing")
        }
    }
}
