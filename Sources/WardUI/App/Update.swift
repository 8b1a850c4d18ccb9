import Foundation
import WardCore

/// The one place state changes. Pure: no I/O, no clock but `state.now`.
public func update(_ state: inout AppState, _ msg: Msg) -> [Effect] {
    switch msg {
    case .input(let event):
        return state.handleInput(event)
    case .tick(let date):
        state.now = date
        state.lockIfIdle()
        return state.refreshBoard()
    case .signInResult(let result):
        return state.handleSignInResult(result)
    case .wardLoaded(let snapshot):
        state.ward = snapshot
        state.clampSelections()
        let boardEffects = state.refreshBoard()
        return state.refreshHandover() + boardEffects
    case .saved(let result):
        return state.handleSaved(result)
    case .storeChanged:
        return [.loadWard]
    case .vitalsSaved, .sedationSaved, .exceptionSaved:
        return state.handleObservationSaved(msg)
    case .eventSaved(let result):
        return state.handleEventSaved(result)
    case .doseRecorded(let result):
        return state.handleDoseRecorded(result)
    case .overrideCosigned(let result):
        return state.handleOverrideCosigned(result)
    case .orderSaved(let result):
        return state.handleOrderSaved(result)
    case .prnEffectRecorded(let result):
        return state.handlePRNEffectRecorded(result)
    case .handoverRendered(let doc):
        return state.handleHandoverRendered(doc)
    case .handoverSaved(let result):
        return state.handleHandoverSaved(result)
    case .handoverPrinted(let message, let ok):
        return state.handleHandoverPrinted(message, ok: ok)
    case .amended(let result):
        return state.handleAmended(result)
    case .boardSaved(let result):
        return state.handleBoardSaved(result)
    case .themeApplied(let name, let notRemembered):
        return state.handleThemeApplied(name: name, notRemembered: notRemembered)
    }
}

