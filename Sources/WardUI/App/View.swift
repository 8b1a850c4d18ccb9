import WardCore

/// Draws the whole screen from the state. Pure.
public func view(_ state: AppState) -> Surface {
    var s = Surface(size: state.size)
    if state.size.isBelowMinimum {
        s.put(fit: "Window too small (\(state.size.cols)×\(state.size.rows)).", x: 0, y: 0, width: s.width, role: .alertWarning)
        s.put(fit: "Keys are ignored until it is", x: 0, y: 1, width: s.width, role: .alertWarning)
        s.put(fit: "at least \(Size.minimum.cols)×\(Size.minimum.rows) (best 80×24).", x: 0, y: 2, width: s.width, role: .alertWarning)
        return s
    }
    switch state.gate {
    case .signIn(let form):
        SignInView.draw(&s, state, form)
    case .locked(let form):
        LockView.draw(&s, state, form)
    case nil:
        drawWork(&s, state)
    }
    if state.showingHelp { HelpOverlay.draw(&s, state) }
    Chrome.statusLine(&s, state.keymap, state.keyContext, role: state.gate == nil ? state.session?.staff.role : nil)
    // The critical banner takes the bottom lines (the next key only dismisses it, so the key legend
    // can go), never the title or the patient's line.
    if state.gate == nil, !state.showingHelp, let b = state.banner { CriticalBanner.draw(&s, b) }
    if state.asciiOnly { ASCIIFallback.apply(&s) }
    return s
}

/// The topmost full screen with its message, then the dialogs over it, bottom first.
private func drawWork(_ s: inout Surface, _ state: AppState) {
    guard let base = state.stack.lastIndex(where: { !$0.isModal }) else {
        drawAboveMessage(&s, state.flash) { WardListView.draw(&$0, state, WardListState()) }
        return
    }
    let screen = state.stack[base].component
    drawAboveMessage(&s, state.flash ?? screen.message) { s in
        screen.draw(&s, state, below: state.stack[..<base])
    }
    for i in state.stack.indices where i > base {
        state.stack[i].component.draw(&s, state, below: state.stack[..<i])
    }
}

/// The screen and its message. A message too long for its line is never cut: the screen is laid
/// out in a window shortened by the lines the message needs (so a form's own hints and a list's
/// selection stay in view above it), and the message fills the lines between it and the legend.
private func drawAboveMessage(_ s: inout Surface, _ message: Flash?, _ draw: (inout Surface) -> Void) {
    let extra = Chrome.messageLines(message, size: s.size) - 1
    guard extra > 0 else {
        draw(&s)
        Chrome.messageLine(&s, message)
        return
    }
    var shorter = Surface(size: Size(cols: s.width, rows: s.height - extra))
    draw(&shorter)
    s.copyRows(of: shorter, count: shorter.height - 2)
    Chrome.messageLine(&s, message)
}
