import Foundation
import Testing
@testable import WardReports

@Suite struct PaginationTests {
    /// A patient whose block is exactly `bodyLines` body lines + 3 header lines long
    /// (contingency lines are short, one line each).
    static func patient(_ n: Int, contingencies: Int) -> PatientHandover {
        var p = Fixture.input().patients.first { $0.summary.mrn == "100500" }!
        p.summary.name = "Test, Patient \(n)"; p.summary.mrn = "T\(n)"; p.summary.bed = "\(n)"
        p.contingencies = (0..<contingencies).map { "If \($0) then call." }
        return p
    }

    static func input(_ patients: [PatientHandover]) -> HandoverInput {
        var i = Fixture.input(); i.patients = patients; return i
    }

    /// Lines of the text split into pages (form feeds), each page's lines.
    static func pages(_ text: String) -> [[Substring]] {
        text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map {
            var lines = $0.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last == "" { lines.removeLast() }
            return lines
        }
    }

    @Test(arguments: [Columns.c80, .c132])
    func everyPatientHeaderHasItsBodyOnTheSamePageAndNoPageIsTooLong(columns: Columns) {
        // Many patients of varying length, so blocks land at every position of a page.
        let patients = (1...23).map { Self.patient($0, contingencies: ($0 * 7) % 19) }
        let r = HandoverTextRenderer(columns: columns, pageLength: 50)
        let pages = Self.pages(r.render(Self.input(patients)))
        #expect(pages.count > 5)
        for (n, page) in pages.enumerated() {
            #expect(page.count <= 50, "page \(n + 1) has \(page.count) lines")
            #expect(page[0].hasSuffix("page \(n + 1) of \(pages.count)"))
            for (i, line) in page.enumerated() where line.hasPrefix("BED ") {
                // header = rule, BED line, rule; a body line must follow on the same page
                #expect(i + 2 < page.count, "orphaned header on page \(n + 1): \(line)")
                if i + 2 < page.count {
                    #expect(!page[i + 2].isEmpty && !page[i + 2].hasPrefix("---"), "no body after \(line) on page \(n + 1)")
                }
            }
        }
        // Every patient appears, with the block whole on one page (all of them fit a page).
        for p in patients {
            let holder = pages.filter { $0.contains { $0.contains("BED \(p.summary.bed!)  \(p.summary.name)") } }
            #expect(holder.count == 1, "\(p.summary.name) header on \(holder.count) pages")
            #expect(holder.first?.contains { $0.contains("Received by") } == true, "\(p.summary.name) split from its header")
        }
    }

    @Test func exactPageCountFromTheRules() {
        // Block sizes (80 columns): ward summary 2 header + 5 body = 7; risk list 3 + one row per
        // patient; a test patient 3 header + 23 body (3 of them its derived risk flags, issue 13)
        // + one line per contingency (at least one).
        let patients = (1...3).map { Self.patient($0, contingencies: 4) }
        let r = HandoverTextRenderer(columns: .c80, pageLength: 40)   // 36 body lines
        #expect(r.blocks(Self.input(patients)).map(\.height) == [7, 6, 30, 30, 30])
        // Page 1: 7 + 1 + 6 = 14; a 30-line patient needs 1 + 30 more = 45 > 36, so it opens page 2;
        // two patients on one page need 30 + 1 + 30 = 61 > 36: one patient per page.
        #expect(r.pages(Self.input(patients)).map(\.count) == [4 + 14, 4 + 30, 4 + 30, 4 + 30])

        let short = (1...2).map { Self.patient($0, contingencies: 0) }
        #expect(r.blocks(Self.input(short)).map(\.height) == [7, 5, 27, 27])
        // Page 1 holds ward + list + patient 1 when 7 + 1 + 5 + 1 + 27 = 41 body lines fit:
        // page length 45 (41 body) → 2 pages; 44 (40 body) → patient 1 moves on → 3 pages.
        #expect(HandoverTextRenderer(columns: .c80, pageLength: 45).pages(Self.input(short)).map(\.count) == [45, 4 + 27])
        #expect(HandoverTextRenderer(columns: .c80, pageLength: 44).pages(Self.input(short)).count == 3)
        // Both patients together need 27 + 1 + 27 = 55 body lines: page length 59 puts them on page 2 together.
        #expect(HandoverTextRenderer(columns: .c80, pageLength: 59).pages(Self.input(short)).count == 2)
    }

