import Testing
@testable import WardCore

/// The fast paths of DisplayWidth agree with its full per-character rules.
@Suite struct DisplayWidthTests {
    /// Every scalar the fast path calls single-column is, by the full rules,
    /// one column wide and a grapheme of its own.
    @Test func singleColumnScalarsAgreeWithTheFullRules() {
        var checked = 0
        for v in UInt32(0)..<0x3000 where DisplayWidth.isSingleColumn(v) {
            guard let u = Unicode.Scalar(v) else { continue }
            #expect(DisplayWidth.of(u) == 1, "U+\(String(v, radix: 16)) is not one column by the full rules")
            #expect(DisplayWidth.of(Character(u)) == 1)
            // Followed by a letter, it stays a grapheme of its own.
            #expect((String(Character(u)) + "a").count == 2, "U+\(String(v, radix: 16)) joins the next character")
            checked += 1
        }
        #expect(checked > 1000)
    }

    @Test func controlsMarksFormatAndWideAreNotSingleColumn() {
        for v: UInt32 in [0x00, 0x1F, 0x7F, 0x85, 0x9F, 0xAD, 0x301, 0x200B, 0x200D, 0x2028, 0x25FD, 0x3000, 0x4E00, 0x1F600, 0xFE0F] {
            #expect(!DisplayWidth.isSingleColumn(v), "U+\(String(v, radix: 16))")
        }
    }

    @Test(arguments: ["", "plain ASCII 123", "tab\there", "bed 4 · 12/30 — ✓", "│─┌┐▁▂▃▄▅▆▇█", "Müller, Zoë",
                      "e\u{301}", "漢字 wide", "🙂 face", "❤\u{FE0F}", "\r\n", "soft\u{AD}hyphen", "\u{1B}[31m"])
    func stringWidthEqualsTheSumOfItsCharacters(_ s: String) {
        #expect(DisplayWidth.of(s) == s.reduce(0) { $0 + DisplayWidth.of($1) })
    }

    @Test func singleColumnScalarsCountsOnlyWhenEveryScalarQualifies() {
        #expect(DisplayWidth.singleColumnScalars("a · b ─ é") == 9)
        #expect(DisplayWidth.singleColumnScalars("e\u{301}") == nil)
        #expect(DisplayWidth.singleColumnScalars("漢") == nil)
        #expect(DisplayWidth.singleColumnScalars("a\tb") == nil)
    }
}
