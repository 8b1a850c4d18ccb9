import WardCore

/// The sign-in screen: staff ID, then PIN shown as dots. No patient data.
enum SignInView {
    static func draw(_ s: inout Surface, _ state: AppState, _ form: SignInForm) {
        Chrome.titleBar(&s, state, subtitle: form.switchingFrom == nil ? "Sign in" : "Switch user")
        // The box grows with a long refusal or lockout message, so it is read whole, never cut.
        let messageLines = form.message.map { Text.wrap($0.text, width: min(60, s.width) - 6) } ?? []
        let r = Chrome.centered(s, width: 60, height: 11 + max(0, messageLines.count - 2))
        Chrome.box(&s, r, role: .text, ascii: state.asciiOnly, title: form.switchingFrom == nil ? "Sign in" : "Switch user")
        var y = r.y + 2
        if let from = form.switchingFrom {
            s.put(fit: "\(from.name) stays signed in behind the lock;", x: r.x + 3, y: y, width: r.width - 6, role: .alertInfo)
            s.put(fit: "their unsaved work is kept for them.", x: r.x + 3, y: y + 1, width: r.width - 6, role: .alertInfo)
        } else {
            s.put(fit: "Type your staff ID, Enter, then your PIN, Enter.", x: r.x + 3, y: y, width: r.width - 6, role: .muted)
        }
        y += 3
        field(&s, x: r.x + 3, y: y, label: "Staff ID", value: Text.visible(form.staffID),
              active: form.field == .staffID, width: r.width - 6)
        let dots = String(repeating: state.asciiOnly ? "*" : "●", count: form.pin.count)
        field(&s, x: r.x + 3, y: y + 2, label: "PIN", value: dots, active: form.field == .pin, width: r.width - 6)
        if let m = form.message {
            // Under the PIN, every line of a refusal or lockout.
            for (i, line) in messageLines.enumerated() {
                s.put(fit: line, x: r.x + 3, y: r.maxY - 1 - max(2, messageLines.count) + i, width: r.width - 6, role: m.role, emphasis: .bold)
            }
        }
        Chrome.messageLine(&s, state.flash)
    }

    static func field(_ s: inout Surface, x: Int, y: Int, label: String, value: String, active: Bool, width: Int) {
        s.put(Text.pad(label, 10), x: x, y: y, role: .text, emphasis: active ? .bold : [])
        let boxWidth = min(24, width - 11)
        let role: SemanticRole = active ? .fieldActive : .fieldDone
        s.fill(Rect(x: x + 11, y: y, width: boxWidth, height: 1), role: role)
        // Keep the end of a long value visible (what was typed last).
        var shown = value
        while Text.width(shown) > boxWidth - 1 { shown.removeFirst() }
        let w = s.put(shown, x: x + 11, y: y, role: role, emphasis: active ? .bold : [])
        if active { s.cursor = (x + 11 + w, y) }
    }
}
