import Testing
import WardTerminal
import WardUI

/// A stored string that contains terminal escape sequences (a patient named
/// "\e]2;pwned\a", which would retitle an xterm) reaches the screen as
/// visible text: no ESC, BEL or C1 control ever gets into a cell.
@Suite(.serialized) struct HostileTextTests {
    @Test(arguments: ["\u{1B}]2;pwned\u{07}", "\u{1B}[2J\u{1B}[Hwiped", "A\u{9B}31mB\u{0D}C"])
    func escapeSequencesInNamesAreInert(name: String) throws {
        try Terminal.withHeadless(rows: 3, cols: 40) { t in
            var s = Surface(size: Size(cols: 40, rows: 3))
            s.put("Name: " + name + "|", x: 0, y: 1)
            t.present(s)
            let row = t.rowText(1)
            #expect(row.hasPrefix("Name: "))
            #expect(!row.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
            // Every control shows as one visible '?', so the text after it stays in place.
            let visible = name.unicodeScalars.map { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) ? "?" : String($0) }.joined()
            #expect(row.hasPrefix("Name: " + visible + "|"))
            // Nothing else on the screen moved or was cleared.
            #expect(t.rowText(0).allSatisfy { $0 == " " })
        }
    }
}
