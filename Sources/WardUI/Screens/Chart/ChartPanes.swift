import Foundation
import WardCore

/// The chart's re-assessment clock, pane tabs, 72-hour trends and the
/// vital-signs and sedation tables.
enum ChartPanes {
    /// Rows for the next-due line: one check per row on a narrow screen.
    static func clockRows(_ size: Size) -> Int { size.cols >= 120 ? 2 : 3 }
    static let trendRows = 2
    /// The trend window.
    static let trendHours = 72.0

    // MARK: clock

    static func dues(_ state: AppState, _ id: PatientID) -> [ObservationDue] {
        guard let h = state.ward?.observationHistoryWithPRN(for: id, now: state.now) else { return [] }
        return ObservationClock(state.wardProtocol).due(h, now: state.now)
    }

    /// Where each due check of the "Next:" block goes at `width`: its row (0 = the first), column,
    /// text and whether a " · " leads it; a check that does not fit its row starts the next one.
    static func clockLayout(_ state: AppState, _ id: PatientID, width: Int)
        -> [(row: Int, x: Int, text: String, separated: Bool, due: ObservationDue)] {
        var out: [(row: Int, x: Int, text: String, separated: Bool, due: ObservationDue)] = []
        var row = 0, x = 1 + Text.width("Next: ")
        for (n, d) in dues(state, id).enumerated() {
            let t = DueText.text(d, now: state.now, calendar: state.calendar)
            let sep = n == 0 ? "" : " · "
            let wraps = x + Text.width(sep + t) > width - 1 && n > 0
            if wraps { row += 1; x = 7 } else { x += Text.width(sep) }
            out.append((row, x, t, !wraps && n > 0, d))
            x += min(Text.width(t), max(0, width - x - 1))
        }
        return out
    }

    /// Rows the "Next:" block needs at `width`: every due check shown, none dropped in silence.
    static func clockLines(_ state: AppState, _ id: PatientID, width: Int) -> Int {
        (clockLayout(state, id, width: width).last?.row ?? 0) + 1
    }

    /// "Next: CIWA-B due 14:30 (in 25 min) · vital signs OVERDUE 10 min (due 13:55) · …", wrapped.
    static func drawClock(_ s: inout Surface, y: Int, state: AppState, patient p: Patient, rows: Int? = nil) {
        let clockRows = rows ?? clockRows(s.size)
        s.put("Next: ", x: 1, y: y, role: .muted, emphasis: .bold)
        for item in clockLayout(state, p.id, width: s.width) where item.row < clockRows {
            if item.separated { s.put(" · ", x: item.x - 3, y: y + item.row, role: .muted) }
            let emphasis: Emphasis = [.upcoming, .deferred, .suspended].contains(item.due.status) ? [] : .bold
            s.put(fit: item.text, x: item.x, y: y + item.row, width: max(0, s.width - item.x - 1), role: DueText.role(item.due),
                  emphasis: emphasis)
        }
    }

    /// The over-sedation pathway's instruction for this patient now (the protocol's
    /// response text, whole: wrapped, never cut), when the latest sedation score or
    /// vital signs reach a level. Nothing otherwise.
    static func drawOverSedation(_ s: inout Surface, y: Int, state: AppState, patient p: Patient) {
        guard let w = state.ward else { return }
        let sedation = w.latestTimedSedation(for: p.id), vitals = w.latestTimedVitals(for: p.id)
        guard let call = state.wardProtocol.oversedation.assess(sedation: sedation, vitals: vitals, spo2Scale2: p.spo2Scale2) else { return }
        let head = call.level == .emergency ? "" : "SEDATED (\(call.findings.joined(separator: ", "))): "
        let lines = Text.wrap(head + call.response, width: s.width - 2, maxLines: 5)
        s.fill(Rect(x: 0, y: y, width: s.width, height: lines.count), role: .text)
        for (i, line) in lines.enumerated() {
            s.put(fit: line, x: 1, y: y + i, width: s.width - 2, role: .alertCritical, emphasis: .bold)
        }
    }

