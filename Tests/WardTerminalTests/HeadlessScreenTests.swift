import Testing
import WardTerminal
import WardUI

/// ncurses is process-wide: this suite is serialized, and every screen's
/// lifetime runs inside `ScreenLock` (via `Terminal.withHeadless`).
@Suite(.serialized) struct HeadlessScreenTests {
    func surface(_ cols: Int, _ rows: Int, _ draw: (inout Surface) -> Void) -> Surface {
        var s = Surface(size: Size(cols: cols, rows: rows))
        draw(&s)
        return s
    }

    @Test func umlautAndWideTextReadBackInTheRightColumns() throws {
        try Terminal.withHeadless(rows: 6, cols: 30) { t in
            t.present(surface(30, 6) { s in
                s.put("Bett 3 – Müller ✓", x: 1, y: 0)
                s.put("李X", x: 0, y: 1)
                s.put("田中 太郎|", x: 2, y: 2)
            })
            #expect(t.rowText(0).hasPrefix(" Bett 3 – Müller ✓ "))
            #expect(t.rowText(1).hasPrefix("李X "))
            #expect(t.cell(x: 0, y: 1)?.character == "李")
            #expect(t.cell(x: 2, y: 1)?.character == "X")
            // 田中 太郎 is 9 columns wide: the bar lands in column 2 + 9.
            #expect(t.cell(x: 11, y: 2)?.character == "|")
            #expect(t.dumpScreen().count == 6)
        }
    }

    @Test func combiningMarksStayInOneCell() throws {
        try Terminal.withHeadless(rows: 2, cols: 10) { t in
            var s = Surface(size: Size(cols: 10, rows: 2))
            s.put("e\u{301}|", x: 0, y: 0)
            t.present(s)
            #expect(t.rowText(0).hasPrefix("e\u{301}|"))
            #expect(t.cell(x: 1, y: 0)?.character == "|")
        }
    }

    @Test func aWideCellTheCLibraryThinksNarrowLeavesNoStaleText() throws {
        try Terminal.withHeadless(rows: 2, cols: 10) { t in
            var s = Surface(size: Size(cols: 10, rows: 2))
            s.put("XXXX", x: 0, y: 0)
            t.present(s)
            s.put("☀️", x: 0, y: 0)   // two columns for the Surface, one for wcwidth
            #expect(s[0, 0].width == 2)
            t.present(s)
            #expect(t.cell(x: 1, y: 0)?.character == " ")
            #expect(t.cell(x: 2, y: 0)?.character == "X")
        }
    }

    @Test func boxDrawingReadsBackAsUnicodeLines() throws {
        try Terminal.withHeadless(rows: 4, cols: 10) { t in
            t.present(surface(10, 4) { s in
                s.put("┌──┬─┐", x: 0, y: 0, role: .border)
                s.put("│  │ │", x: 0, y: 1, role: .border)
                s.put("└──┴─┘", x: 0, y: 2, role: .border)
                s.put("╔═╗━┃", x: 0, y: 3, role: .border)
            })
            #expect(t.rowText(0).hasPrefix("┌──┬─┐"))
            #expect(t.rowText(1).hasPrefix("│  │ │"))
            #expect(t.rowText(2).hasPrefix("└──┴─┘"))
            #expect(t.rowText(3).hasPrefix("╔═╗━┃"))
        }
    }

    @Test func boxDrawingFallsBackToASCIIWithoutUTF8() throws {
        try Terminal.withHeadless(rows: 3, cols: 10, unicode: false) { t in
            t.present(surface(10, 3) { s in
                s.put("┌──┐", x: 0, y: 0)
                s.put("│ü │", x: 0, y: 1)
                s.put("└──┘", x: 0, y: 2)
            })
            #expect(t.rowText(0).hasPrefix("+--+"))
            #expect(t.rowText(1).hasPrefix("|? |"))
            #expect(t.rowText(2).hasPrefix("+--+"))
        }
    }

    @Test func rolesResolveToThemeColoursOn256Colours() throws {
        try Terminal.withHeadless(rows: 3, cols: 20, profile: .c256) { t in
            t.present(surface(20, 3) { s in
                s.put("CRIT", x: 0, y: 0, role: .alertCritical)
                s.put("plain", x: 0, y: 1)
                s.put("sel", x: 0, y: 2, role: .text, emphasis: [.underline])
            })
            let want = Theme.standard.style(for: .alertCritical, profile: .c256)
            let crit = try #require(t.cell(x: 0, y: 0))
            #expect(crit.pair != 0)
            #expect(crit.fg == want.fg.number)
            #expect(crit.bg == want.bg.number)
            #expect(crit.attributes.contains(.bold))
            let plain = try #require(t.cell(x: 0, y: 1))
            #expect(plain.pair == 0)
            #expect(plain.attributes.isEmpty)
            #expect(t.cell(x: 0, y: 2)?.attributes == [.underline])
        }
    }

