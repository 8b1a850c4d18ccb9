import Foundation
import WardCore

/// The wording of each handover line, shared by the text and PDF renderers
/// so both say exactly the same thing. Every user string is made print-safe here.
struct HandoverPhrases {
    let input: HandoverInput
    var t: ReportTime { ReportTime(timeZone: input.timeZone) }
    func at(_ d: Date) -> String { t.timeOrDateTime(d, relativeTo: input.shift.start) }
    static let notRecorded = "not recorded"

    // Ward page
    var shift: String { "\(PrintSafe.text(input.shiftLabel)), \(t.dateTime(input.shift.start)) to \(t.dateTime(input.shift.end))" }
    var census: String {
        let c = input.census
        func count(_ n: Int?) -> String { n.map(String.init) ?? Self.notRecorded }
        return "\(c.occupied) occupied, \(c.empty) empty beds; admissions this shift: \(count(c.admissions)); discharges this shift: \(count(c.discharges))"
    }
    var headings: String {
        "\(input.labels == .ipass ? "I-PASS" : "SBAR"). Severity by the protocol's rule (alerts, NEWS2, sedation, events, CIWA band) or a nurse's override (reason shown)."
    }
    var printed: String { "Printed \(t.dateTime(input.printedAt)) by \(PrintSafe.text(input.printedBy)). Confidential patient information." }
    /// Every page header while the protocol is not approved; nil once it is.
    var unapprovedBanner: String? {
        input.unapprovedProtocol.map { "*** PROTOCOL NOT APPROVED *** approvedBy: \(PrintSafe.text($0))" }
    }
    var title: String { "\(PrintSafe.text(input.wardName)) - HANDOVER - \(PrintSafe.text(input.shiftLabel)) shift \(t.date(input.shift.start))" }

    // Identity
    static func bed(_ p: PatientHandover) -> String { PrintSafe.text(p.summary.bed ?? "-") }
    static func name(_ p: PatientHandover) -> String { PrintSafe.text(p.summary.name) }
    static func details(_ p: PatientHandover) -> String {
        let s = p.summary
        var d: [String] = []
        if let age = s.age { d.append("\(age)\(s.sex.map { " " + PrintSafe.text($0) } ?? "")") }
        d.append("MRN \(PrintSafe.text(s.mrn))")
        return d.joined(separator: "  ")
    }

    // I
    static func severity(_ p: PatientHandover) -> String { "\(p.severity.severity.word): \(PrintSafe.text(p.severity.basis))" }
    static func override(_ p: PatientHandover) -> String? { p.severity.overrideReason.map { "Overridden by nurse: \(PrintSafe.text($0))" } }

    // P
    static func list(_ items: [String], empty: String) -> String {
        items.isEmpty ? empty : items.map(PrintSafe.text).joined(separator: "; ")
    }
    static func substances(_ s: PatientSummary) -> String { list(s.substances, empty: "none recorded") }
    static func detoxDay(_ s: PatientSummary) -> String { s.detoxDay.map(String.init) ?? notRecorded }
    static func taper(_ s: PatientSummary) -> String { s.taperStepToday.map(PrintSafe.text) ?? notRecorded }
    static func diazepamEquivalent(_ s: PatientSummary) -> String { s.diazepamEquivalent24hMg.map { "\(mg($0)) mg" } ?? notRecorded }
    static func seizureRisk(_ s: PatientSummary) -> String { list(s.seizureRiskFactors, empty: "none recorded") }
    static func riskFlags(_ s: PatientSummary) -> String { list(s.riskFlags, empty: "none") }
    static func allergies(_ s: PatientSummary) -> String {
        switch s.allergies {
        case nil: "NOT YET KNOWN"
        case let a? where a.isEmpty: "no known drug allergies"
        case let a?: list(a, empty: "")
        }
    }
    static func mg(_ v: Double) -> String { DoseText.mg(v) }

