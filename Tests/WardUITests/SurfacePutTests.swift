import Testing
import WardCore
@testable import WardUI

/// Surface.put and Text.fit: the fast paths draw what the per-grapheme path draws.
@Suite struct SurfacePutTests {
    func cells(_ text: String, maxWidth: Int? = nil, width: Int = 20) -> [String] {
        var s = Surface(size: Size(cols: width, rows: 1))
        s.put(text, x: 0, y: 0, maxWidth: maxWidth)
        return (0..<width).map { s[$0, 0].width == 0 ? "<" : s[$0, 0].text }
    }

    @Test func asciiIsOneCellAByte() {
        #expect(cells("ab c").prefix(5) == ["a", "b", " ", "c", " "])
    }

    @Test func singleColumnUnicodeIsOneCellAScalar() {
        #expect(cells("a·─é▂…").prefix(7) == ["a", "·", "─", "é", "▂", "…", " "])
    }

    @Test func combiningMarksStayWithTheirLetterAndWideTakesTwoCells() {
        #expect(cells("e\u{301}x").prefix(3) == ["e\u{301}", "x", " "])
        #expect(cells("漢a").prefix(4) == ["漢", "<", "a", " "])
    }

    @Test func controlsAreDrawnAsAVisibleQuestionMark() {
        #expect(cells("a\u{1B}b\tc").prefix(5) == ["a", "?", "b", "?", "c"])
        #expect(cells("·\u{7}").prefix(2) == ["·", "?"])
    }

    @Test func clippedAtMaxWidthAndTheEdge() {
        #expect(cells("abcdef", maxWidth: 3).prefix(4) == ["a", "b", "c", " "])
        #expect(cells("··········", maxWidth: 4).prefix(5) == ["·", "·", "·", "·", " "])
        #expect(cells("abcdef", width: 4) == ["a", "b", "c", "d"])
        var s = Surface(size: Size(cols: 4, rows: 1))
        #expect(s.put("a─b─c─", x: 1, y: 0) == 3)
    }

    @Test func fitCutsWithAnEllipsisByColumns() {
        #expect(Text.fit("abcdef", 4) == "abc…")
        #expect(Text.fit("abc", 4) == "abc")
        #expect(Text.fit("a·b·c·", 4) == "a·b…")
        #expect(Text.fit("漢字漢字", 5) == "漢字…")
        #expect(Text.fit("a\u{1B}b", 3) == "a?b")
        #expect(Text.pad("·", 3) == "·  ")
        #expect(Text.right("é", 3) == "  é")
    }
}