extension AppState {
    mutating func handleInput(_ event: InputEvent) -> [Effect] {
        switch event {
        case .resize(let s):
            let columns = handoverColumns
            size = s
            return columns == handoverColumns ? [] : refreshHandover()
        case .inputClosed:
            quitting = true
            return [.quit]
        default:
            break
        }
        // Too small to show what a key would act on: keys do nothing (the screen says so); Ctrl-C still quits
        // when nothing is unsaved.
        if size.isBelowMinimum {
            if event == .ctrl("c"), unsavedCount == 0 { quitting = true; return [.quit] }
            return []
        }
        if event == .ctrl("c") { return handleInterrupt() }
        lastInputAt = now
        flash = nil
        // The key that dismisses the critical banner does nothing else, except `a`, which opens
        // the acknowledge dialog of the banner's own alert (never the screen's patient).
        if banner != nil, gate == nil, !showingHelp {
            let alert = bannerAlert
            banner = nil; bannerAlert = nil
            if event == .char("a"), let alert, session?.staff.role.may(.handleAlert) == true,
               openAlerts.contains(where: { $0.id == alert.id }) {
                stack.append(.alertAction(AlertActionForm(mode: .acknowledge, alert: alert)))
            }
            return []
        }
        banner = nil; bannerAlert = nil
        let context = keyContext
        let action = keymap.action(for: event, in: context)
        if showingHelp {
            switch action {
            case .closeHelp: showingHelp = false
            case .moveUp: helpScroll = max(0, helpScroll - 1)
            case .moveDown: helpScroll = min(HelpOverlay.maxScroll(self), helpScroll + 1)
            case .pageUp: helpScroll = max(0, helpScroll - HelpOverlay.page(self))
            case .pageDown: helpScroll = min(HelpOverlay.maxScroll(self), helpScroll + HelpOverlay.page(self))
            case .first: helpScroll = 0
            case .last: helpScroll = HelpOverlay.maxScroll(self)
            case .nextTheme: return nextTheme()
            default: break
            }
            return []
        }
        switch gate {
        case .signIn(var form):
            let fx = handleSignIn(action, event, &form)
            if case .signIn = gate { gate = .signIn(form) }
            return fx
        case .locked(var form):
            let fx = handleLock(action, event, &form)
            if case .locked = gate { gate = .locked(form) }
            return fx
        case nil:
            break
        }
        if let fx = handleObservationInput(action, event) { return fx }
        // Typing steps (reason, note, witness, order form) read plain characters.
        if case .mar(var m)? = stack.last, m.step != .list {
            let old = stack[stack.count - 1]
            let fx = handleMAR(action, event, &m)
            replaceTop(.mar(m), if: old, at: stack.count - 1)
            return fx
        }
        if case .orderEntry(var f)? = stack.last {
            let old = stack[stack.count - 1]
            let fx = handleOrderEntry(action, event, &f)
            replaceTop(.orderEntry(f), if: old, at: stack.count - 1)
            return fx
        }
        if case .amend(var f)? = stack.last, action != .help, action != .lock {
            let old = stack[stack.count - 1]
            let fx = handleAmend(action, event, &f)
            replaceTop(.amend(f), if: old, at: stack.count - 1)
            return fx
        }
        if action == nil, case .handoverEntry(var f)? = stack.last {
            let fx = handleHandoverEntry(nil, event, &f)
            if case .handoverEntry? = stack.last { stack[stack.count - 1] = .handoverEntry(f) }
            return fx
        }
        if gate == nil, let fx = handleTextEntry(action, event) { return fx }
        if gate == nil, let fx = handleBedFinder(event) { return fx }
        guard let action else { return [] }
        switch action {
        case .help:
            showingHelp = true
            helpScroll = 0
            return []
        case .lock:
            lock()
            return []
        default:
            break
        }
        let topIndex = stack.count - 1
        guard let top = stack.last else {
            stack = [.wardList(WardListState())]
            return []
        }
        switch top {
        case .wardList(var s):
            let fx = handleWardList(action, &s)
            replaceTop(.wardList(s), if: top, at: topIndex)
            return fx
        case .chart(var s):
            let fx = handleChart(action, &s)
            replaceTop(.chart(s), if: top, at: topIndex)
            return fx
        case .withdrawalScore(var f):
            let fx = handleWithdrawalScore(action, event, &f)
            replaceTop(.withdrawalScore(f), if: top, at: topIndex)
            return fx
        case .confirm(let c):
            return handleConfirm(action, c)
        case .vitals, .sedation, .exception, .clinicalEvent:
            return []   // handled by handleObservationInput
        case .mar(var m):
            let fx = handleMAR(action, event, &m)
            replaceTop(.mar(m), if: top, at: topIndex)
            return fx
        case .orderEntry, .amend:
            return []
        case .handover(var h):
            let fx = handleHandover(action, &h)
            replaceTop(.handover(h), if: top, at: topIndex)
            return fx
        case .handoverEntry(var f):
            let fx = handleHandoverEntry(action, event, &f)
            replaceTop(.handoverEntry(f), if: top, at: topIndex)
            return fx
        case .overview(var s):
            let fx = handleOverview(action, &s)
            replaceTop(.overview(s), if: top, at: topIndex)
            return fx
        case .worklist(var s):
            let fx = handleWorklist(action, &s)
            replaceTop(.worklist(s), if: top, at: topIndex)
            return fx
        case .picker(var s):
            let fx = handlePicker(action, &s)
            replaceTop(.picker(s), if: top, at: topIndex)
            return fx
        case .discharge(var s):
            let fx = handleDischarge(action, &s)
            replaceTop(.discharge(s), if: top, at: topIndex)
            return fx
        case .alertAction, .admit, .spo2Scale:
            return []   // handled by handleTextEntry
        }
    }

    /// Writes back a screen's changed state if the handler left it in place
    /// (it may have pushed a screen above it, or popped itself).
    private mutating func replaceTop(_ screen: Screen, if old: Screen, at index: Int) {
        if stack.indices.contains(index), stack[index] == old { stack[index] = screen }
    }

    mutating func handleConfirm(_ action: Action, _ c: Confirm) -> [Effect] {
        switch action {
        case .confirmYes:
            stack.removeLast()
            switch c {
            case .discardScores(let scale):
                if case .withdrawalScore = stack.last { stack.removeLast() }
                flash = Flash("\(scale.displayName) discarded (nothing was saved).", role: .alertWarning)
                return []
            case .discardForm(let what):
                if let last = stack.last, last.isBedsideForm { stack.removeLast() }
                flash = Flash("\(what.prefix(1).uppercased() + what.dropFirst()) discarded (nothing was saved).", role: .alertWarning)
                return []
            case .quit:
                quitting = true
                return [.quit]
            }
        case .confirmNo:
            stack.removeLast()
            return []
        default:
            return []
        }
    }

