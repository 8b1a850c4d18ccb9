import WardCore

/// The patient chart: banner, CIWA-B trend, history newest first.
enum ChartView {
    static func draw(_ s: inout Surface, _ state: AppState, _ cs: ChartState) {
        guard let p = state.ward?.patient(cs.patientID) else {
            Chrome.titleBar(&s, state, subtitle: "Chart")
            s.put("This patient is no longer on the ward list. Esc goes back.", x: 1, y: 2, role: .alertWarning)
            return
        }
        Chrome.titleBar(&s, state, subtitle: "Chart")
        PatientBanner.draw(&s, y: 1, patient: p, state: state)
        let layout = Layout(state, p)
        let clockY = 1 + PatientBanner.rows(for: s.size) + layout.bannerExtra
        ChartPanes.drawClock(&s, y: clockY, state: state, patient: p, rows: ChartPanes.clockRows(s.size) + layout.clockExtra)
        let tabsY = clockY + ChartPanes.clockRows(s.size) + layout.clockExtra
        ChartPanes.drawTabs(&s, y: tabsY, state: state, cs: cs)
        let trendY = tabsY + 1, top = layout.historyTop, wide = s.width >= 120
        switch cs.pane {
        case .scores:
            ChartPanes.drawScoreTrends(&s, y: trendY, state: state, patient: p)
            drawHistory(&s, top: top, state: state, cs: cs)
        case .vitals:
            ChartPanes.drawVitalsTrend(&s, y: trendY, state: state, patient: p)
            ChartPanes.drawTable(&s, top: top, state: state, cs: cs, heading: ChartPanes.vitalsHeading(wide: wide),
                                 rows: ChartPanes.vitalsRows(state, p.id, wide: wide), empty: "No vital signs yet: press v to record a set.")
        case .sedation:
            ChartPanes.drawSedationTrend(&s, y: trendY, state: state, patient: p)
            ChartPanes.drawTable(&s, top: top, state: state, cs: cs, heading: ChartPanes.sedationHeading(wide: wide),
                                 rows: ChartPanes.sedationRows(state, p.id, wide: wide), empty: "No sedation score yet: press s to score.")
        }
        // Over-sedated: what to do now, over the trends (they matter less than this).
        ChartPanes.drawOverSedation(&s, y: trendY, state: state, patient: p)
        // Entries of this record that could not be read: said where the history starts, never skipped in silence.
        let unreadable = state.ward?.unreadable(for: p.id) ?? []
        if let first = unreadable.first {
            let n = unreadable.count == 1 ? "1 entry" : "\(unreadable.count) entries"
            s.put(fit: " \(state.asciiOnly ? "!" : "⚠") \(n) not shown, tell ward IT: \(first.text) ", x: 0, y: top - 1,
                  width: s.width, role: .alertCritical, emphasis: .bold)
        }
        let alertTop = PatientAlertPane.draw(&s, state, patient: p.id)
        // The nearest handover's severity and "if … then" notes, just above the alerts.
        ChartPanes.drawHandoverLine(&s, y: alertTop - 1, state: state, patient: p)
    }

    static func drawTrend(_ s: inout Surface, y: Int, state: AppState, patient p: Patient) -> Int {
        let totals = ChartHistory.trend(state.ward, p.id)
        var x = 1
        x += s.put("CIWA-B trend ", x: x, y: y, role: .header, emphasis: .bold)
        guard !totals.isEmpty else {
            s.put("no CIWA-B recorded yet — press b to score one", x: x, y: y, role: .muted)
            return y
        }
        let range = ScaleDefinition.ciwaB.totalRange
        let room = max(8, min(totals.count, s.width / 2 - 24))
        let shownCount = min(room, totals.count)
        x += s.put("(last \(shownCount), oldest→newest, 0–\(range.upperBound)): ", x: x, y: y, role: .muted)
        let spark = Sparkline.render(totals, range: range, width: room, asciiOnly: state.asciiOnly)
        x += s.put(spark, x: x, y: y, role: .text, emphasis: .bold) + 2
        if let last = state.ward?.latest(.ciwaB, for: p.id) {
            let band = state.wardProtocol.band(.ciwaB, total: last.total)
            x += s.put("latest ", x: x, y: y, role: .muted)
            x += s.put("\(last.total) \(band?.name ?? "no band")", x: x, y: y,
                       role: band.map { SemanticRole.score(level: $0.level) } ?? .alertWarning, emphasis: .bold)
            s.put(fit: ", " + Format.ago(last.recordedAt, now: state.now), x: x, y: y, width: max(0, s.width - x), role: .muted)
        }
        return y
    }

    /// Where a patient's chart puts things: rows the banner (a long allergy list) and the "Next:" block
    /// (many due checks) need beyond the standard ones, and the rows the alert pane and the handover
    /// line take at the bottom, so the history table is never drawn (or selected) under them.
    struct Layout {
        var size: Size
        var bannerExtra = 0, clockExtra = 0, bottom = 0

        init(_ state: AppState, _ p: Patient?) {
            size = state.size
            guard let p else { return }
            bannerExtra = PatientBanner.extraRows(p, state: state, width: size.cols)
            clockExtra = max(0, ChartPanes.clockLines(state, p.id, width: size.cols) - ChartPanes.clockRows(size))
            let alerts = state.alerts(for: p.id).count
            bottom = (alerts == 0 ? 0 : min(alerts, 3) + 1) + (ChartPanes.hasHandoverLine(state, p) ? 1 : 0)
        }

