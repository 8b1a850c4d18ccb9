import WardCore

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
