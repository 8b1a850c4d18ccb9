import CPangoCairo
import Foundation

public struct ReportError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The handover as an A4 PDF, typeset by pango (Unicode names, wrapping)
/// on a cairo PDF surface; tables drawn as ruled rows, a small CIWA-B trend
/// chart per patient drawn with cairo lines. Same content and order as the
/// text printout; a patient block is never split from its title, and a block
/// taller than a page continues under a "(cont.)" title.
public struct HandoverPDFRenderer: Sendable {
    /// A4 in PDF points (1/72 in).
    public static let pageWidth = 595.276, pageHeight = 841.890
    static let margin = 40.0
    /// From the header's rule to the body's first line.
    static let headerGap = 10.0
    static let blockGap = 10.0
    static let chartHeight = 92.0
    static let severityWidth = 110.0

    static let body = "Sans 8.5", bold = "Sans Bold 8.5", titleFont = "Sans Bold 10.5", small = "Sans 7"

    public init() {}

    /// Why no PDF can be made on this machine (cairo or pango missing: they
    /// are loaded at first use, see Sources/CPangoCairo), or nil when it can.
    /// The text handover needs neither.
    public static var unavailableReason: String? {
        wl_pangocairo_error().map { String(cString: $0) }
    }

    /// Cairo and fontconfig state is process-wide; one document at a time.
    private static let lock = NSLock()

    /// Writes the PDF to `url` atomically (a temporary file in the same directory, then rename).
    public func write(_ input: HandoverInput, to url: URL) throws {
        if let why = Self.unavailableReason {
            throw ReportError("cairo/pango are not available: \(why). The text handover (--format text) still works.")
        }
        let dir = url.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        defer { try? FileManager.default.removeItem(at: tmp) }
        try Self.lock.withLock { try draw(input, path: tmp.path) }
        try AtomicFile.syncFile(at: tmp)
        guard rename(tmp.path, url.path) == 0 else {
            throw ReportError("could not save the PDF as \(url.path): \(String(cString: strerror(errno)))")
        }
        AtomicFile.syncDirectory(dir)
    }

    /// The PDF's bytes, drawn into a private temporary directory that is removed afterwards.
    public func data(_ input: HandoverInput) throws -> Data {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wardline-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("handover.pdf")
        try write(input, to: url)
        return try Data(contentsOf: url)
    }

    // MARK: layout model

    enum Item {
        case title(String, String, String)   // patient bar: bed and name, details, severity
        case heading(String)
        case para(String, indent: Double)
        case row([String], widths: [Double], header: Bool)
        case chart(ScoreSeries)
    }

    struct Block { var items: [Item]; var continued: Item }
    struct Placed { var item: Item; var y: Double; var height: Double }

    var contentWidth: Double { Self.pageWidth - 2 * Self.margin }

