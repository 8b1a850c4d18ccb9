import WardCore

/// The acknowledge / escalate dialog.
enum AlertActionView {
    static func draw(_ s: inout Surface, _ state: AppState, _ f: AlertActionForm) {
        let a = f.alert
        let width = min(s.width - 2, 90)
        // The escalation text whole when the screen has room; otherwise cut with a visible "…".
        let all = Text.wrap("Calls for: " + a.escalation, width: width - 4)
        let room = max(1, s.height - 2 - (7 + f.fields.labels.count * 2))
        var calls = Array(all.prefix(room))
        if all.count > room { calls[calls.count - 1] = Text.fit(calls[calls.count - 1] + " …", width - 4) }
        let r = Chrome.centered(s, width: width, height: 7 + calls.count + f.fields.labels.count * 2)
        let title = f.mode == .acknowledge ? "Acknowledge alert" : "Escalate alert"
        let role: SemanticRole = a.severity == .critical ? .alertCritical : .alertWarning
        Chrome.box(&s, r, role: .text, ascii: state.asciiOnly, title: title)
        let w = r.width - 4
        var y = r.y + 1
        s.put(fit: "\(a.severity.word) · bed \(a.bed ?? "—") · \(a.patientName) · since \(Format.clock(a.since, state.calendar))",
              x: r.x + 2, y: y, width: w, role: role, emphasis: .bold); y += 1
        s.put(fit: a.message, x: r.x + 2, y: y, width: w, role: role); y += 1
        for line in calls { s.put(fit: line, x: r.x + 2, y: y, width: w, role: .text); y += 1 }
        y += 1
        for (i, label) in f.fields.labels.enumerated() {
            s.put(fit: label + ":", x: r.x + 2, y: y, width: w, role: .muted); y += 1
            let active = i == f.fields.field
            let shown = f.fields.values[i] + (active ? "_" : "")
            s.fill(Rect(x: r.x + 2, y: y, width: w, height: 1), role: active ? .fieldActive : .text)
            s.put(fit: shown, x: r.x + 2, y: y, width: w, role: active ? .fieldActive : .text); y += 1
        }
        y += 1
        if let m = f.message { s.put(fit: m.text, x: r.x + 2, y: y, width: w, role: m.role, emphasis: .bold) }
        else {
            s.put(fit: f.saving ? "Saving…" : f.fields.labels.count > 1 ? "Enter: next field, save on the last   Esc: cancel"
                                                              : "Enter: save   Esc: cancel", x: r.x + 2, y: y, width: w, role: .muted)
        }
    }
}
