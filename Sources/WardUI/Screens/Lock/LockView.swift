import WardCore

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
        } else if let kept = AppState.yourUnsavedWork(in: state.stack, items: "items", now: "kept") {
            s.put(fit: kept, x: r.x + 3, y: y, width: r.width - 6, role: .muted)
        }
        s.put(fit: "Not you? Tab: switch user.", x: r.x + 3, y: r.maxY - 2, width: r.width - 6, role: .muted)
    }
}