    @Test func monochromeDistinguishesAlarmsByAttributesOnly() throws {
        try Terminal.withHeadless(rows: 6, cols: 10, profile: .mono) { t in
            let roles = SemanticRole.mustDifferInMonochrome
            t.present(surface(10, 6) { s in
                for (i, r) in roles.enumerated() { s.put("x", x: 0, y: i, role: r) }
                s.put("x", x: 0, y: 5)
            })
            #expect(t.cell(x: 0, y: 0)?.attributes == [.bold, .reverse])   // alert.critical
            var seen: Set<TextAttributes> = [try #require(t.cell(x: 0, y: 5)).attributes]
            for i in roles.indices {
                let c = try #require(t.cell(x: 0, y: i))
                #expect(c.pair == 0)
                #expect(!seen.contains(c.attributes), "\(roles[i]) looks like another role in monochrome")
                seen.insert(c.attributes)
            }
        }
    }

    @Test func monochromeThemeUsesNoColourOnAColourTerminal() throws {
        let mono = try #require(ThemeLoader.builtin("monochrome"))
        try Terminal.withHeadless(rows: 2, cols: 10, theme: mono, profile: .c256) { t in
            t.present(surface(10, 2) { s in s.put("!", x: 0, y: 0, role: .alertCritical) })
            let c = try #require(t.cell(x: 0, y: 0))
            #expect(c.pair == 0)
            #expect(c.attributes == [.bold, .reverse])
        }
    }

    @Test func onlyChangedCellsArePaintedUntilAResize() throws {
        try Terminal.withHeadless(rows: 5, cols: 20) { t in
            var s = surface(20, 5) { s in s.put("hello", x: 0, y: 0) }
            t.present(s)
            #expect(t.cellsPaintedLastFrame == 100)
            t.present(s)
            #expect(t.cellsPaintedLastFrame == 0)
            s.put("J", x: 0, y: 0)
            t.present(s)
            #expect(t.cellsPaintedLastFrame == 1)
            #expect(t.rowText(0).hasPrefix("Jello"))

            t.simulateResize(rows: 8, cols: 30)
            #expect(t.readInput(timeoutMs: 0) == [.resize(Size(cols: 30, rows: 8))])
            #expect(t.size == Size(cols: 30, rows: 8))
            let big = surface(30, 8) { s in s.put("after resize", x: 0, y: 7) }
            t.present(big)
            #expect(t.cellsPaintedLastFrame == 240)
            #expect(t.rowText(7).hasPrefix("after resize"))
            #expect(t.rowText(0).hasPrefix("      "))
        }
    }

    @Test func cursorIsShownOnlyWhereTheSurfaceAsks() throws {
        try Terminal.withHeadless(rows: 5, cols: 20) { t in
            var s = surface(20, 5) { _ in }
            t.present(s)
            #expect(!t.cursorVisible)
            s.cursor = (x: 4, y: 2)
            t.present(s)
            #expect(t.cursorVisible)
            #expect(t.cursorPosition == (4, 2))
        }
    }

    @Test func unknownTerminfoNameThrowsInsteadOfExiting() {
        #expect(throws: TerminalError.unknownTerminal("wardline-no-such-terminal")) {
            try Terminal.withHeadless(rows: 5, cols: 5, terminalName: "wardline-no-such-terminal") { _ in }
        }
    }

    @Test func stopIsIdempotent() throws {
        try ScreenLock.run {
            let t = try Terminal.headless(rows: 3, cols: 3)
            t.stop()
            t.stop()
            #expect(t.isStopped)
            #expect(t.readInput(timeoutMs: 0) == [.inputClosed])
        }
    }
}

/// Colour depth follows the terminfo entry.
@Suite(.serialized) struct ColourDepthTests {
    @Test func eightColourTerminalUsesThe16ColourStylesWithBoldForBright() throws {
        try Terminal.withHeadless(rows: 2, cols: 10, terminalName: "xterm") { t in
            #expect(t.profile == .c16)
            var s = Surface(size: Size(cols: 10, rows: 2))
            s.put("!", x: 0, y: 0, role: .alertCritical)   // bright-white on red in the 16-colour palette
            t.present(s)
            let c = try #require(t.cell(x: 0, y: 0))
            #expect(c.fg == 7)
            #expect(c.bg == 1)
            #expect(c.attributes.contains(.bold))
        }
    }

    @Test func terminalWithoutColoursIsMonochrome() throws {
        try Terminal.withHeadless(rows: 2, cols: 10, profile: .c256, terminalName: "vt100") { t in
            #expect(t.profile == .mono)
            var s = Surface(size: Size(cols: 10, rows: 2))
            s.put("!", x: 0, y: 0, role: .doseOverdue)
            t.present(s)
            let c = try #require(t.cell(x: 0, y: 0))
            #expect(c.pair == 0)
            #expect(c.attributes == [.bold, .underline, .reverse])
        }
    }
}
