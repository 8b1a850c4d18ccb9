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
        let t = ReportTime(timeZone: input.timeZone)
        let right = "page \(page) of \(total)"
        let left = "\(PrintSafe.text(input.wardName)) - HANDOVER - \(PrintSafe.text(input.shiftLabel)) shift \(t.date(input.shift.start))"
        let title = TextWidth.pad(left, to: width - TextWidth.of(right) - 1) + " " + right
        let printed = "Printed \(t.dateTime(input.printedAt)) by \(PrintSafe.text(input.printedBy)). Confidential patient information."
        return [title, TextWidth.truncate(printed, to: width), String(repeating: "=", count: width), ""]
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
        let t = ReportTime(timeZone: input.timeZone)
        let c = input.census
        func count(_ n: Int?) -> String { n.map(String.init) ?? "not recorded" }
        var body: [String] = []
        body += para("Shift: \(PrintSafe.text(input.shiftLabel)), \(t.dateTime(input.shift.start)) to \(t.dateTime(input.shift.end))", indent: 0)
        body += para("Census: \(c.occupied) occupied, \(c.empty) empty beds; admissions this shift: \(count(c.admissions)); discharges this shift: \(count(c.discharges))", indent: 0)
        body += para("Headings: \(input.labels == .ipass ? "I-PASS" : "SBAR"). Severity is derived from the latest CIWA-B band unless a nurse overrode it (reason shown).", indent: 0)
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
            let names = TextWidth.wrap(PrintSafe.text(p.summary.name), width: nameW)
            for i in 0..<max(reason.count, names.count) {
                let bed = i == 0 ? PrintSafe.text(p.summary.bed ?? "-") : ""
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
        let s = p.summary
        var ident = "BED \(PrintSafe.text(s.bed ?? "-"))  \(PrintSafe.text(s.name))"
        if continued { ident += " (cont.)" }
        var details: [String] = []
        if let age = s.age { details.append("\(age)\(s.sex.map { " " + PrintSafe.text($0) } ?? "")") }
        details.append("MRN \(PrintSafe.text(s.mrn))")
        let right = p.severity.severity.word
        let rule = String(repeating: "-", count: width)
        let line = ident + "  " + details.joined(separator: "  ")
        let room = width - TextWidth.of(right) - 1
        return [rule, TextWidth.pad(line, to: room) + " " + right, rule]
    }

    func patientBlock(_ p: PatientHandover, input: HandoverInput) -> TextBlock {
        let t = ReportTime(timeZone: input.timeZone)
        func at(_ d: Date) -> String { t.timeOrDateTime(d, relativeTo: input.shift.start) }
        let L = input.labels
        var b: [String] = []

        b.append(L.title(.illnessSeverity))
        b += para("\(p.severity.severity.word): \(PrintSafe.text(p.severity.basis))")
        if let o = p.severity.overrideReason { b += para("Overridden by nurse: \(PrintSafe.text(o))") }

        let s = p.summary
        b.append(L.title(.summary))
        b += para("Substances: " + (s.substances.isEmpty ? "none recorded" : s.substances.map(PrintSafe.text).joined(separator: "; ")))
        b += para("Detox day: \(s.detoxDay.map(String.init) ?? "not recorded")."
                  + " Taper step today: \(s.taperStepToday.map(PrintSafe.text) ?? "not recorded")."
                  + " 24-h diazepam equivalent: \(s.diazepamEquivalent24hMg.map { "\(Self.mg($0)) mg" } ?? "not recorded").")
        b += para("Seizure risk factors: " + (s.seizureRiskFactors.isEmpty ? "none recorded" : s.seizureRiskFactors.map(PrintSafe.text).joined(separator: "; ")))
        let allergies: String = switch s.allergies {
        case nil: "not recorded"
        case let a? where a.isEmpty: "no known drug allergies"
        case let a?: a.map(PrintSafe.text).joined(separator: "; ")
        }
        b += para("Allergies: \(allergies)")

        let n = p.numbers
        b.append(L.title(.shiftNumbers))
        b += para(Self.ciwaLine(n.ciwa, at: at))
        if let news = n.news2 {
            var line = "NEWS2: last \(news.last.value) at \(at(news.last.at)), worst \(news.worst.value) at \(at(news.worst.at))"
            line += news.redParameters.isEmpty ? "; no red parameter" : "; red parameter: " + news.redParameters.map(PrintSafe.text).joined(separator: ", ")
            b += para(line)
        } else { b += para("NEWS2: not recorded") }
        switch n.sedation {
        case nil: b += para("Sedation: not recorded")
        case let list? where list.isEmpty: b += para("Sedation: none scored this shift")
        case let list?: b += para("Sedation: " + list.map { "\(PrintSafe.text($0.scale)) \(PrintSafe.text($0.score)) at \(at($0.at))" }.joined(separator: ", "))
        }
        switch n.prnDoses {
        case nil: b += para("PRN doses: not recorded")
        case let list? where list.isEmpty: b += para("PRN doses: none this shift")
        case let list?:
            b += para("PRN doses (\(list.count)):")
            for d in list {
                var line = "- \(at(d.at)) \(PrintSafe.text(d.drug)) \(PrintSafe.text(d.dose))"
                if let r = d.reason { line += " for \(PrintSafe.text(r))" }
                line += "; effect: " + (d.effect.map(PrintSafe.text) ?? "NOT YET RECORDED")
                b += para(line, indent: Self.indent + 2)
            }
        }
        switch n.scheduledDoses {
        case nil: b += para("Scheduled doses: not recorded")
        case let list? where list.isEmpty: b += para("Scheduled doses: none due this shift")
        case let list?:
            let counts = DoseOutcome.allCases.map { o in "\(list.filter { $0.outcome == o }.count) \(o.rawValue)" }
            b += para("Scheduled doses: " + counts.joined(separator: ", "))
            for d in list {
                var line = "- due \(at(d.due)) \(PrintSafe.text(d.drug)) \(PrintSafe.text(d.dose)): \(d.outcome.rawValue)"
                if let g = d.at { line += " at \(at(g))" }
                if let r = d.reason { line += " (\(PrintSafe.text(r)))" }
                b += para(line, indent: Self.indent + 2)
            }
        }

        b.append(L.title(.actions))
        if p.actions.items.isEmpty { b += para("No actions recorded") }
        for a in p.actions.items {
            let when = a.due.map { " \(at($0))" } ?? ""
            b += para("- [\(a.kind.rawValue)\(when)] \(PrintSafe.text(a.text))")
        }
        switch p.actions.alerts {
        case nil: b += para("No alerts recorded")
        case let list? where list.isEmpty: b += para("No open alerts")
        case let list?: for a in list { b += para("- ALERT: \(PrintSafe.text(a))") }
        }

        b.append(L.title(.contingencies))
        let lines = p.contingencies.flatMap(PrintSafe.lines)
        if lines.isEmpty { b += para("None written") }
        for c in lines { b += para("- \(c)") }

        b.append(L.title(.synthesis))
        b += para("Received by: ______________________  Time: ________  Questions: ____________")
        return TextBlock(header: patientHeader(p, continued: false), body: b.map(trimRight),
                         continuedHeader: patientHeader(p, continued: true))
    }

    static func ciwaLine(_ series: ScoreSeries?, at: (Date) -> String) -> String {
        guard let c = series else { return "CIWA-B: not recorded" }
        let name = PrintSafe.text(c.scaleName)
        guard let last = c.last, let lo = c.min, let hi = c.max, let trend = c.trend else {
            let prior = c.before.map { " (last before the shift: \($0.value) at \(at($0.at)))" } ?? ""
            return "\(name): none this shift\(prior)"
        }
        func label(_ s: TimedScore) -> String { s.label.map { " (\(PrintSafe.text($0)))" } ?? "" }
        return "\(name): last \(last.value)\(label(last)) at \(at(last.at)); min \(lo.value) at \(at(lo.at)); "
            + "max \(hi.value) at \(at(hi.at)); trend \(trend.word); \(c.points.count) score\(c.points.count == 1 ? "" : "s") this shift"
    }

    static func mg(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v)
    }

    func trimRight(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
