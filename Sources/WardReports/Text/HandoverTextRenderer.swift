import Foundation

/// The handover as fixed-pitch text: `columns` wide, paginated to
/// `pageLength` lines, a header with ward, shift and "page X of Y" on every
/// page, pages separated by a form feed. Every user string goes through
/// `PrintSafe`, so the output holds no control character but "\n" and "\u{0C}".
public struct HandoverTextRenderer: Sendable {
    public var columns: Columns
    public var pageLength: Int

    /// Lines of the page header (title, printed-by, rule) plus one blank line.
    static let pageHeaderLines = 4
    static let indent = 3

    public init(columns: Columns = .c80, paper: Paper = .a4) {
        self.columns = columns; self.pageLength = paper.linesPerPage
    }
    /// A custom page length (lines), e.g. 66 for continuous stationery.
    public init(columns: Columns, pageLength: Int) {
        precondition(pageLength > Self.pageHeaderLines + 8, "page length \(pageLength) is too short for a handover page")
        self.columns = columns; self.pageLength = pageLength
    }

    var width: Int { columns.rawValue }

    public func render(_ input: HandoverInput) -> String {
        pages(input).map { $0.joined(separator: "\n") + "\n" }.joined(separator: "\u{0C}")
    }

    /// Every page as its lines, page header included.
    public func pages(_ input: HandoverInput) -> [[String]] {
        let bodies = TextPaginator.paginate(blocks(input), bodyLines: pageLength - Self.pageHeaderLines)
        return bodies.enumerated().map { n, body in pageHeader(input, page: n + 1, of: bodies.count) + body }
    }

    // MARK: page header

    func pageHeader(_ input: HandoverInput, page: Int, of total: Int) -> [String] {
        let ph = HandoverPhrases(input: input)
        let right = "page \(page) of \(total)"
        let title = TextWidth.pad(ph.title, to: width - TextWidth.of(right) - 1) + " " + right
        // The header's fourth line is blank, or the unapproved-protocol banner (same page length either way).
        return [title, TextWidth.truncate(ph.printed, to: width), String(repeating: "=", count: width),
                ph.unapprovedBanner.map { TextWidth.truncate($0, to: width) } ?? ""]
    }

    // MARK: blocks

    func blocks(_ input: HandoverInput) -> [TextBlock] {
        [wardBlock(input), riskListBlock(input)] + input.patients.map { patientBlock($0, input: input) }
    }

    /// Word-wraps `text` under an indent, continuation lines hanging by 2.
    func para(_ text: String, indent: Int = HandoverTextRenderer.indent, hang: Int = 2) -> [String] {
        let pad = String(repeating: " ", count: indent)
        return TextWidth.wrap(text, width: width - indent, indent: hang).map { pad + $0 }
    }

    func wardBlock(_ input: HandoverInput) -> TextBlock {
        let ph = HandoverPhrases(input: input)
        let body = para("Shift: \(ph.shift)", indent: 0) + para("Census: \(ph.census)", indent: 0)
            + para("Headings: \(ph.headings)", indent: 0)
        return TextBlock(header: ["WARD SUMMARY", String(repeating: "-", count: width)], body: body,
                         continuedHeader: ["WARD SUMMARY (cont.)", String(repeating: "-", count: width)])
    }

    func riskListBlock(_ input: HandoverInput) -> TextBlock {
        let bedW = 5, sevW = 9
        let nameW = width == 80 ? 24 : 36
        let reasonW = width - bedW - sevW - nameW - 3
        let head = TextWidth.pad("Bed", to: bedW) + " " + TextWidth.pad("Patient", to: nameW) + " "
            + TextWidth.pad("Severity", to: sevW) + " " + "Why on the list"
        var body: [String] = []
        if input.patients.isEmpty { body.append("No patients on the ward.") }
        for p in input.patients {
            let reason = TextWidth.wrap(PrintSafe.text(p.severity.reason), width: reasonW)
            let names = TextWidth.wrap(HandoverPhrases.name(p), width: nameW)
            for i in 0..<max(reason.count, names.count) {
                let bed = i == 0 ? HandoverPhrases.bed(p) : ""
                let sev = i == 0 ? p.severity.severity.word : ""
                let line = TextWidth.pad(bed, to: bedW) + " " + TextWidth.pad(i < names.count ? names[i] : "", to: nameW) + " "
                    + TextWidth.pad(sev, to: sevW) + " " + (i < reason.count ? reason[i] : "")
                body.append(trimRight(line))
            }
        }
        let rule = String(repeating: "-", count: width)
        return TextBlock(header: ["PATIENTS BY RISK (highest first)", head, rule], body: body,
                         continuedHeader: ["PATIENTS BY RISK (cont.)", head, rule])
    }

    func patientHeader(_ p: PatientHandover, continued: Bool) -> [String] {
        let ident = "BED \(HandoverPhrases.bed(p))  \(HandoverPhrases.name(p))\(continued ? " (cont.)" : "")"
        let right = p.severity.severity.word
        let rule = String(repeating: "-", count: width)
        let line = ident + "  " + HandoverPhrases.details(p)
        return [rule, TextWidth.pad(line, to: width - TextWidth.of(right) - 1) + " " + right, rule]
    }

    func patientBlock(_ p: PatientHandover, input: HandoverInput) -> TextBlock {
        typealias P = HandoverPhrases
        let ph = P(input: input)
        let L = input.labels
        let s = p.summary, n = p.numbers
        var b: [String] = []

        b.append(L.title(.illnessSeverity))
        b += para(P.severity(p))
        if let o = P.override(p) { b += para(o) }
        for c in P.criticalAlerts(p.actions) { b += para(c) }

        b.append(L.title(.summary))
        b += para("Substances: \(P.substances(s))")
        b += para("Detox day: \(P.detoxDay(s)). Taper step today: \(P.taper(s)). 24-h diazepam equivalent: \(P.diazepamEquivalent(s)).")
        b += para("Seizure risk factors: \(P.seizureRisk(s))")
        b += para("Other risk flags: \(P.riskFlags(s))")
        b += para("Allergies: \(P.allergies(s))")

        b.append(L.title(.shiftNumbers))
        b += para("CIWA-B: \(ph.ciwa(n.ciwa))")
        b += para("NEWS2: \(ph.news2(n.news2))")
        b += para("Sedation: \(ph.sedation(n.sedation))")
        if let e = ph.prnEmpty(n.prnDoses) { b += para("PRN doses: \(e)") } else if let l = n.prnDoses {
            let voided = l.filter { $0.enteredInError != nil }.count
            b += para("PRN doses (\(l.count - voided)\(voided > 0 ? ", and \(voided) entered in error" : "")):")
            for d in l { b += para("- " + ph.prn(d), indent: Self.indent + 2) }
        }
        if let e = ph.scheduledEmpty(n.scheduledDoses) { b += para("Scheduled doses: \(e)") } else if let l = n.scheduledDoses {
            b += para("Scheduled doses: \(P.scheduledCounts(l))")
            for d in l { b += para("- " + ph.scheduled(d), indent: Self.indent + 2) }
        }

        b.append(L.title(.actions))
        for a in ph.actions(p.actions) { b += para(a) }

        b.append(L.title(.contingencies))
        for c in P.contingencies(p) { b += para(c) }

        b.append(L.title(.synthesis))
        b += para(P.synthesis)
        return TextBlock(header: patientHeader(p, continued: false), body: b.map(trimRight),
                         continuedHeader: patientHeader(p, continued: true))
    }

    func trimRight(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