    /// Keeps list selections inside a changed ward.
    mutating func clampSelections() {
        let beds = ward?.ward.beds.count ?? 0
        for i in stack.indices {
            if case .wardList(var s) = stack[i] {
                s.selected = max(0, min(s.selected, beds - 1))
                stack[i] = .wardList(s)
            }
        }
    }

    /// Puts a saved assessment into the snapshot at once (the reload follows).
    mutating func insert(_ a: Assessment) {
        guard var w = ward else { return }
        var list = w.assessments[a.patientID] ?? []
        guard !list.contains(where: { $0.id == a.id }) else { return }
        list.insert(a, at: 0)
        list.sort { $0.recordedAt > $1.recordedAt }
        w.assessments[a.patientID] = list
        ward = w
    }

    /// " for Müller, Grete (bed 1)": every save message names whose record it went into, so a slip
    /// onto the wrong chart shows at once.
    func forWhom(_ id: PatientID) -> String {
        guard let p = ward?.patient(id) else { return "" }
        return " for \(p.name)" + (p.bed.map { " (bed \($0))" } ?? "")
    }

    mutating func handleSaved(_ result: Result<Assessment, CommandRefusal>) -> [Effect] {
        // The form that was saving: on screen, or parked for someone who was switched away from.
        switch result {
        case .success(let a):
            insert(a)
            if let i = stack.lastIndex(where: { if case .withdrawalScore(let f) = $0 { f.saving } else { false } }) {
                let round = if case .withdrawalScore(let f) = stack[i] { f.round } else { false }
                stack.removeSubrange(i...)
                // Says what was saved and for whom, so a slip onto the wrong chart shows at once.
                let who = forWhom(a.patientID)
                flash = Flash("Saved \(Format.clock(a.recordedAt, calendar)): \(a.scale.displayName) \(a.total) \(a.band)\(who).",
                              role: .saved)
                if round { continueRound(after: a) }
            } else {
                for (key, parked) in drafts {
                    guard let i = parked.lastIndex(where: { if case .withdrawalScore(let f) = $0 { f.saving } else { false } }) else { continue }
                    var rest = parked
                    rest.removeSubrange(i...)
                    drafts[key] = AppState.unsavedWork(in: rest).isEmpty ? nil : rest
                }
            }
            return [.loadWard]
        case .failure(let refusal):
            func fail(_ s: inout [Screen]) -> Bool {
                guard let i = s.lastIndex(where: { if case .withdrawalScore(let f) = $0 { f.saving } else { false } }),
                      case .withdrawalScore(var f) = s[i] else { return false }
                f.saving = false
                f.message = Flash(refusal.notSavedText, role: .error)
                s[i] = .withdrawalScore(f)
                return true
            }
            if fail(&stack) { return [] }
            for key in drafts.keys {
                var parked = drafts[key] ?? []
                if fail(&parked) { drafts[key] = parked; return [] }
            }
            flash = Flash(refusal.notSavedText, role: .error)
            return []
        }
    }
}

extension AppState {
    /// Drafts kept for staff who stepped away, and the work open now.
    var unsavedCount: Int { unsavedWork.count }

    /// Ctrl-C: quits like `q` — at once when nothing is unsaved, else asking first.
    mutating func handleInterrupt() -> [Effect] {
        let work = unsavedWork
        guard !work.isEmpty else { quitting = true; return [.quit] }
        guard gate == nil else {
            flash = Flash("Not quit: \(AppState.draftsPhrase(work)) of signed-out staff would be lost. Sign in, then q.",
                          role: .alertWarning)
            return []
        }
        if case .confirm(.quit)? = stack.last { return [] }
        stack.append(.confirm(.quit(unsaved: work)))
        return []
    }
}

extension Size {
    /// Below this no screen can show what a key acts on (the view says so and keys are ignored).
    public static let minimum = Size(cols: 60, rows: 16)
    public var isBelowMinimum: Bool { cols < Size.minimum.cols || rows < Size.minimum.rows }
}
