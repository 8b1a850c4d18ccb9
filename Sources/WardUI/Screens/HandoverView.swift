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
        statusRow(&s, y: 1, state: state, h: h, doc: doc)
        let top = 2, rows = AppState.handoverRows(s.size)
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
        if h.scroll > 0 { s.put("▲", x: s.width - 1, y: top, role: .muted) }
        if h.scroll + rows < doc.lines.count { s.put("▼", x: s.width - 1, y: top + rows - 1, role: .muted) }
    }

    /// "Bed 3 Müller, Grete: handed over by …; accepted by … · 2 of 16 accepted"
    static func statusRow(_ s: inout Surface, y: Int, state: AppState, h: HandoverPreviewState, doc: HandoverDocument) {
        s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .header)
        let records = state.ward?.handover ?? HandoverRecords()
        let accepted = doc.anchors.filter { records.mark(.accepted, for: $0.patientID, shiftStart: h.shift.start) != nil }.count
        let tally = " \(accepted)/\(doc.anchors.count) accepted "
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

/// Typing a note or a severity override for one patient.
enum HandoverEntryView {
    static func draw(_ s: inout Surface, _ state: AppState, _ f: HandoverEntryForm) {
        let title = f.kind == .note ? "Handover note" : "Illness severity"
        Chrome.titleBar(&s, state, subtitle: title)
        guard let p = state.ward?.patient(f.patientID) else {
            s.put("This patient is no longer on the ward list. Esc goes back.", x: 1, y: 2, role: .alertWarning)
            return
        }
        PatientBanner.draw(&s, y: 1, patient: p, state: state)
        var y = 1 + PatientBanner.rows(for: s.size, patient: p, state: state) + 1
        let shift = "\(HandoverShift.label(f.shift, calendar: state.calendar)) shift from \(Format.dayClock(f.shift.start, state.calendar))"
        let w = s.width - 2
        switch f.kind {
        case .note:
            s.put(fit: "\"If … then …\" for the \(shift).", x: 1, y: y, width: w, role: .muted)
            s.put(fit: "What to watch for, and what to do. It prints in the handover.", x: 1, y: y + 1, width: w, role: .muted)
            y += 2
            let notes = state.ward?.handover.notes(for: f.patientID, shiftStart: f.shift.start) ?? []
            if !notes.isEmpty {
                s.put(fit: "Already written (↑ chooses one to withdraw, ↓ back to a new note):", x: 1, y: y, width: w,
                      role: .header, emphasis: .bold)
                y += 1
                for n in notes.suffix(max(1, s.height - y - 9)) {
                    let chosen = n.id == f.withdrawing
                    s.put(fit: "\(chosen ? "▶" : "-") \(n.text) (\(n.writtenByName), \(Format.clock(n.writtenAt, state.calendar)))",
                          x: 2, y: y, width: w - 1, role: chosen ? .selection : .text, emphasis: chosen ? .bold : [])
                    y += 1
                }
            }
        case .severity:
            s.put(fit: "Override the derived severity for the \(shift).", x: 1, y: y, width: w, role: .muted)
            s.put(fit: "A reason is needed; both print in the handover.", x: 1, y: y + 1, width: w, role: .muted)
            y += 3
            s.put("Severity: ", x: 1, y: y, role: .text, emphasis: .bold)
            var x = 11
            for (level, word) in [(SeverityLevel.unstable, "UNSTABLE"), (.watcher, "WATCHER"), (.stable, "STABLE"), (nil, "back to the rule")] {
                let chosen = f.level == level
                x += s.put(chosen ? "[\(word)]" : " \(word) ", x: x, y: y, role: chosen ? .fieldActive : .muted,
                           emphasis: chosen ? .bold : []) + 1
            }
            s.put("(Tab changes)", x: x + 1, y: y, role: .muted)
        }
        y += 1
        let label = f.withdrawing != nil ? "Why?" : f.kind == .note ? "Note:" : "Reason:"
        if f.withdrawing != nil {
            s.put(fit: "Withdraw it: type why, Enter. It stops printing; the record keeps it.",
                  x: 1, y: y, width: w, role: .alertWarning)
        }
        s.put(label, x: 1, y: y + 1, role: .text, emphasis: .bold)
        // The typed text, wrapped over up to 4 rows, its end always visible.
        let boxX = 10, boxW = max(10, s.width - boxX - 2)
        var chunks: [String] = []
        var line = ""
        for ch in Text.visible(f.text) + (f.saving ? "" : "_") {
            if Text.width(line + String(ch)) > boxW { chunks.append(line); line = "" }
            line.append(ch)
        }
        chunks.append(line)
        for (i, c) in chunks.suffix(4).enumerated() {
            s.fill(Rect(x: boxX, y: y + 1 + i, width: boxW, height: 1), role: .fieldActive)
            s.put(c, x: boxX, y: y + 1 + i, role: .fieldActive)
        }
        s.put("\(f.text.count)/\(HandoverEntryForm.maxLength)", x: boxX, y: y + 1 + min(4, chunks.count), role: .muted)
    }
}