        /// Row of the history header.
        var historyTop: Int {
            1 + PatientBanner.rows(for: size) + bannerExtra + ChartPanes.clockRows(size) + clockExtra + 1 + ChartPanes.trendRows
        }
        /// History lines under the header, above the bottom panes, the message and the legend.
        var historyRows: Int { max(1, size.rows - 2 - bottom - (historyTop + 1)) }
    }

    /// History rows on this chart.
    static func historyRows(_ state: AppState, _ cs: ChartState) -> Int {
        Layout(state, state.ward?.patient(cs.patientID)).historyRows
    }

    struct Columns {
        var when = 13, score = 5, band = 12, by = 18, items = 0
        static func forWidth(_ w: Int) -> Columns {
            w >= 120 ? Columns(when: 13, score: 5, band: 12, by: 22, items: 23) : Columns()
        }
    }

    static func drawHistory(_ s: inout Surface, top: Int, state: AppState, cs: ChartState) {
        let c = Columns.forWidth(s.width)
        let lines = ChartHistory.lines(state.ward, cs.patientID)
        s.fill(Rect(x: 0, y: top, width: s.width, height: 1), role: .header)
        var x = 1
        var heads = [("Recorded", c.when), ("Score", c.score), ("Band", c.band), ("By", c.by)]
        if c.items > 0 { heads.append(("Items", c.items)) }
        heads.append(("Note", 4))
        for (t, w) in heads {
            s.put(t == "Score" ? Text.right(t, w) : Text.pad(t, w), x: x, y: top, role: .header, emphasis: .bold)
            x += w + 2
        }
        let rows = historyRows(state, cs)
        if lines.isEmpty {
            s.put("No CIWA-B or CIWA-Ar yet: press b or a to score one.", x: 1, y: top + 1, role: .muted)
            return
        }
        let first = max(0, min(cs.scroll, lines.count - rows))
        let selected = ChartSelection.clamped(state, cs)
        for (i, line) in lines.enumerated().dropFirst(first).prefix(rows) {
            drawLine(&s, y: top + 1 + i - first, line: line, state: state, c: c)
            if i == selected { ChartSelection.drawMarker(&s, y: top + 1 + i - first, state: state) }
        }
        if first > 0 { s.put("▲ newer", x: s.width - 8, y: top + 1, role: .muted) }
        if first + rows < lines.count { s.put("▼ older", x: s.width - 8, y: top + rows, role: .muted) }
    }

    /// "21010 32102 10000 00000"
    static func itemGroups(_ items: [Int]) -> String {
        stride(from: 0, to: items.count, by: 5).map { i in
            items[i..<min(items.count, i + 5)].map(String.init).joined()
        }.joined(separator: " ")
    }

    static func drawLine(_ s: inout Surface, y: Int, line: HistoryLine, state: AppState, c: Columns) {
        let a = line.entry
        let band = state.wardProtocol.band(a.scale, total: a.total)
        let bandName = (a.scale == .ciwaB ? "" : "Ar ") + (band?.name ?? "no band")
        let when = Format.dayClock(a.recordedAt, state.calendar).trimmingCharacters(in: .whitespaces)
        switch line.kind {
        case .replaced:
            s.put(fit: "   └ was \(a.total) \(bandName) (\(when), \(a.recordedByName)) — replaced",
                  x: 1, y: y, width: s.width - 2, role: .stale)
            return
        case .reason:
            s.put(fit: "     Reason: \(line.reason ?? "")", x: 1, y: y, width: s.width - 2, role: .stale)
            return
        case .current, .enteredInError:
            break
        }
        let voided = line.kind == .enteredInError
        var x = 1
        x += s.put(Text.pad(Format.dayClock(a.recordedAt, state.calendar), c.when), x: x, y: y,
                   role: voided ? .stale : .text) + 2
        let scoreRole: SemanticRole = voided ? .stale : (band.map { SemanticRole.score(level: $0.level) } ?? .alertWarning)
        x += s.put(Text.right("\(a.total)", c.score), x: x, y: y, role: scoreRole, emphasis: voided ? [] : .bold) + 2
        x += s.put(Text.pad(bandName, c.band), x: x, y: y, role: scoreRole, emphasis: voided ? [] : .bold) + 2
        x += s.put(Text.pad(a.recordedByName, c.by), x: x, y: y, role: voided ? .stale : .text) + 2
        if c.items > 0 {
            x += s.put(Text.pad(itemGroups(a.items), c.items), x: x, y: y, role: voided ? .stale : .muted) + 2
        }
        if line.kind != .enteredInError, let g = state.ward?.doseGates[a.id] {
            let d = state.wardProtocol.appropriateness.evaluate(recentUseConfirmed: g.recentUseConfirmed, canCommunicate: g.canCommunicate)
            if !d.scaleMayGuideDosing {
                x += s.put(fit: "MONITORING ONLY ", x: x, y: y, width: max(0, s.width - x - 1), role: .alertWarning)
            }
        }
        switch line.kind {
        case .current(corrected: true):
            s.put(fit: "CORRECTED, see below", x: x, y: y, width: max(0, s.width - x - 1), role: .alertWarning)
        case .enteredInError:
            s.put(fit: "ENTERED IN ERROR, not counted", x: x, y: y, width: max(0, s.width - x - 1), role: .alertWarning)
        default:
            break
        }
    }
}