    /// "Handover: WATCHER (set by …) · if … then … · …": what this shift has
    /// written for its handover so far; before anything is, what the last
    /// handover passed on ("From the day handover: …"). Nothing when neither has any.
    /// Whether the chart shows a handover line (notes or a severity for this or the last shift).
    static func hasHandoverLine(_ state: AppState, _ p: Patient) -> Bool {
        var probe = Surface(size: Size(cols: max(1, state.size.cols), rows: 1))
        drawHandoverLine(&probe, y: 0, state: state, patient: p)
        return probe.textLines().first.map { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? false
    }

    static func drawHandoverLine(_ s: inout Surface, y: Int, state: AppState, patient p: Patient) {
        guard let book = state.ward?.handover else { return }
        func content(_ shift: ShiftOccurrence) -> (notes: [HandoverNote], level: (SeverityLevel, String)?)? {
            let notes = book.notes(for: p.id, shiftStart: shift.start)
            let level = book.override(for: p.id, shiftStart: shift.start).flatMap { o in o.level.map { ($0, o.byName) } }
            return notes.isEmpty && level == nil ? nil : (notes, level)
        }
        let current = state.currentShift
        let previous = current.flatMap { HandoverShift.previous(state.wardProtocol.shifts, before: $0, calendar: state.calendar) }
        let label: String, found: (notes: [HandoverNote], level: (SeverityLevel, String)?)
        if let c = current, let f = content(c) { (label, found) = ("Handover: ", f) }
        else if let pr = previous, let f = content(pr) {
            (label, found) = ("From the \(HandoverShift.label(pr, calendar: state.calendar).lowercased()) handover: ", f)
        } else { return }
        let (notes, level) = found
        s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .text)
        var x = 1
        x += s.put(label, x: x, y: y, role: .muted, emphasis: .bold)
        if let (l, by) = level {
            x += s.put(l.rawValue.uppercased(), x: x, y: y, role: l == .unstable ? .alertCritical : l == .watcher ? .alertWarning : .saved,
                       emphasis: .bold)
            x += s.put(fit: " (set by \(by))" + (notes.isEmpty ? "" : " · "), x: x, y: y, width: max(0, s.width - x - 1), role: .muted)
        }
        let tail = notes.count > 1 ? " (\(notes.count) notes; H shows all)" : ""
        let room = max(0, s.width - x - 1 - Text.width(tail))
        x += s.put(fit: notes.map(\.text).joined(separator: " · "), x: x, y: y, width: room, role: .text)
        s.put(fit: tail, x: x, y: y, width: max(0, s.width - x - 1), role: .muted)
    }

    static func drawTabs(_ s: inout Surface, y: Int, state: AppState, cs: ChartState) {
        var x = 1
        for (n, pane) in ChartPane.allCases.enumerated() {
            let on = pane == cs.pane
            let label = on ? "[\(n + 1) \(pane.title)]" : " \(n + 1) \(pane.title) "
            x += s.put(label, x: x, y: y, role: on ? .selection : .muted, emphasis: on ? .bold : []) + 1
        }
        // The diazepam-equivalence table in force (every DE on the MAR and in the order form uses it), at the right.
        let table = "DE table: \(state.wardProtocol.equivalence.selected)"
        let tx = s.width - Text.width(table) - 1
        s.put(table, x: tx, y: y, role: .text, emphasis: .bold)
        // The hint gives way from its front ("Tab: next pane" is also in the key legend), keeping "e amend".
        let room = max(0, tx - x - 3)
        let hint = ["Tab: next pane · ↑↓ select · e amend", "↑↓ select · e amend", "e amend"].first { Text.width($0) <= room } ?? ""
        s.put(fit: hint, x: x + 1, y: y, width: room, role: .muted)
    }

    // MARK: trends

    static func window(_ state: AppState) -> Date { state.now.addingTimeInterval(-trendHours * 3600) }

    static func drawTrend(_ s: inout Surface, y: Int, state: AppState, label: String, values: [Int], range: ClosedRange<Int>,
                          latest: String?, empty: String) {
        var x = 1
        x += s.put(label + " ", x: x, y: y, role: .header, emphasis: .bold)
        guard !values.isEmpty else {
            s.put(fit: empty, x: x, y: y, width: max(0, s.width - x - 1), role: .muted)
            return
        }
        let room = max(8, min(values.count, s.width / 2 - 24))
        x += s.put("72 h (\(range.lowerBound)–\(range.upperBound)): ", x: x, y: y, role: .muted)
        x += s.put(Sparkline.render(values, range: range, width: room, asciiOnly: state.asciiOnly), x: x, y: y, role: .text, emphasis: .bold) + 2
        if let latest { s.put(fit: latest, x: x, y: y, width: max(0, s.width - x - 1), role: .muted) }
    }

