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
    if state.gate == nil, !state.showingHelp, let b = state.banner { BoardDialogs.banner(&s, b) }
    if state.asciiOnly { ASCIIFallback.apply(&s) }
    return s
}

private func drawWork(_ s: inout Surface, _ state: AppState) {
    guard let base = state.stack.lastIndex(where: { !$0.isModal }) else {
        drawAboveMessage(&s, state.flash) { WardListView.draw(&$0, state, WardListState()) }
        return
    }
    drawAboveMessage(&s, state.flash ?? state.stack[base].formMessage) { s in
        switch state.stack[base] {
        case .wardList(let w): WardListView.draw(&s, state, w)
        case .chart(let c): ChartView.draw(&s, state, c)
        case .withdrawalScore(let f): WithdrawalScoreView.draw(&s, state, f)
        case .vitals(let f): VitalsView.draw(&s, state, f)
        case .sedation(let f): SedationView.draw(&s, state, f)
        case .exception(let f): ExceptionView.draw(&s, state, f)
        case .clinicalEvent(let f): EventView.draw(&s, state, f)
        case .mar(let m): MARView.draw(&s, state, m)
        case .orderEntry(let f): OrderEntryView.draw(&s, state, f)
        case .confirm: break
        case .handover(let h): HandoverView.draw(&s, state, h)
        case .handoverEntry(let f): HandoverEntryView.draw(&s, state, f)
        case .amend(let f): AmendView.draw(&s, state, f, below: Array(state.stack[..<base]))
        case .alertAction, .picker, .discharge, .spo2Scale: break
        case .overview(let o): OverviewView.draw(&s, state, o)
        case .worklist(let w): WorklistView.draw(&s, state, w)
        case .admit(let f): AdmitView.draw(&s, state, f)
        }
    }
    BoardDialogs.draw(&s, state, above: base)
    for case .confirm(let c) in state.stack[(base + 1)...] {
        let q = c.question
        let r = Chrome.centered(s, width: max(Text.width(q), Text.width(c.choices)) + 8, height: 6)
        Chrome.box(&s, r, role: .alertWarning, ascii: state.asciiOnly, title: "Please confirm")
        s.put(centered: q, in: r, y: r.y + 2, role: .alertWarning, emphasis: .bold)
        s.put(centered: c.choices, in: r, y: r.y + 3, role: .alertWarning)
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

extension Screen {
    /// The message a form or the MAR holds for the message line (a flash takes its place).
    var formMessage: Flash? {
        switch self {
        case .withdrawalScore(let f): f.message
        case .vitals(let f): f.message
        case .sedation(let f): f.message
        case .exception(let f): f.message
        case .clinicalEvent(let f): f.message
        case .mar(let m): m.message
        case .orderEntry(let f): f.message
        case .handoverEntry(let f): f.message
        case .amend(let f): f.message
        case .admit(let f): f.message
        case .wardList, .chart, .confirm, .handover, .alertAction, .picker, .discharge, .spo2Scale, .overview, .worklist: nil
        }
    }
}
