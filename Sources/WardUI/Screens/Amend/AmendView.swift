import WardCore

/// The amend dialog over the chart: which entry, what kind of change, the
/// reason being typed, and what saving will do.
enum AmendView {
    static func draw(_ s: inout Surface, _ state: AppState, _ f: AmendForm, below: [Screen]) {
        if f.isDose, case .mar(let m)? = below.last {
            MARView.draw(&s, state, m)
        } else if let chart = below.last(where: { if case .chart = $0 { true } else { false } }), case .chart(let cs) = chart {
            ChartView.draw(&s, state, cs)
        } else {
            Chrome.titleBar(&s, state, subtitle: "Amend")
        }
        let r = Chrome.centered(s, width: min(s.width - 4, 78), height: 11)
        Chrome.box(&s, r, role: .text, ascii: state.asciiOnly, title: f.isDose ? "Dose record entered in error" : "Amend an entry")
        let x = r.x + 2, w = r.width - 4
        var y = r.y + 1
        let t = f.target
        s.put(fit: "Entry: \(t.what(state.wardProtocol)) · \(Format.dayClock(t.recordedAt, state.calendar).trimmingCharacters(in: .whitespaces)) · \(t.recordedByName)",
              x: x, y: y, width: w, role: .text, emphasis: .bold)
        y += 2
        switch f.step {
        case .choose:
            s.put(fit: "What is wrong with this entry?", x: x, y: y, width: w, role: .text)
            s.put(fit: "1  entered in error (should not be on this chart)", x: x, y: y + 1, width: w, role: .keyHint, emphasis: .bold)
            let two = switch t {
            case .assessment: "2  corrected value (re-score, changing only what was wrong)"
            case .observation(.exception, _, _): "2  corrected value (mark it in error, then record it again)"
            case .observation: "2  corrected value (the form again, changing only what was wrong)"
            case .dose: "2  corrected value (mark it in error, then record the dose again)"
            }
            s.put(fit: two, x: x, y: y + 2, width: w, role: .keyHint, emphasis: .bold)
            s.put(fit: "Nothing is deleted: the old entry stays in the history.", x: x, y: y + 4, width: w, role: .muted)
            s.put(fit: "Press 1 or 2 · Esc cancel", x: x, y: y + 6, width: w, role: .muted)
        case .reason, .confirm:
            s.put(fit: "Change: " + changeText(f, state.wardProtocol), x: x, y: y, width: w, role: .alertWarning, emphasis: .bold)
            let label = "Reason (required): "
            let lx = x + s.put(label, x: x, y: y + 2, role: .text, emphasis: .bold)
            let room = max(1, x + w - lx - 1)
            var shown = f.reason
            while Text.width(shown) > room { shown.removeFirst() }
            let active = f.step == .reason
            let fx = lx + s.put(shown, x: lx, y: y + 2, role: active ? .fieldActive : .fieldDone, emphasis: .bold)
            if active { s.put("_", x: fx, y: y + 2, role: .fieldActive, emphasis: .bold) }
            if let m = f.message, m.role == .error {
                // A refusal from the store can be longer than the message line: shown whole here.
                for (n, line) in Text.wrap(m.text, width: w).prefix(3).enumerated() {
                    s.put(fit: line, x: x, y: y + 3 + n, width: w, role: .error, emphasis: .bold)
                }
                s.put(fit: f.step == .reason ? "Enter next · Esc cancel" : "Enter try again · Bksp back to the reason · Esc cancel",
                      x: x, y: y + 6, width: w, role: .keyHint, emphasis: .bold)
            } else if f.step == .reason {
                s.put(fit: f.isDose ? "Type why (e.g. \"charted for the wrong patient\")." : "Type why (e.g. \"scored for the wrong patient\").",
                      x: x, y: y + 4, width: w, role: .muted)
                s.put(fit: f.isDose ? "Enter next · Bksp delete · Esc cancel" : "Enter next · Bksp delete (on empty: back) · Esc cancel",
                      x: x, y: y + 6, width: w, role: .muted)
            } else {
                s.put(fit: f.isDose ? "The record stays on the MAR, marked; it no longer counts as given."
                                    : "Saving adds a new entry over this one; both stay in the history.",
                      x: x, y: y + 4, width: w, role: .text)
                s.put(fit: f.saving ? "Saving…" : "Enter save the amendment · Bksp back to the reason · Esc cancel",
                      x: x, y: y + 6, width: w, role: f.saving ? .alertInfo : .keyHint, emphasis: .bold)
            }
        }
    }

    static func changeText(_ f: AmendForm, _ p: WardProtocol) -> String {
        switch f.change {
        case .enteredInError?:
            if case .dose(let a, _) = f.target, a.scheduledFor != nil {
                "ENTERED IN ERROR (not counted; the dose is due again)"
            } else { "ENTERED IN ERROR (not counted from now on)" }
        case .correctedItems?:
            if case .assessment(let a) = f.target, let n = f.correctedTotal {
                "CORRECTED VALUE: \(a.scale.displayName) total \(a.total) → \(n)"
            } else { "CORRECTED VALUE" }
        case .correctedSedation(let new)?: "CORRECTED VALUE: \(f.target.what(p)) → \(new.display)"
        case .correctedVitals?: "CORRECTED VALUE: a new vital-signs set replaces \(f.target.what(p))"
        case nil: ""
        }
    }
}