    static func drawScoreTrends(_ s: inout Surface, y: Int, state: AppState, patient p: Patient) {
        guard let w = state.ward else { return }
        for (n, scale) in [ScaleKind.ciwaB, .ciwaAr].enumerated() {
            guard let def = ScaleDefinition.catalog[scale] else { continue }
            let recent = w.current(scale, for: p.id).filter { $0.recordedAt >= window(state) }.sorted { $0.recordedAt < $1.recordedAt }
            let latest = w.latest(scale, for: p.id).map { a in
                "latest \(a.total) \(state.wardProtocol.band(scale, total: a.total)?.name ?? "no band"), \(Format.ago(a.recordedAt, now: state.now))"
            }
            let key = scale == .ciwaB ? "b" : "a"
            drawTrend(&s, y: y + n, state: state, label: def.name, values: recent.map(\.total), range: def.totalRange, latest: latest,
                      empty: "none in 72 h — press \(key) to score one")
        }
    }

    static func drawVitalsTrend(_ s: inout Surface, y: Int, state: AppState, patient p: Patient) {
        guard let w = state.ward else { return }
        let rules = state.wardProtocol.news2
        let recent = w.currentVitals(for: p.id).filter { $0.stamp.recordedAt >= window(state) }.reversed()
        let latest = w.currentVitals(for: p.id).first.map { e in
            let sc = rules.score(e.vitals, scale2: e.scale2)
            return "latest NEWS2 \(sc.total) \(sc.risk.rawValue), \(Format.ago(e.stamp.recordedAt, now: state.now))"
        }
        drawTrend(&s, y: y, state: state, label: "NEWS2", values: recent.map { rules.score($0.vitals, scale2: $0.scale2).total },
                  range: 0...rules.maxTotal, latest: latest, empty: "no vital signs in 72 h — press v to record a set")
        if p.spo2Scale2 { s.put("SpO2 scale 2 is set for this patient (target 88–92 % as prescribed).", x: 1, y: y + 1, role: .alertInfo) }
    }

    static func drawSedationTrend(_ s: inout Surface, y: Int, state: AppState, patient p: Patient) {
        guard let w = state.ward else { return }
        let recent = w.currentSedation(for: p.id).filter { $0.stamp.recordedAt >= window(state) }.reversed()
        var rass: [Int] = [], poss: [Int] = []
        for e in recent { switch e.score { case .rass(let v): rass.append(v); case .poss(let l): poss.append(l.rank) } }
        let latest = w.currentSedation(for: p.id).first.map { "latest \($0.score.display), \(Format.ago($0.stamp.recordedAt, now: state.now))" }
        drawTrend(&s, y: y, state: state, label: "RASS", values: rass, range: SedationScore.rassRange, latest: latest,
                  empty: "no RASS in 72 h — press s to score")
        drawTrend(&s, y: y + 1, state: state, label: "POSS", values: poss, range: 0...4, latest: nil, empty: "no POSS in 72 h")
    }

    // MARK: tables

    struct Row {
        var at: Date; var cells: String; var role: SemanticRole; var note: String; var noteRole: SemanticRole
        /// The entry on this row, for amending it.
        var target: AmendTarget? = nil
    }

    static func stampNote(_ st: EntryStamp) -> (String, SemanticRole, Bool) {
        if st.enteredInError { return ("ERROR: \(st.amendReason ?? "")", .alertWarning, true) }
        if st.supersededBy != nil { return ("REPLACED by a correction", .stale, true) }
        if st.supersedes != nil { return ("AMENDED: \(st.amendReason ?? "")", .alertWarning, false) }
        return ("", .text, false)
    }

    static func exceptionRows(_ state: AppState, _ id: PatientID, matching: (ObservationKind) -> Bool) -> [Row] {
        (state.ward?.exceptions[id] ?? []).filter { matching($0.kind) }.map { e in
            let (n, _, stale) = stampNote(e.stamp)
            return Row(at: e.stamp.recordedAt,
                       cells: "\(e.kind.displayName) NOT DONE: \(e.reason.label), \(e.note) (\(e.stamp.recordedByName))",
                       role: stale ? .stale : .alertInfo, note: n, noteRole: .alertWarning,
                       target: .observation(.exception, e.stamp, summary: "\(e.kind.displayName) not done (\(e.reason.label))"))
        }
    }

