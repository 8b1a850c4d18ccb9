import Foundation
import WardCore

/// The one place state changes. Pure: no I/O, no clock but `state.now`.
public func update(_ state: inout AppState, _ msg: Msg) -> [Effect] {
    switch msg {
    case .input(let event):
        return state.handleInput(event) + state.leaveViewedWardIfBack()
    case .tick(let date):
        state.now = date
        state.lockIfIdle()
        return state.refreshBoard() + state.refreshSite()
    case .signInResult(let result):
        // (Someone else signing in lands on the site view: a ward opened read-only is put away.)
        return state.handleSignInResult(result) + state.leaveViewedWardIfBack()
    case .wardLoaded(let snapshot):
        guard state.viewing == nil else { return [] }   // the site's own, while another ward is shown
        state.ward = snapshot
        state.clampSelections()
        let boardEffects = state.refreshBoard()
        return state.refreshHandover() + boardEffects
    case .viewedWardLoaded(let ward, let snapshot, let proto):
        return state.showViewedWard(ward, snapshot, proto)
    case .viewedWardRefused(let why):
        state.siteLoading = false
        state.flash = Flash(why, role: .error)
        return []
    case .siteLoaded(let rows):
        state.siteRows = rows
        state.siteLoadedAt = state.now
        state.siteLoading = false
        // The first read shows the wards read so far and reads on at once.
        if rows.contains(where: \.reading), let session = state.session, case .site(_)? = state.stack.last {
            state.siteLoading = true
            return [.loadSite(session: session)]
        }
        return []
    case .finished(let result, let verb):
        return state.handleFinished(result, verb: verb)
    case .storeChanged:
        return [.loadWard]
    case .connection(let reachable):
        state.reconnecting = !reachable
        return reachable ? [.loadWard] : []
    case .handoverRendered(let doc):
        return state.handleHandoverRendered(doc)
    case .handoverPrinted(let message, let ok):
        return state.handleHandoverPrinted(message, ok: ok)
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
        guard let top = stack.last else {
            stack = [.wardList(WardListState())]
            return []
        }
        var screen = top.component
        if action == .help || action == .lock, screen.appKeysFirst(action, event) {
            if action == .help {
                showingHelp = true
                helpScroll = 0
            } else {
                lock()
            }
            return []
        }
        let topIndex = stack.count - 1
        if screen.saving {
            // Keys wait for the store's answer to the command this screen started.
            screen.waitForAnswer()
            replaceTop(screen.screen, if: top, at: topIndex)
            return []
        }
        let fx = screen.update(action, event, &self)
        replaceTop(screen.screen, if: top, at: topIndex)
        return fx
    }

    /// Writes back a screen's changed state if the handler left it in place
    /// (it may have pushed a screen above it, or popped itself).
    private mutating func replaceTop(_ screen: Screen, if old: Screen, at index: Int) {
        if stack.indices.contains(index), stack[index] == old { stack[index] = screen }
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
