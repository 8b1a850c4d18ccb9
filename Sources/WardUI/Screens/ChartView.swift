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
        _ = drawTrend(&s, y: historyTop(s.size) - 1, state: state, patient: p)
        drawHistory(&s, top: historyTop(s.size), state: state, cs: cs)
    }

    static func drawTrend(_ s: inout Surface, y: Int, state: AppState, patient p: Patient) -> Int {
        let totals = ChartHistory.trend(state.ward, p.id)
        var x = 1
        x += s.put("CIWA-B trend ", x: x, y: y, role: .header, emphasis: .bold)
        guard !totals.isEmpty else {
            s.put("no CIWA-B recorded yet — press b to score one", x: x, y: y, role: .muted)
            return y
        }
        let range = CIWABForm.scale.totalRange
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

    /// Row of the history header, and how many history lines fit under it.
    static func historyTop(_ size: Size) -> Int { 1 + PatientBanner.rows(for: size) + 2 }
    static func historyRows(_ size: Size) -> Int { max(1, size.rows - 2 - (historyTop(size) + 1)) }

    struct Columns {
        var when = 13, score = 5, band = 12, by = 18
        static func forWidth(_ w: Int) -> Columns {
            w >= 120 ? Columns(when: 13, score: 5, band: 12, by: 28) : Columns()
        }
    }

    static func drawHistory(_ s: inout Surface, top: Int, state: AppState, cs: ChartState) {
        let c = Columns.forWidth(s.width)
        let lines = ChartHistory.lines(state.ward, cs.patientID)
        s.fill(Rect(x: 0, y: top, width: s.width, height: 1), role: .header)
        var x = 1
        for (t, w) in [("Recorded", c.when), ("Score", c.score), ("Band", c.band), ("By", c.by), ("Note", 4)] {
            s.put(t == "Score" ? Text.right(t, w) : Text.pad(t, w), x: x, y: top, role: .header, emphasis: .bold)
            x += w + 2
        }
        let rows = historyRows(s.size)
        if lines.isEmpty {
            s.put("No CIWA-B yet.", x: 1, y: top + 1, role: .muted)
            return
        }
        let first = max(0, min(cs.scroll, lines.count - rows))
        for (i, line) in lines.enumerated().dropFirst(first).prefix(rows) {
            drawLine(&s, y: top + 1 + i - first, line: line, state: state, c: c)
        }
        if first > 0 { s.put("▲ newer", x: s.width - 8, y: top + 1, role: .muted) }
        if first + rows < lines.count { s.put("▼ older", x: s.width - 8, y: top + rows, role: .muted) }
    }

    static func drawLine(_ s: inout Surface, y: Int, line: HistoryLine, state: AppState, c: Columns) {
        let a = line.entry
        let band = state.wardProtocol.band(.ciwaB, total: a.total)
        var x = 1
        let stale: Bool
        switch line.kind {
        case .current: stale = false
        case .replaced, .enteredInError: stale = true
        }
        if case .replaced = line.kind {
            x += s.put(Text.pad("  └ was", c.when), x: x, y: y, role: .stale) + 2
        } else {
            x += s.put(Text.pad(Format.dayClock(a.recordedAt, state.calendar), c.when), x: x, y: y,
                       role: stale ? .stale : .text) + 2
        }
        let scoreRole: SemanticRole = stale ? .stale : (band.map { SemanticRole.score(level: $0.level) } ?? .alertWarning)
        x += s.put(Text.right("\(a.total)", c.score), x: x, y: y, role: scoreRole, emphasis: stale ? [] : .bold) + 2
        x += s.put(Text.pad(band?.name ?? "no band", c.band), x: x, y: y, role: scoreRole, emphasis: stale ? [] : .bold) + 2
        x += s.put(Text.pad(a.recordedByName, c.by), x: x, y: y, role: stale ? .stale : .text) + 2
        let note: String
        let noteRole: SemanticRole
        switch line.kind {
        case .current(corrected: true):
            note = "CORRECTED" + (line.reason.map { ": \($0)" } ?? "")
            noteRole = .alertWarning
        case .current(corrected: false):
            note = ""
            noteRole = .text
        case .replaced:
            note = "replaced (recorded \(Format.dayClock(a.recordedAt, state.calendar).trimmingCharacters(in: .whitespaces)))"
            noteRole = .stale
        case .enteredInError:
            note = "ENTERED IN ERROR — not counted" + (line.reason.map { ": \($0)" } ?? "")
            noteRole = .alertWarning
        }
        s.put(fit: note, x: x, y: y, width: max(0, s.width - x - 1), role: noteRole)
    }
}
