import Foundation
import Glibc
import Logging
import Synchronization
import WardCore
import WardStore
import WardTerminal
import WardUI

/// Everything the ward TUI needs to start, already loaded and validated.
struct WardAppConfig {
    var store: Store
    var wardProtocol: WardProtocol
    /// The theme to start with and where this terminal remembers a change.
    var theme: ThemeAtStart
    /// Shown on the sign-in screen until the first key (demo hints).
    var greeting: String?
    var log: Logger
}

/// Runs the ward TUI on this terminal until the user quits, the terminal
/// goes away or a signal arrives. Returns the process exit status.
func runWardApp(_ config: WardAppConfig) -> ExitStatus {
    let environment = ProcessInfo.processInfo.environment
    let terminal: Terminal
    do {
        terminal = try Terminal.interactive(theme: config.theme.theme, environment: environment)
    } catch {
        printError("\(error)")
        return .invalidArgument
    }
    let terminalName = TerminalIdentity.name(environment: environment)
    let policy = config.wardProtocol.security
    let inbox = Inbox<Msg>()
    let runner = EffectRunner(store: config.store, wardProtocol: config.wardProtocol, policy: policy,
                              terminalName: terminalName, inbox: inbox, log: config.log)

    var state = AppState(wardProtocol: config.wardProtocol, securityPolicy: policy, now: Date(),
                         size: terminal.size, terminalName: terminalName, asciiOnly: !terminal.unicode)
    if let greeting = config.greeting { state.flash = Flash(greeting) }
    state.theme = ThemeChoice(current: config.theme.theme.name)
    if let note = config.theme.note {
        if config.theme.noteIsProblem { config.log.warning("\(note)") } else { config.log.info("\(note)") }
    }

    // The first frame (the sign-in screen) is drawn at once; the first snapshot is read behind
    // it and arrives through the inbox, like every later one.
    runner.perform(.loadWard)
    // Another terminal's commit: this one's own commits are already in the snapshot it posted.
    // Started behind the first frame (it opens a connection of its own).
    let feed = Mutex<ChangeFeed?>(nil)
    let store = config.store
    DispatchQueue.global().async {
        let started = try? ChangeFeed(store: store, onConnection: { inbox.post(.connection(reachable: $0)) }) { version in
            if runner.isNews(version) { inbox.post(.storeChanged) }
        }
        feed.withLock { $0 = started }
    }
    config.log.info("tui started", metadata: ["terminal": "\(terminalName)"])

    let exit = runTUI(
        terminal: terminal, inbox: inbox, state: &state,
        update: update,
        view: { s, size in
            var s = s
            s.size = size
            return view(s)
        },
        perform: { effect in
            // A theme is drawn by the terminal, so it changes here, on the UI thread.
            if case .useTheme(let name) = effect {
                inbox.post(ThemeSwitch.apply(name, to: terminal, memory: config.theme.memory, log: config.log))
            } else {
                runner.perform(effect)
            }
        },
        message: { .input($0) },
        tick: { .tick($0) },
        shouldQuit: { $0.quitting })
    feed.withLock { $0?.stop() }
    terminal.stop()
    config.log.info("tui stopped", metadata: ["exit": "\(exit.status.code)"])
    if let m = exit.message { printError(m) }
    return exit.status
}

enum TerminalIdentity {
    /// The tty this process runs on, plus the SSH client address when remote.
    static func name(environment: [String: String]) -> String {
        var name = "unknown-tty"
        if let p = ttyname(STDIN_FILENO) { name = String(cString: p) }
        if let ssh = environment["SSH_CLIENT"]?.split(separator: " ").first { name += " ssh:\(ssh)" }
        return name
    }
}
