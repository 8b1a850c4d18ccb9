/// Paper for the fixed-pitch printout. Lines per page at 6 lines per inch,
/// minus CUPS's text-filter top and bottom margins of 0.5 in each
/// (`page-top=36`, `page-bottom=36` points, which `Printer` passes explicitly):
/// A4 is 11.69 in tall → 10.69 in × 6 = 64 lines; Letter 11 in → 10 in × 6 = 60.
public enum Paper: String, Sendable, Hashable, CaseIterable {
    case a4, letter
    public var linesPerPage: Int {
        switch self { case .a4: 64; case .letter: 60 }
    }
}

/// The two fixed widths: 80 columns (portrait at 12 cpi) and 132 columns
/// (portrait at 20 cpi).
public enum Columns: Int, Sendable, Hashable, CaseIterable {
    case c80 = 80, c132 = 132
    /// Characters per inch that fit the width between the printout's side
    /// margins (`Printer.textMarginLeft`/`Right`) on A4 and Letter portrait:
    /// A4 leaves 595 − 54 − 36 = 505 pt = 7.0 in, room for 84 columns at 12 cpi
    /// and 140 at 20 (10 and 17 cpi, the full-width pitches, would wrap).
    public var cpi: Int { self == .c80 ? 12 : 20 }
}

/// A run of lines that should stay on one page: a header that must never be
/// left alone at the foot of a page, its body, and the header repeated
/// (with "(cont.)") when the body runs over a page.
struct TextBlock: Sendable, Hashable {
    var header: [String]
    var body: [String]
    var continuedHeader: [String]
    var height: Int { header.count + body.count }
}

/// Places blocks on pages of `bodyLines` lines. Rules:
/// - a blank line separates blocks, but never opens a page;
/// - a block that fits on a page is never split: if it does not fit in what
///   is left, it starts a new page;
/// - a block longer than a page starts on a fresh page and continues on the
///   next under its "(cont.)" header; a header is never the last thing on a page.
enum TextPaginator {
    static func paginate(_ blocks: [TextBlock], bodyLines: Int) -> [[String]] {
        precondition(bodyLines > 4, "page too short")
        var pages: [[String]] = [[]]
        func remaining() -> Int { bodyLines - pages[pages.count - 1].count }
        func newPage() { pages.append([]) }
        func put(_ lines: [String]) { pages[pages.count - 1] += lines }

        for block in blocks {
            let gap = pages[pages.count - 1].isEmpty ? 0 : 1
            if block.height + gap <= remaining() {
                if gap == 1 { put([""]) }
                put(block.header + block.body)
                continue
            }
            if !pages[pages.count - 1].isEmpty { newPage() }
            put(block.header)
            for line in block.body {
                if remaining() == 0 {
                    newPage()
                    put(block.continuedHeader)
                }
                put([line])
            }
        }
        if pages.count > 1, pages[pages.count - 1].isEmpty { pages.removeLast() }
        return pages
    }
}
