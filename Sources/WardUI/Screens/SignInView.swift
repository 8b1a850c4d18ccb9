import WardCore

/// The sign-in screen: staff ID, then PIN shown as dots. No patient data.
enum SignInView {
    static func draw(_ s: inout Surface, _ state: AppState, _ form: SignInForm) {
        Chrome.titleBar(&s, state, subtitle: form.switchingFrom == nil ? "Sign in" : "Switch user")
        let r = Chrome.centered(s, width: 60, height: 11)
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
            s.put(fit: m.text, x: r.x + 3, y: r.maxY - 2, width: r.width - 6, role: m.role, emphasis: .bold)
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

/// The lock screen: patient data gone, the signed-in person's PIN asked for.
enum LockView {
    static func draw(_ s: inout Surface, _ state: AppState, _ form: UnlockForm) {
        Chrome.titleBar(&s, state, subtitle: "Locked")
        let r = Chrome.centered(s, width: 60, height: 12)
        Chrome.box(&s, r, role: .text, ascii: state.asciiOnly, title: "Locked")
        var y = r.y + 2
        s.put(centered: "This terminal is locked. Patient data is hidden.", in: r, y: y, role: .alertInfo, emphasis: .bold)
        y += 2
        if let who = state.session?.staff {
            s.put(fit: "Signed in: \(who.name) (\(who.staffID), \(who.role.title))", x: r.x + 3, y: y,
                  width: r.width - 6, role: .text)
        }
        y += 2
        let dots = String(repeating: state.asciiOnly ? "*" : "●", count: form.pin.count)
        SignInView.field(&s, x: r.x + 3, y: y, label: "PIN", value: dots, active: true, width: r.width - 6)
        y += 2
        if let m = form.message {
            s.put(fit: m.text, x: r.x + 3, y: y, width: r.width - 6, role: m.role, emphasis: .bold)
        } else if let f = AppState.startedForm(in: state.stack) {
            s.put(fit: "Your unsaved CIWA-B (\(f.scoredCount) of \(f.scores.count) items) is kept.",
                  x: r.x + 3, y: y, width: r.width - 6, role: .muted)
        }
        s.put(fit: "Not you? Tab: switch user.", x: r.x + 3, y: r.maxY - 2, width: r.width - 6, role: .muted)
    }
}

/// Help: every key of the current screen, generated from the keymap.
enum HelpOverlay {
    static func draw(_ s: inout Surface, _ state: AppState) {
        let lines = state.keymap.helpLines(in: state.contextUnderHelp)
        let keyWidth = max(6, lines.map { Text.width($0.keys) }.max() ?? 0)
        let textWidth = lines.map { Text.width($0.help) }.max() ?? 0
        // The help hides the screen beneath, so nothing half-covered is misread.
        s.fill(Rect(x: 0, y: 1, width: s.width, height: max(0, s.height - 2)), role: .text)
        let r = Chrome.centered(s, width: min(s.width - 2, keyWidth + textWidth + 8), height: lines.count + 4)
        Chrome.box(&s, r, role: .text, ascii: state.asciiOnly, title: "Help — keys on this screen")
        for (i, l) in lines.enumerated() where r.y + 2 + i < r.maxY - 1 {
            s.put(Text.pad(l.keys, keyWidth), x: r.x + 2, y: r.y + 2 + i, role: .keyHint, emphasis: .bold)
            s.put(fit: l.help, x: r.x + 4 + keyWidth, y: r.y + 2 + i, width: r.width - keyWidth - 6, role: .text)
        }
    }
}