    func blocks(_ input: HandoverInput) -> [Block] {
        typealias P = HandoverPhrases
        let ph = P(input: input)
        let w = contentWidth
        var out: [Block] = []

        var ward: [Item] = [.heading("Ward summary")]
        ward.append(.para("Shift: \(ph.shift)", indent: 0))
        ward.append(.para("Census: \(ph.census)", indent: 0))
        ward.append(.para("Headings: \(ph.headings)", indent: 0))
        out.append(Block(items: ward, continued: .heading("Ward summary (cont.)")))

        let cols = [0.08 * w, 0.32 * w, 0.13 * w, 0.47 * w]
        var list: [Item] = [.heading("Patients by risk (highest first)"),
                            .row(["Bed", "Patient", "Severity", "Why on the list"], widths: cols, header: true)]
        if input.patients.isEmpty { list.append(.para("No patients on the ward.", indent: 0)) }
        for p in input.patients {
            list.append(.row([P.bed(p), P.name(p), p.severity.severity.word, PrintSafe.text(p.severity.reason)],
                             widths: cols, header: false))
        }
        out.append(Block(items: list, continued: .heading("Patients by risk (cont.)")))

        let L = input.labels
        let kv = [0.24 * w, 0.76 * w]
        for p in input.patients {
            let s = p.summary, n = p.numbers
            let ident = "Bed \(P.bed(p))   \(P.name(p))"
            var items: [Item] = [.title(ident, P.details(p), p.severity.severity.word)]
            items.append(.heading(L.title(.illnessSeverity)))
            items.append(.para(P.severity(p), indent: 12))
            if let o = P.override(p) { items.append(.para(o, indent: 12)) }
            for c in P.criticalAlerts(p.actions) { items.append(.para(c, indent: 12)) }
            items.append(.heading(L.title(.summary)))
            for (k, v) in [("Substances", P.substances(s)), ("Detox day", P.detoxDay(s)), ("Taper step today", P.taper(s)),
                           ("24-h diazepam equivalent", P.diazepamEquivalent(s)), ("Seizure risk factors", P.seizureRisk(s)),
                           ("Other risk flags", P.riskFlags(s)), ("Allergies", P.allergies(s))] {
                items.append(.row([k, v], widths: kv, header: false))
            }
            items.append(.heading(L.title(.shiftNumbers)))
            items.append(.row(["CIWA-B", ph.ciwa(n.ciwa)], widths: kv, header: false))
            if let c = n.ciwa, !c.points.isEmpty { items.append(.chart(c)) }
            items.append(.row(["NEWS2", ph.news2(n.news2)], widths: kv, header: false))
            items.append(.row(["Sedation", ph.sedation(n.sedation)], widths: kv, header: false))
            if let e = ph.prnEmpty(n.prnDoses) {
                items.append(.row(["PRN doses", e], widths: kv, header: false))
            } else if let l = n.prnDoses {
                let c = [0.12 * w, 0.18 * w, 0.1 * w, 0.25 * w, 0.35 * w]
                items.append(.row(["PRN given", "Drug", "Dose", "Reason", "Effect"], widths: c, header: true))
                for d in l {
                    let effect = d.enteredInError == nil ? d.effect.map(PrintSafe.text) ?? "NOT YET RECORDED" : ""
                    let reason = d.enteredInError.map(HandoverPhrases.enteredInError) ?? d.reason.map(PrintSafe.text) ?? ""
                    items.append(.row([ph.at(d.at), PrintSafe.text(d.drug), PrintSafe.text(d.dose), reason, effect],
                                      widths: c, header: false))
                }
            }
            if let e = ph.scheduledEmpty(n.scheduledDoses) {
                items.append(.row(["Scheduled doses", e], widths: kv, header: false))
            } else if let l = n.scheduledDoses {
                let c = [0.1 * w, 0.18 * w, 0.1 * w, 0.15 * w, 0.1 * w, 0.37 * w]
                items.append(.row(["Due", "Drug", "Dose", "Outcome", "At", "Reason"], widths: c, header: true))
                for d in l {
                    let reason = [d.reason.map(PrintSafe.text), d.enteredInError.map(HandoverPhrases.enteredInError)]
                        .compactMap { $0 }.joined(separator: " — ")
                    items.append(.row([ph.at(d.due), PrintSafe.text(d.drug), PrintSafe.text(d.dose), d.outcome.rawValue,
                                       d.at.map(ph.at) ?? "", reason], widths: c, header: false))
                }
                items.append(.para("Scheduled doses: \(P.scheduledCounts(l))", indent: 12))
            }
            items.append(.heading(L.title(.actions)))
            for a in ph.actions(p.actions) { items.append(.para(a, indent: 12)) }
            items.append(.heading(L.title(.contingencies)))
            for c in P.contingencies(p) { items.append(.para(c, indent: 12)) }
            items.append(.heading(L.title(.synthesis)))
            items.append(.para(P.synthesis, indent: 12))
            out.append(Block(items: items, continued: .title(ident + " (cont.)", P.details(p), p.severity.severity.word)))
        }
        return out
    }

    // MARK: measuring and placing

    static let cellPad = 2.5

    func height(_ item: Item, _ c: PangoCanvas) -> Double {
        switch item {
        case .title(let l, let d, let r):
            return max(c.height(l, font: Self.titleFont, width: contentWidth - Self.severityWidth - 8)
                       + c.height(d, font: Self.body, width: contentWidth - Self.severityWidth - 8),
                       c.height(r, font: Self.titleFont, width: Self.severityWidth)) + 8
        case .heading(let t): return c.height(t, font: Self.bold, width: contentWidth) + 6
        case .para(let t, let indent): return c.height(t, font: Self.body, width: contentWidth - indent) + 1.5
        case .row(let cells, let widths, let header):
            let f = header ? Self.bold : Self.body
            return zip(cells, widths).map { c.height($0, font: f, width: $1 - 2 * Self.cellPad) }.max()! + 2 * Self.cellPad
        case .chart: return Self.chartHeight + 4
        }
    }

