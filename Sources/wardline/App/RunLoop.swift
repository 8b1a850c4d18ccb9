import Foundation
import Glibc
import WardTerminal
import WardUI

/// Why `runTUI` returned.
enum RunLoopExit: Sendable, Equatable {
    /// `shouldQuit` became true (the user quit).
    case quit
    /// The terminal went away or stdin reached EOF.
    case inputClosed
    /// A termination signal arrived (SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM).
    case signal(Int32)

    /// How the process ends: ok for a normal quit, input closed, or 128 + n for signal n.
    var status: ExitStatus {
        switch self {
        case .quit: .ok
        case .inputClosed: .inputClosed
        case .signal(let s): .signal(s)
        }
    }

    static let signalNames: [Int32: String] = [
        SIGINT: "SIGINT", SIGTERM: "SIGTERM", SIGHUP: "SIGHUP", SIGQUIT: "SIGQUIT",
        SIGUSR1: "SIGUSR1", SIGUSR2: "SIGUSR2", SIGALRM: "SIGALRM",
    ]

    /// What to tell the user on stderr after the terminal is restored.
    var message: String? {
        switch self {
        case .quit: nil
        case .inputClosed: "input closed (end of file, or the terminal went away); exiting"
        case .signal(let s): "stopped by signal \(Self.signalNames[s] ?? "\(s)")"
        }
    }
}

/// The UI loop. Runs on the calling thread (the only thread that touches
/// the terminal) until `shouldQuit`, a termination signal, or closed input:
///
/// 1. draw `view(state, size)` (the terminal paints only what changed);
/// 2. wait for keys, an inbox post, a signal, or the next tick;
/// 3. turn keys into messages (`message`), add the inbox's messages and a
///    tick when due, and apply each with `update`;
/// 4. hand every returned effect to `perform`, which must not block: it runs
///    the work elsewhere and posts the result back through `inbox`.
///
/// The caller stops the terminal afterwards (`terminal.stop()`).
func runTUI<State, Msg: Sendable, Effect>(
    terminal: Terminal,
    inbox: Inbox<Msg>,
    state: inout State,
    update: (inout State, Msg) -> [Effect],
    view: (State, Size) -> Surface,
    perform: (Effect) -> Void,
    message: (InputEvent) -> Msg?,
    tick: (Date) -> Msg?,
    tickInterval: TimeInterval = 1,
    shouldQuit: (State) -> Bool,
    now: () -> Date = Date.init
) -> RunLoopExit {
    var nextTick = now().addingTimeInterval(tickInterval)
    var dirty = true
    while true {
        if shouldQuit(state) { return .quit }
        if let s = terminal.receivedSignal { return .signal(s) }
        if dirty {
            terminal.present(view(state, terminal.size))
            dirty = false
        }
        let waitMs = max(0, Int((nextTick.timeIntervalSince(now()) * 1000).rounded(.up)))
        let events = terminal.readInput(timeoutMs: waitMs, wakeFD: inbox.wakeFD)
        if let s = terminal.receivedSignal { return .signal(s) }

        var messages: [Msg] = []
        for event in events {
            if event == .inputClosed { return .inputClosed }
            if case .resize = event { dirty = true }
            // Ctrl-L repaints the whole screen (a line noise or another program's output left behind), as in
            // every full-screen terminal program; it reaches no screen (L locks).
            if event == .ctrl("l") { terminal.invalidate(); dirty = true; continue }
            if let m = message(event) { messages.append(m) }
        }
        messages += inbox.drain()
        let t = now()
        if t >= nextTick {
            if let m = tick(t) { messages.append(m) }
            nextTick = t.addingTimeInterval(tickInterval)
        }
        for m in messages {
            for effect in update(&state, m) { perform(effect) }
            dirty = true
            if shouldQuit(state) { return .quit }
        }
    }
}