    static func vitalsRows(_ state: AppState, _ id: PatientID, wide: Bool) -> [Row] {
        let rules = state.wardProtocol.news2
        var rows = (state.ward?.vitals[id] ?? []).map { e -> Row in
            let v = e.vitals, sc = rules.score(v, scale2: e.scale2)
            let bp = "\(v.systolic)/\(v.diastolic.map(String.init) ?? "–")"
            var cells = Text.right("\(v.respirationRate)", 3) + " " + Text.right("\(v.spo2)", 4) + " " + Text.pad(v.onOxygen ? "O2" : "air", 3)
            cells += " " + Text.right(bp, 7) + " " + Text.right("\(v.pulse)", 3) + " " + v.acvpu.rawValue + " "
            cells += Text.right(String(format: "%.1f", v.temperature), 4) + " " + Text.pad("\(sc.total) \(sc.risk.rawValue)", 13)
            cells += Text.pad(e.stamp.recordedByName, wide ? 20 : 10)
            let (n, nr, stale) = stampNote(e.stamp)
            return Row(at: e.stamp.recordedAt, cells: cells, role: stale ? .stale : .score(level: sc.risk.level), note: n, noteRole: nr,
                       target: .observation(.vitals, e.stamp, summary: "vital signs (NEWS2 \(sc.total))"))
        }
        rows += exceptionRows(state, id) { $0 == .vitals }
        return rows.sorted { $0.at > $1.at }
    }

    static func sedationRows(_ state: AppState, _ id: PatientID, wide: Bool) -> [Row] {
        var rows = (state.ward?.sedation[id] ?? []).map { e -> Row in
            let (n, nr, stale) = stampNote(e.stamp)
            return Row(at: e.stamp.recordedAt, cells: Text.pad(e.score.display, wide ? 44 : 30) + " " + Text.pad(e.stamp.recordedByName, wide ? 20 : 10),
                       role: stale ? .stale : .text, note: n, noteRole: nr,
                       target: .observation(.sedation, e.stamp, summary: e.score.display))
        }
        rows += exceptionRows(state, id) { $0 == .sedation }
        return rows.sorted { $0.at > $1.at }
    }

    static func lineCount(_ state: AppState, _ cs: ChartState) -> Int {
        switch cs.pane {
        case .scores: ChartHistory.lines(state.ward, cs.patientID).count
        case .vitals: vitalsRows(state, cs.patientID, wide: false).count
        case .sedation: sedationRows(state, cs.patientID, wide: false).count
        }
    }

    static func drawTable(_ s: inout Surface, top: Int, state: AppState, cs: ChartState, heading: String, rows: [Row], empty: String) {
        s.fill(Rect(x: 0, y: top, width: s.width, height: 1), role: .header)
        s.put(fit: heading, x: 1, y: top, width: s.width - 2, role: .header, emphasis: .bold)
        let room = ChartView.historyRows(state, cs)
        guard !rows.isEmpty else { s.put(fit: empty, x: 1, y: top + 1, width: s.width - 2, role: .muted); return }
        let first = max(0, min(cs.scroll, rows.count - room))
        let selected = ChartSelection.clamped(state, cs)
        for (i, r) in rows.enumerated().dropFirst(first).prefix(room) {
            let y = top + 1 + i - first
            if i == selected { ChartSelection.drawMarker(&s, y: y, state: state) }
            var x = 1
            x += s.put(Text.pad(Format.dayClock(r.at, state.calendar), 12), x: x, y: y, role: r.role == .stale ? .stale : .text) + 1
            x += s.put(fit: r.cells, x: x, y: y, width: max(0, s.width - x - 1), role: r.role)
            if !r.note.isEmpty { s.put(fit: r.note, x: x + 1, y: y, width: max(0, s.width - x - 2), role: r.noteRole) }
        }
        if first > 0 { s.put("▲ newer", x: s.width - 8, y: top + 1, role: .muted) }
        if first + room < rows.count { s.put("▼ older", x: s.width - 8, y: top + room, role: .muted) }
    }

    static func vitalsHeading(wide: Bool) -> String {
        "Recorded      RR SpO2 O2       BP   P C Temp NEWS2        " + Text.pad("By", wide ? 20 : 10) + " Note"
    }
    static func sedationHeading(wide: Bool) -> String {
        "Recorded     " + Text.pad("Score", wide ? 44 : 30) + " " + Text.pad("By", wide ? 20 : 10) + " Note"
    }
}