    func paginate(_ blocks: [Block], top: Double, _ c: PangoCanvas) -> [[Placed]] {
        let bottom = Self.pageHeight - Self.margin
        var pages: [[Placed]] = [[]]
        var y = top
        func newPage() { pages.append([]); y = top }
        func put(_ item: Item, _ h: Double) { pages[pages.count - 1].append(Placed(item: item, y: y, height: h)); y += h }
        for block in blocks {
            let heights = block.items.map { height($0, c) }
            let total = heights.reduce(0, +)
            let gap = pages[pages.count - 1].isEmpty ? 0 : Self.blockGap
            if y + gap + total <= bottom {
                y += gap
                for (i, h) in zip(block.items, heights) { put(i, h) }
                continue
            }
            if !pages[pages.count - 1].isEmpty { newPage() }
            let contH = height(block.continued, c)
            for (n, (i, h)) in zip(block.items, heights).enumerated() {
                if y + h > bottom, n > 0 { newPage(); put(block.continued, contH) }
                put(i, h)
            }
        }
        return pages
    }

    // MARK: drawing

    func draw(_ input: HandoverInput, path: String) throws {
        guard let surface = wl_cairo_pdf_surface_create(path, Self.pageWidth, Self.pageHeight) else {
            throw ReportError("cairo could not create a PDF at \(path)")
        }
        defer { wl_cairo_surface_destroy(surface) }
        let ph = HandoverPhrases(input: input)
        wl_cairo_pdf_surface_set_metadata(surface, Int32(WL_CAIRO_PDF_METADATA_TITLE), ph.title)
        wl_cairo_pdf_surface_set_metadata(surface, Int32(WL_CAIRO_PDF_METADATA_CREATOR), "Wardline")
        guard let cr = wl_cairo_create(surface) else { throw ReportError("cairo could not create a drawing context") }
        defer { wl_cairo_destroy(cr) }
        do {
            let c = PangoCanvas(cr: cr)
            let body = blocks(input)
            // The title makes room for "page N of N": lay out again if N needs more room than reserved.
            var head = header(ph, pages: 1, c)
            var pages = paginate(body, top: head.bodyTop, c)
            for _ in 0..<3 where header(ph, pages: pages.count, c) != head {
                head = header(ph, pages: pages.count, c)
                pages = paginate(body, top: head.bodyTop, c)
            }
            for (n, page) in pages.enumerated() {
                drawHeader(ph, head, page: n + 1, of: pages.count, c)
                for p in page { drawItem(p, input: input, c) }
                c.showPage()
            }
        }
        wl_cairo_surface_finish(surface)
        let status = wl_cairo_surface_status(surface)
        guard status == Int32(WL_CAIRO_STATUS_SUCCESS) else {
            throw ReportError("cairo could not write \(path): \(String(cString: wl_cairo_status_to_string(status)))")
        }
    }

    /// Where the page header's lines go: the same on every page, measured
    /// from the text (a long ward name or banner wraps and pushes the rest
    /// down; nothing is drawn at a fixed offset over something else).
    struct Header: Equatable {
        var titleWidth: Double
        var bannerY: Double?
        var printedY: Double
        var ruleY: Double
        var bodyTop: Double
    }

    func header(_ ph: HandoverPhrases, pages: Int, _ c: PangoCanvas) -> Header {
        let m = Self.margin
        // Room for the widest page number of a document of `pages` pages, right of the title.
        let pageNumber = "page \(pages) of \(pages)"
        let pageRoom = c.naturalWidth(pageNumber, font: Self.bold) + 2
        let titleWidth = contentWidth - pageRoom - 8
        var y = m + max(c.height(ph.title, font: Self.titleFont, width: titleWidth),
                        c.height(pageNumber, font: Self.bold, width: pageRoom)) + 2
        var bannerY: Double?
        if let banner = ph.unapprovedBanner {
            bannerY = y
            y += c.height(banner, font: Self.bold, width: contentWidth) + 1
        }
        let printedY = y
        y += c.height(ph.printed, font: Self.small, width: contentWidth)
        let ruleY = y + 3
        return Header(titleWidth: titleWidth, bannerY: bannerY, printedY: printedY, ruleY: ruleY, bodyTop: ruleY + Self.headerGap)
    }

    func drawHeader(_ ph: HandoverPhrases, _ h: Header, page: Int, of total: Int, _ c: PangoCanvas) {
        let m = Self.margin
        let right = "page \(page) of \(total)"
        let rw = c.naturalWidth(right, font: Self.bold) + 2
        c.text(ph.title, x: m, y: m, width: h.titleWidth, font: Self.titleFont)
        c.text(right, x: Self.pageWidth - m - rw, y: m + 1, width: rw, font: Self.bold)
        // The unapproved-protocol banner, in bold, on every page, above the printed-by line.
        if let banner = ph.unapprovedBanner, let y = h.bannerY {
            c.text(banner, x: m, y: y, width: contentWidth, font: Self.bold)
        }
        c.text(ph.printed, x: m, y: h.printedY, width: contentWidth, font: Self.small, gray: 0.25)
        c.line(m, h.ruleY, Self.pageWidth - m, h.ruleY, width: 1)
    }

