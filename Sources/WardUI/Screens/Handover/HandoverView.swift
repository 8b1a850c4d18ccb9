import WardCore

/// The handover preview: the printout's own text, scrollable, with a status
/// row saying who handed the selected patient over and who accepted them.
enum HandoverView {
    static func draw(_ s: inout Surface, _ state: AppState, _ h: HandoverPreviewState) {
        // Which handover this is, in words: the shift on now, or one that has ended.
        // The shift's date is always there (never given way at 80 columns), so `a` cannot accept the wrong day's shift.
        let span = s.width >= 120 ? " " + Format.dayClock(h.shift.start, state.calendar) + "–" + Format.clock(h.shift.end, state.calendar)
                                  : " " + Format.dayMonth(h.shift.start, state.calendar)
        let when = span + (h.shift.end <= state.now ? " (ended \(Format.clock(h.shift.end, state.calendar)))"
                                                     : " (on now, ends \(Format.clock(h.shift.end, state.calendar)))")
        Chrome.titleBar(&s, state, subtitle: "Handover · \(HandoverShift.label(h.shift, calendar: state.calendar))\(when)")
        guard let doc = h.document else {
            s.put("Preparing the handover…", x: 1, y: 2, role: .muted)
            return
        }
        let top = 2, rows = AppState.handoverRows(s.size)
        statusRow(&s, y: 1, state: state, h: h, doc: doc, more: (above: h.scroll > 0, below: h.scroll + rows < doc.lines.count))
        let x = max(0, (s.width - doc.columns) / 2)
        let selectedLine = doc.anchors.first { $0.patientID == h.selected }?.line
        let headerLines = Set(doc.anchors.map { $0.line + 1 })
        for (i, line) in doc.lines.enumerated().dropFirst(h.scroll).prefix(rows) {
            let y = top + i - h.scroll
            if i == (selectedLine.map { $0 + 1 } ?? -1) {
                s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .selection)
                s.put(line, x: x, y: y, role: .selection, emphasis: .bold)
            } else {
                s.put(line, x: x, y: y, role: headerLines.contains(i) ? .header : .text,
                      emphasis: headerLines.contains(i) ? .bold : [])
            }
        }
    }

    /// "Bed 3 Müller, Grete: accepted by …; handed over by …   ▲▼ 2/16 accepted". The arrows say the
    /// document goes on above or below: on the status row, because the printout's own text may
    /// fill every column of the window.
    static func statusRow(_ s: inout Surface, y: Int, state: AppState, h: HandoverPreviewState, doc: HandoverDocument,
                          more: (above: Bool, below: Bool)) {
        s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .header)
        let records = state.ward?.handover ?? HandoverRecords()
        let accepted = doc.anchors.filter { records.mark(.accepted, for: $0.patientID, shiftStart: h.shift.start) != nil }.count
        let arrows = (more.above ? "▲" : " ") + (more.below ? "▼" : " ")
        let tally = " \(arrows) \(accepted)/\(doc.anchors.count) accepted "
        let tw = Text.width(tally)
        s.put(tally, x: max(0, s.width - tw), y: y, role: .header, emphasis: .bold)
        var x = 1
        guard let id = h.selected, let p = state.ward?.patient(id) else {
            s.put(fit: "No patient selected: Tab goes to the first.", x: x, y: y, width: max(0, s.width - tw - 2), role: .header)
            return
        }
        x += s.put(fit: "Bed \(p.bed ?? "–") \(p.name): ", x: x, y: y, width: max(0, s.width - tw - 2) / 2, role: .header, emphasis: .bold)
        let room = max(0, s.width - tw - 1 - x)
        // Acceptance first: it is what the incoming nurse looks for; a long name truncates the rest.
        var parts: [(String, SemanticRole)] = []
        if let a = records.mark(.accepted, for: id, shiftStart: h.shift.start) {
            parts.append(("\(state.asciiOnly ? "" : "✓ ")accepted by \(a.byName) \(Format.clock(a.at, state.calendar))", .saved))
        } else {
            parts.append(("not accepted yet (a)", .alertWarning))
        }
        if let g = records.mark(.handedOver, for: id, shiftStart: h.shift.start) {
            parts.append(("handed over by \(g.byName) \(Format.clock(g.at, state.calendar))", .header))
        } else {
            parts.append(("not handed over (g)", .header))
        }
        var used = 0
        for (i, (t, role)) in parts.enumerated() {
            let text = (i > 0 ? "; " : "") + t
            used += s.put(fit: text, x: x + used, y: y, width: max(0, room - used), role: role, emphasis: role == .header ? [] : .bold)
        }
    }
}
