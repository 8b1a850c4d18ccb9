import Foundation
import Testing
@testable import WardReports
import TestTools

/// The PDF page header (issue 17, item 8): title, page number, the
/// unapproved-protocol banner and the printed-by line, read back with their
/// positions by `pdftotext -bbox` — none of them on top of another, all of
/// them inside the margins, all of them above the page's body.
@Suite struct HandoverPDFHeaderTests {
    init() throws { try SystemPackages.ensure(SystemPackages.pdfTools) }

    struct Word: CustomStringConvertible {
        var text: String
        var x0: Double, y0: Double, x1: Double, y1: Double
        var description: String { "\(text)@(\(Int(x0)),\(Int(y0)))-(\(Int(x1)),\(Int(y1)))" }
        /// Boxes overlapping by more than `slack` points both ways (glyph boxes of adjacent lines may touch).
        func overlaps(_ o: Word, slack: Double = 0.5) -> Bool {
            min(x1, o.x1) - max(x0, o.x0) > slack && min(y1, o.y1) - max(y0, o.y0) > slack
        }
    }

    /// The words of each page with their boxes, in points from the top left.
    static func pages(_ pdf: URL) throws -> [[Word]] {
        let r = try runProcess("pdftotext", ["-bbox", "-enc", "UTF-8", pdf.path, "-"])
        #expect(r.status == 0, "pdftotext -bbox: \(r.stderr)")
        var pages: [[Word]] = []
        for line in r.stdout.split(separator: "\n") {
            if line.contains("<page ") { pages.append([]); continue }
            guard line.contains("<word "), let close = line.range(of: "\">"), let end = line.range(of: "</word>") else { continue }
            func attr(_ name: String) -> Double? {
                guard let r = line.range(of: "\(name)=\"") else { return nil }
                return Double(line[r.upperBound...].prefix { $0 != "\"" })
            }
            let text = String(line[close.upperBound..<end.lowerBound])
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
            guard let x0 = attr("xMin"), let y0 = attr("yMin"), let x1 = attr("xMax"), let y1 = attr("yMax") else { continue }
            pages[pages.count - 1].append(Word(text: text, x0: x0, y0: y0, x1: x1, y1: y1))
        }
        return pages
    }

    func check(_ input: HandoverInput, _ label: String) throws {
        let dir = TemporaryFolders.make("reports-pdf-header")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("handover.pdf")
        try HandoverPDFRenderer().write(input, to: url)
        let pages = try Self.pages(url)
        #expect(pages.count > 1, "\(label): one page only")
        let ph = HandoverPhrases(input: input)
        let m = HandoverPDFRenderer.margin, right = HandoverPDFRenderer.pageWidth - m
        var failed = false   // the first page that fails tells the story; the rest would repeat it
        func expect(_ ok: Bool, _ why: @autoclosure () -> String) {
            if !ok { Issue.record(Comment(rawValue: why())); failed = true }
        }
        for (i, words) in pages.enumerated() where !failed {
            let expected = [ph.title, "page \(i + 1) of \(pages.count)", ph.unapprovedBanner ?? "", ph.printed]
                .flatMap { $0.split(separator: " ").map(String.init) }
            // The header is what comes first down the page: exactly its own words.
            let sorted = words.sorted { ($0.y0, $0.x0) < ($1.y0, $1.x0) }
            let header = Array(sorted.prefix(expected.count)), body = sorted.dropFirst(expected.count)
            expect(header.map(\.text).sorted() == expected.sorted(),
                   "\(label), page \(i + 1): the top of the page is not the header:\n\(header)\nexpected: \(expected)")
            for (n, a) in header.enumerated() {
                for b in header[(n + 1)...] { expect(!a.overlaps(b), "\(label), page \(i + 1): \(a) overprints \(b)") }
                expect(a.x0 >= m - 0.5 && a.x1 <= right + 0.5, "\(label), page \(i + 1): \(a) outside the margins")
            }
            let bottom = header.map(\.y1).max() ?? 0
            if let first = body.first {
                expect(first.y0 >= bottom + 4, "\(label), page \(i + 1): the body (\(first)) starts inside the header (to \(bottom))")
            }
        }
    }

    @Test func theHeaderOfEveryPageStandsClearOfItselfAndTheBody() throws {
        var approved = HandoverPDFTests.severalPages()
        approved.unapprovedProtocol = nil
        try check(approved, "approved protocol")
        var bannered = HandoverPDFTests.severalPages()
        bannered.unapprovedProtocol = "NOT APPROVED: shipped defaults, awaiting the ward pharmacist and the clinical lead"
        try check(bannered, "unapproved protocol")
        // A long ward name and printer: the title wraps, and so may the printed-by line.
        var long = bannered
        long.wardName = "Ward 7 Detox and Withdrawal Management Unit, St Elsewhere General Hospital"
        long.printedBy = "Nurse Ada Obi-Featherstonehaugh (agency, covering for the night coordinator)"
        try check(long, "long title")
    }
}