    // Shift in numbers
    func ciwa(_ series: ScoreSeries?) -> String {
        guard let c = series else { return "\(Self.notRecorded)" }
        guard let last = c.last, let lo = c.min, let hi = c.max, let trend = c.trend else {
            let prior = c.before.map { " (last before the shift: \($0.value) at \(at($0.at)))" } ?? ""
            return "none this shift\(prior)"
        }
        func label(_ s: TimedScore) -> String { s.label.map { " (\(PrintSafe.text($0)))" } ?? "" }
        return "last \(last.value)\(label(last)) at \(at(last.at)); min \(lo.value) at \(at(lo.at)); "
            + "max \(hi.value) at \(at(hi.at)); trend \(trend.word); \(c.points.count) score\(c.points.count == 1 ? "" : "s") this shift"
    }
    func news2(_ n: NEWS2Summary?) -> String {
        guard let n else { return Self.notRecorded }
        return "last \(n.last.value) at \(at(n.last.at)), worst \(n.worst.value) at \(at(n.worst.at)); "
            + (n.redParameters.isEmpty ? "no red parameter" : "red parameter: " + n.redParameters.map(PrintSafe.text).joined(separator: ", "))
    }
    func sedation(_ s: [SedationScore]?) -> String {
        switch s {
        case nil: Self.notRecorded
        case let l? where l.isEmpty: "none scored this shift"
        case let l?: l.map { "\(PrintSafe.text($0.scale)) \(PrintSafe.text($0.score)) at \(at($0.at))" }.joined(separator: ", ")
        }
    }
    func prnEmpty(_ l: [PRNDose]?) -> String? {
        switch l { case nil: Self.notRecorded; case let l? where l.isEmpty: "none this shift"; default: nil }
    }
    func prn(_ d: PRNDose) -> String {
        var line = "\(at(d.at)) \(PrintSafe.text(d.drug)) \(PrintSafe.text(d.dose))"
        if let e = d.enteredInError { return line + ": " + Self.enteredInError(e) }
        if let r = d.reason { line += " for \(PrintSafe.text(r))" }
        return line + "; effect: " + (d.effect.map(PrintSafe.text) ?? "NOT YET RECORDED")
    }
    func scheduledEmpty(_ l: [ScheduledDose]?) -> String? {
        switch l { case nil: Self.notRecorded; case let l? where l.isEmpty: "none due this shift"; default: nil }
    }
    static func scheduledCounts(_ l: [ScheduledDose]) -> String {
        let counted = l.filter { $0.enteredInError == nil }
        let voided = l.count - counted.count
        return DoseOutcome.allCases.map { o in "\(counted.filter { $0.outcome == o }.count) \(o.rawValue)" }.joined(separator: ", ")
            + (voided > 0 ? "; \(voided) record\(voided == 1 ? "" : "s") entered in error (not counted)" : "")
    }
    /// "ENTERED IN ERROR (not counted): wrong patient"
    static func enteredInError(_ reason: String) -> String { "ENTERED IN ERROR (not counted): " + PrintSafe.text(reason) }
    func scheduled(_ d: ScheduledDose) -> String {
        var line = "due \(at(d.due)) \(PrintSafe.text(d.drug)) \(PrintSafe.text(d.dose)): \(d.outcome.rawValue)"
        if let g = d.at { line += " at \(at(g))" }
        if let r = d.reason { line += " (\(PrintSafe.text(r)))" }
        if let e = d.enteredInError { line += " — " + Self.enteredInError(e) }
        return line
    }

    // A
    func actions(_ a: ActionList) -> [String] {
        var out: [String] = a.items.isEmpty ? ["No actions recorded"] : []
        for i in a.items { out.append("- [\(i.kind.rawValue)\(i.due.map { " " + at($0) } ?? "")] \(PrintSafe.text(i.text))") }
        switch a.alerts {
        case nil: out.append("No alerts recorded")
        case let l? where l.isEmpty: out.append("No open alerts")
        case let l?:
            let rest = l.filter { !Self.isCritical($0) }
            if rest.count < l.count { out.append("Critical alerts: at the top of this patient") }
            out += rest.map { "- ALERT: \(PrintSafe.text($0))" }
        }
        return out
    }

    /// The open critical alerts, which lead the patient's block (right under the severity).
    static func criticalAlerts(_ a: ActionList) -> [String] {
        (a.alerts ?? []).filter(isCritical).map { "!! \(PrintSafe.text($0))" }
    }

    static func isCritical(_ line: String) -> Bool { line.hasPrefix(AlertSeverity.critical.word + ":") }

    // S
    static func contingencies(_ p: PatientHandover) -> [String] {
        let lines = p.contingencies.flatMap(PrintSafe.lines)
        return lines.isEmpty ? ["None written"] : lines.map { "- \($0)" }
    }
    static let synthesis = "Received by: ______________________ Time: ________ Questions: ____________"
}
