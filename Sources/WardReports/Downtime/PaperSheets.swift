import Foundation

/// Blank paper charts to carry on when Wardline is down: a three-day
/// observation sheet and a three-day MAR per patient, one page each,
/// identity printed at the top. They hold no clinical number: how often to
/// observe and what to give come from the ward protocol and the prescription.
public struct PaperSheets: Sendable {
    public var columns: Columns
    public var pageLength: Int
    public var days: Int

    public init(columns: Columns = .c80, paper: Paper = .a4, days: Int = 3) {
        self.columns = columns; self.pageLength = paper.linesPerPage; self.days = days
    }

    var width: Int { columns.rawValue }

    func identity(_ p: PatientHandover, title: String, input: HandoverInput) -> [String] {
        let t = ReportTime(timeZone: input.timeZone)
        let who = "BED \(HandoverPhrases.bed(p))  \(HandoverPhrases.name(p))  \(HandoverPhrases.details(p))"
        var lines = [TextWidth.truncate("\(PrintSafe.text(input.wardName)) - \(title)", to: width),
                     String(repeating: "=", count: width)]
        lines += TextWidth.wrap(who, width: width, indent: 2)
        lines += TextWidth.wrap("Allergies: \(HandoverPhrases.allergies(p.summary))   Seizure risk: \(HandoverPhrases.seizureRisk(p.summary))",
                                width: width, indent: 2)
        lines.append(TextWidth.truncate("Printed \(t.dateTime(input.printedAt)) for downtime.  Sheet ___ of ___", to: width))
        return lines
    }

    /// Splits the rows left on the page between the days.
    func rowsPerDay(after used: Int, linesPerRow: Int, extraPerDay: Int) -> Int {
        let free = pageLength - used - 1
        return max(1, (free / days - extraPerDay) / linesPerRow)
    }

    static func row(_ cells: [String], _ widths: [Int]) -> String {
        "|" + zip(cells, widths).map { TextWidth.pad($0, to: $1) + "|" }.joined()
    }
    static func rule(_ widths: [Int]) -> String { "+" + widths.map { String(repeating: "-", count: $0) + "+" }.joined() }

    /// Observation sheet: CIWA-B, NEWS2 parameters, sedation, initials.
    public func observationSheet(_ p: PatientHandover, input: HandoverInput) -> [String] {
        let cells = ["Time", "CIWA-B", "RR", "SpO2", "O2", "BP", "HR", "Temp", "ACVPU", "Sed.", "Init."]
        var widths = [6, 6, 4, 5, 4, 8, 4, 5, 6, 5, 6]
        let used = widths.reduce(0, +) + widths.count + 1
        widths[5] += width - used                            // the rest goes to blood pressure
        var lines = identity(p, title: "OBSERVATION SHEET (downtime)", input: input)
        let head = Self.row(cells, widths), rule = Self.rule(widths)
        let per = rowsPerDay(after: lines.count, linesPerRow: 2, extraPerDay: 3)
        for day in 1...days {
            lines.append("Day \(day)  date: ____________")
            lines += [rule, head, rule]
            for _ in 0..<per { lines += [Self.row(Array(repeating: "", count: cells.count), widths), rule] }
        }
        return Array(lines.prefix(pageLength))
    }

    /// MAR: medicine rows (copied from the prescription), time, and a
    /// given/initials cell per day.
    public func marSheet(_ p: PatientHandover, input: HandoverInput) -> [String] {
        var lines = identity(p, title: "MEDICATION ADMINISTRATION RECORD (downtime)", input: input)
        lines += TextWidth.wrap("Taper step today: \(HandoverPhrases.taper(p.summary)). 24-h diazepam equivalent: \(HandoverPhrases.diazepamEquivalent(p.summary)). Copy every order from the prescription chart; write G given, H held, R refused with initials and the reason overleaf.", width: width, indent: 2)
        let dayW = width == 80 ? 12 : 22
        var widths = [0, 6] + Array(repeating: dayW, count: days)
        widths[0] = width - (widths.reduce(0, +) + widths.count + 1)
        let head = Self.row(["Medicine, dose, route, frequency", "Time"] + (1...days).map { "Day \($0) __/__" }, widths)
        let rule = Self.rule(widths)
        lines += [rule, head, rule]
        let rows = max(1, (pageLength - lines.count - 1) / 2)
        for _ in 0..<rows { lines += [Self.row(Array(repeating: "", count: widths.count), widths), rule] }
        return Array(lines.prefix(pageLength))
    }

    /// One page per patient (bed order), pages separated by form feeds.
    public func render(_ input: HandoverInput, sheet: (PatientHandover, HandoverInput) -> [String]) -> String {
        let patients = input.patients.sorted { ($0.summary.bed ?? "").compare($1.summary.bed ?? "", options: .numeric) == .orderedAscending }
        if patients.isEmpty { return "No patients on the ward.\n" }
        return patients.map { sheet($0, input).joined(separator: "\n") + "\n" }.joined(separator: "\u{0C}")
    }
}

extension DowntimePack {
    /// The standard pack for a ward: a README, the handover of the last
    /// 24 hours (text, and PDF when `pdf` is true), blank observation and
    /// MAR sheets for every patient.
    public static func documents(for input: HandoverInput, columns: Columns = .c80, paper: Paper = .a4,
                                 pdf: Bool = true) throws -> [DowntimeDocument] {
        let sheets = PaperSheets(columns: columns, paper: paper)
        let t = ReportTime(timeZone: input.timeZone)
        var docs = [
            DowntimeDocument(name: "README.txt", text: """
            WARDLINE DOWNTIME PACK - \(PrintSafe.text(input.wardName))
            Written \(t.dateTime(input.printedAt)); covers \(t.dateTime(input.shift.start)) to \(t.dateTime(input.shift.end)).

            \((pdf ? "handover.txt / handover.pdf" : "handover.txt").padding(toLength: 29, withPad: " ", startingAt: 0))every patient: taper, doses, scores of the period above
            observation-sheets.txt       blank 3-day observation chart per patient
            mar-sheets.txt               blank 3-day medication record per patient
            audit-anchor.txt             the audit trail's newest event (ward IT keeps these)

            Print what you need: lp FILE.pdf; the .txt files with the page set-up
            they were laid out for (margins, 6 lines per inch):
              lp \(Printer.textOptions(columns: columns).map { "-o \($0)" }.joined(separator: " ")) FILE.txt
            Record on paper until Wardline is back, then enter every entry with
            its real time. See docs/downtime.md.

            """),
            DowntimeDocument(name: "handover.txt", text: HandoverTextRenderer(columns: columns, paper: paper).render(input)),
            DowntimeDocument(name: "observation-sheets.txt", text: sheets.render(input, sheet: sheets.observationSheet)),
            DowntimeDocument(name: "mar-sheets.txt", text: sheets.render(input, sheet: sheets.marSheet)),
        ]
        if pdf {
            docs.append(DowntimeDocument(name: "handover.pdf", contents: try HandoverPDFRenderer().data(input)))
        }
        return docs
    }
}
