import WardCore

/// The "check not done" form: which check, why, and a reason in words.
enum ExceptionView {
    static func draw(_ s: inout Surface, _ state: AppState, _ f: ExceptionForm) {
        var y = FormScaffold.top(&s, state, subtitle: "Check not done", patientID: f.patientID,
                                 header: "CHECK NOT DONE: records that it was attempted, so nobody invents a score")
        func row(_ label: String, _ value: String, active: Bool) { FormScaffold.row(&s, y: &y, label, value, active: active) }
        row("Which check", f.kind.map(\.displayName) ?? "c CIWA · a CIWA-Ar · v vital signs · s sedation", active: f.step == .kind)
        row("Why", f.reason.map(\.label) ?? "1 asleep (not woken) · 2 refused · 3 off the ward", active: f.step == .reason)
        row("Reason", f.note + (f.step == .note ? "_" : ""), active: f.step == .note)
        y += 1
        if let r = f.reason, let m = state.wardProtocol.bedside.recheckMinutes[r] {
            let at = state.now.addingTimeInterval(Double(m * 60))
            s.put(fit: "The next \(f.kind?.displayName ?? "check") will be due at \(Format.clock(at, state.calendar)) (protocol: \(r.label) → try again in \(Format.span(minutes: m))).",
                  x: 1, y: y, width: s.width - 2, role: .text)
        } else {
            s.put(fit: "Bksp goes back a step. Enter saves once the reason is typed.", x: 1, y: y, width: s.width - 2, role: .muted)
        }
    }
}