    @Test func aBlockLongerThanAPageContinuesUnderAContHeader() {
        let long = Self.patient(7, contingencies: 90)
        let r = HandoverTextRenderer(columns: .c80, pageLength: 40)
        let pages = Self.pages(r.render(Self.input([long])))
        #expect(pages.count == 5)   // page 1 ward; 3 header + 113 body lines over 36-line pages → 4 pages
        #expect(pages[1][5].contains("BED 7  Test, Patient 7  ") && !pages[1][5].contains("(cont.)"))
        for page in pages[2...] {
            #expect(page[5].contains("BED 7  Test, Patient 7 (cont.)"), "\(page[5])")
            #expect(page.count <= 40)
        }
        #expect(pages.last?.last?.contains("Received by") == true)
    }

    @Test(arguments: [Columns.c80, .c132])
    func noLineIsWiderThanTheWidthAndNoEscapeReachesTheOutput(columns: Columns) {
        var input = Fixture.input()
        var p = input.patients[0]
        p.summary.name = String(repeating: "王小明", count: 30) + " " + String(repeating: "x", count: 200)
        p.summary.mrn = "\u{1B}[31mRED\u{1B}[0m"
        p.summary.substances = ["\u{9B}2J eight-bit CSI", "tab\there", "bidi \u{202E}evil"]
        p.contingencies = ["line one\nline two\r\nline three", String(repeating: "ça ", count: 80),
                           "\u{1B}]2;pwned\u{07}", "emoji 🧪🧪🧪 and e\u{301}"]
        p.severity.overrideReason = String(repeating: "長い理由", count: 40)
        input.patients.append(p)
        input.wardName = String(repeating: "Station Nord-Ost ", count: 10)
        for paper in Paper.allCases {
            let text = HandoverTextRenderer(columns: columns, paper: paper).render(input)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let l = line.filter { $0 != "\u{0C}" }
                #expect(TextWidth.of(l) <= columns.rawValue, "\(TextWidth.of(l)) > \(columns.rawValue): \(l)")
            }
            let bad = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\u{0C}") || (0x7F...0x9F).contains($0.value) }
            #expect(bad.isEmpty, "control characters in the output: \(bad.map { $0.value })")
            #expect(!text.utf8.contains(0x1B))
            #expect(text.contains("^[]2;pwned^G"))
            #expect(text.contains("line two"))
            let pages = Self.pages(text)
            #expect(text.filter { $0 == "\u{0C}" }.count == pages.count - 1)
            #expect(pages.allSatisfy { $0.count <= paper.linesPerPage })
        }
    }
}

@Suite struct TextHelperTests {
    @Test func widthCountsCJKAsTwoAndCombiningAsZero() {
        #expect(TextWidth.of("abc") == 3)
        #expect(TextWidth.of("王小明") == 6)
        #expect(TextWidth.of("e\u{301}") == 1)
        #expect(TextWidth.of("🧪") == 2)
    }

    @Test func wrapBreaksAtSpacesAndInsideOverlongWords() {
        #expect(TextWidth.wrap("aa bb cc", width: 5) == ["aa bb", "cc"])
        #expect(TextWidth.wrap("aaaaaaaaaa", width: 4) == ["aaaa", "aaaa", "aa"])
        #expect(TextWidth.wrap("王小明王小明", width: 5) == ["王小", "明王", "小明"])
        #expect(TextWidth.wrap("one two three", width: 8, indent: 2) == ["one two", "  three"])
        #expect(TextWidth.wrap("", width: 8) == [""])
    }

    @Test func padAndTruncateHoldTheWidth() {
        #expect(TextWidth.pad("王", to: 4) == "王  ")
        #expect(TextWidth.of(TextWidth.pad("王小明王小明", to: 5)) == 5)
        #expect(TextWidth.truncate("abcdef", to: 4) == "abc…")
    }

    @Test func printSafeMakesControlsVisible() {
        #expect(PrintSafe.text("\u{1B}]2;pwned\u{07}") == "^[]2;pwned^G")
        #expect(PrintSafe.text("a\u{7F}b\u{9B}c") == "a^?b\u{FFFD}c")
        #expect(PrintSafe.text("x\u{202E}y") == "x\u{FFFD}y")
        #expect(PrintSafe.text("Zoë 王") == "Zoë 王")
        #expect(PrintSafe.lines("a\n\nb\r\nc") == ["a", "b", "c"])
    }
}