    func drawItem(_ p: Placed, input: HandoverInput, _ c: PangoCanvas) {
        let x = Self.margin, w = contentWidth
        switch p.item {
        case .title(let l, let d, let r):
            c.fill(x, p.y, w, p.height - 2, gray: 0.85)
            let h = c.text(l, x: x + 4, y: p.y + 3, width: w - Self.severityWidth - 8, font: Self.titleFont)
            c.text(d, x: x + 4, y: p.y + 3 + h, width: w - Self.severityWidth - 8, font: Self.body)
            let rw = min(Self.severityWidth, c.naturalWidth(r, font: Self.titleFont) + 2)
            c.text(r, x: x + w - rw - 4, y: p.y + 3, width: rw, font: Self.titleFont)
        case .heading(let t):
            c.text(t, x: x, y: p.y + 4, width: w, font: Self.bold)
        case .para(let t, let indent):
            c.text(t, x: x + indent, y: p.y, width: w - indent, font: Self.body)
        case .row(let cells, let widths, let header):
            if header { c.fill(x, p.y, widths.reduce(0, +), p.height, gray: 0.93) }
            var cx = x
            for (cell, cw) in zip(cells, widths) {
                c.text(cell, x: cx + Self.cellPad, y: p.y + Self.cellPad, width: cw - 2 * Self.cellPad,
                       font: header ? Self.bold : Self.body)
                cx += cw
            }
            c.line(x, p.y + p.height, x + widths.reduce(0, +), p.y + p.height, width: 0.3, gray: 0.5)
        case .chart(let series):
            drawChart(series, x: x + 12, y: p.y + 2, width: min(w - 12, 300), height: Self.chartHeight, input: input, c)
        }
    }

    /// CIWA-B totals over the shift: time across, the instrument's range up,
    /// the protocol's band starts as dashed guide lines.
    func drawChart(_ s: ScoreSeries, x: Double, y: Double, width: Double, height: Double, input: HandoverInput, _ c: PangoCanvas) {
        let t = ReportTime(timeZone: input.timeZone)
        let gutter = 18.0, foot = 12.0, head = 11.0
        let px = x + gutter, py = y + head, pw = width - gutter - 4, ph = height - head - foot
        c.text("\(PrintSafe.text(s.scaleName)) this shift", x: x, y: y - 1, width: width, font: Self.small)
        c.stroke(px, py, pw, ph, width: 0.5, gray: 0.4)
        let lo = Double(s.range.lowerBound), hi = Double(max(s.range.upperBound, s.range.lowerBound + 1))
        func yOf(_ v: Int) -> Double { py + ph - (Double(v) - lo) / (hi - lo) * ph }
        let start = input.shift.start.timeIntervalSince1970, span = max(1, input.shift.duration)
        func xOf(_ d: Date) -> Double { px + min(1, max(0, (d.timeIntervalSince1970 - start) / span)) * pw }
        for b in s.bandStarts where Double(b) > lo && Double(b) < hi {
            c.line(px, yOf(b), px + pw, yOf(b), width: 0.3, gray: 0.6, dash: 2)
            c.text("\(b)", x: x, y: yOf(b) - 4, width: gutter - 2, font: Self.small, gray: 0.4)
        }
        c.text("\(s.range.upperBound)", x: x, y: py - 4, width: gutter - 2, font: Self.small, gray: 0.4)
        c.text("\(s.range.lowerBound)", x: x, y: py + ph - 5, width: gutter - 2, font: Self.small, gray: 0.4)
        c.text(t.time(input.shift.start), x: px, y: py + ph + 1, width: 40, font: Self.small, gray: 0.4)
        c.text(t.time(input.shift.end), x: px + pw - 22, y: py + ph + 1, width: 40, font: Self.small, gray: 0.4)
        let pts = s.points.map { (xOf($0.at), yOf($0.value)) }
        c.polyline(pts)
        for (pt, score) in zip(pts, s.points) {
            c.dot(pt.0, pt.1)
            c.text("\(score.value)", x: pt.0 - 6, y: pt.1 - 11, width: 24, font: Self.small)
        }
    }
}
