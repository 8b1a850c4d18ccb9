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
        WardListView.draw(&s, state, WardListState())
        Chrome.messageLine(&s, state.flash)
        return
    }
    var message = state.flash
    switch state.stack[base] {
    case .wardList(let w): WardListView.draw(&s, state, w)
    case .chart(let c): ChartView.draw(&s, state, c)
    case .withdrawalScore(let f):
        WithdrawalScoreView.draw(&s, state, f)
        if message == nil { message = f.message }
    case .vitals(let f):
        VitalsView.draw(&s, state, f)
        if message == nil { message = f.message }
    case .sedation(let f):
        SedationView.draw(&s, state, f)
        if message == nil { message = f.message }
    case .exception(let f):
        ExceptionView.draw(&s, state, f)
        if message == nil { message = f.message }
    case .clinicalEvent(let f):
        EventView.draw(&s, state, f)
        if message == nil { message = f.message }
    case .mar(let m):
        MARView.draw(&s, state, m)
        if message == nil { message = m.message }
    case .orderEntry(let f):
        OrderEntryView.draw(&s, state, f)
        if message == nil { message = f.message }
    case .confirm: break
    case .handover(let h): HandoverView.draw(&s, state, h)
    case .handoverEntry(let f):
        HandoverEntryView.draw(&s, state, f)
        if message == nil { message = f.message }
    case .amend(let f):
        AmendView.draw(&s, state, f, below: Array(state.stack[..<base]))
        if message == nil { message = f.message }
    case .alertAction, .picker, .discharge, .spo2Scale: break
    case .overview(let o): OverviewView.draw(&s, state, o)
    case .worklist(let w): WorklistView.draw(&s, state, w)
    case .admit(let f):
        AdmitView.draw(&s, state, f)
        if message == nil { message = f.message }
    }
    Chrome.messageLine(&s, message)
    BoardDialogs.draw(&s, state, above: base)
    for case .confirm(let c) in state.stack[(base + 1)...] {
        let q = c.question
        let r = Chrome.centered(s, width: max(Text.width(q), Text.width(c.choices)) + 8, height: 6)
        Chrome.box(&s, r, role: .alertWarning, ascii: state.asciiOnly, title: "Please confirm")
        s.put(centered: q, in: r, y: r.y + 2, role: .alertWarning, emphasis: .bold)
        s.put(centered: c.choices, in: r, y: r.y + 3, role: .alertWarning)
    }
}
