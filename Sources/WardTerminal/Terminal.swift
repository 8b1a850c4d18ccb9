import CNcursesw
import Foundation
import Glibc
import WardUI

/// The ncurses screen. Not Sendable: create it and use it on one thread
/// (the UI thread); ncurses is process-global and not thread-safe.
///
/// Open it with `interactive(theme:)` for the real terminal, or
/// `headless(rows:cols:)` for tests (output to /dev/null, keys through a
/// pipe; hold `ScreenLock` around its lifetime, or use `withHeadless`).
public final class Terminal {
    /// The theme cells are drawn in; a new one repaints the whole screen at the next `present`.
    public var theme: Theme {
        didSet { if theme != oldValue { invalidate() } }
    }
    /// How colours are used: 256, 16, or attributes only.
    public let profile: ColorProfile
    /// True when the locale is UTF-8; otherwise line drawing and non-ASCII
    /// text are drawn in ASCII.
    public let unicode: Bool
    /// The terminfo name in use.
    public let terminalName: String

    let screen: OpaquePointer
    let outFile: UnsafeMutablePointer<FILE>
    let inFile: UnsafeMutablePointer<FILE>
    let inputFD: Int32
    let defaultColors: Bool
    let colorCount: Int
    /// Write end of the headless input pipe (-1 when interactive).
    var feedFD: Int32
    /// Read end of the signal wake pipe (-1 when headless).
    let signalFD: Int32

    var previous: Surface?
    /// How many cells the last `present` wrote (0 when nothing changed).
    public internal(set) var cellsPaintedLastFrame = 0
    var pairs: [PairKey: Int32] = [:]
    var cursorShown: Bool?
    var emptyReads = 0
    public private(set) var isStopped = false

    struct PairKey: Hashable { var fg: Int32; var bg: Int32 }

    private init(screen: OpaquePointer, out: UnsafeMutablePointer<FILE>, in inFile: UnsafeMutablePointer<FILE>,
                 theme: Theme, profile: ColorProfile, unicode: Bool, name: String, defaultColors: Bool,
                 feedFD: Int32, signalFD: Int32) {
        self.screen = screen; self.outFile = out; self.inFile = inFile
        self.inputFD = fileno(inFile)
        self.theme = theme; self.profile = profile; self.unicode = unicode; self.terminalName = name
        self.defaultColors = defaultColors; self.colorCount = Int(shim_colors())
        self.feedFD = feedFD; self.signalFD = signalFD
    }

    deinit { stop() }

    // MARK: opening

    /// Opens the real terminal on stdin/stdout. Throws (never exits) when
    /// TERM is unset, unknown, or cannot address the cursor.
    public static func interactive(theme: Theme,
                                   environment: [String: String] = ProcessInfo.processInfo.environment) throws(TerminalError) -> Terminal {
        let unicode = LocaleSetup.prepare()
        guard let term = environment["TERM"], !term.isEmpty else { throw .termNotSet }
        let outFD = dup(STDOUT_FILENO), inFD = dup(STDIN_FILENO)
        guard outFD >= 0, inFD >= 0, let out = fdopen(outFD, "w"), let inp = fdopen(inFD, "r") else {
            throw .cannotOpen("stdin or stdout is closed")
        }
        // Our handlers go in before newterm, so ncurses leaves SIGINT and
        // SIGTERM to us (it only claims signals still at their default),
        // and stop() puts back exactly what was there before.
        // The settings the shell had, for the crash handler to put back.
        var shellMode = termios()
        let haveShellMode = tcgetattr(inFD, &shellMode) == 0
        let sigFD = Signals.install()
        guard let scr = newterm(term, out, inp) else {
            fclose(out); fclose(inp); Signals.uninstall(wakeReadFD: sigFD)
            throw .unknownTerminal(term)
        }
        set_term(scr)
        if shim_tigetstr("cup") == nil {
            endwin(); delscreen(scr); fclose(out); fclose(inp); Signals.uninstall(wakeReadFD: sigFD)
            throw .noCursorAddressing(term)
        }
        configureInput()
        // Ctrl-S / Ctrl-Q are keys, not XON/XOFF: a stray Ctrl-S must never freeze a patient's chart on
        // screen past the idle lock. ISIG stays on, so Ctrl-C is still SIGINT (and asks when something is
        // unsaved, counting the keys typed before it); Ctrl-\ no longer sends SIGQUIT, which would end the program without asking. endwin
        // puts the shell's settings back.
        var mode = termios()
        if tcgetattr(inFD, &mode) == 0 {
            mode.c_iflag &= ~tcflag_t(IXON | IXOFF)
            // NOFLSH: Ctrl-C must not throw away keys typed before it that the program has not read
            // yet (a busy moment): the form's last digits count when Ctrl-C asks whether to quit.
            mode.c_lflag |= tcflag_t(NOFLSH)
            withUnsafeMutableBytes(of: &mode.c_cc) { $0[Int(VQUIT)] = 0 }   // _POSIX_VDISABLE
            _ = tcsetattr(inFD, TCSANOW, &mode)
            def_prog_mode()
        }
        if haveShellMode {
            var leave: [UInt8] = []
            for cap in ["rmcup", "cnorm", "sgr0"] {
                if let seq = cap.withCString({ shim_tigetstr($0) }) { leave += Array(String(cString: seq).utf8) }
            }
            CrashRestore.prepare(ttyFD: inFD, shellMode: shellMode, leaveScreen: leave + [13, 10])
            CrashRestore.prepareMessage(faultMessage)
        }
        var profile = ColorProfile.mono
        var defaults = false
        if !ColorProfile.noColorRequested(environment), has_colors() {
            start_color()
            defaults = use_default_colors() == OK
            profile = ColorProfile.detect(hasColors: true, colors: Int(shim_colors()), environment: environment)
        }
        screenIsOpen.store(true, ordering: .sequentiallyConsistent)
        return Terminal(screen: scr, out: out, in: inp, theme: theme, profile: profile, unicode: unicode,
                        name: term, defaultColors: defaults, feedFD: -1, signalFD: sigFD)
    }

    /// Opens a virtual screen: output to /dev/null, input from a pipe fed by
    /// `feed(_:)`, size set with `resizeterm`. Needs no tty and no TERM.
    /// The caller must hold `ScreenLock` for the terminal's whole life.
    public static func headless(rows: Int, cols: Int, theme: Theme = .standard, profile: ColorProfile? = nil,
                                terminalName: String = "xterm-256color", unicode: Bool = true) throws(TerminalError) -> Terminal {
        let localeOK = LocaleSetup.prepare()
        guard let fds = makePipe(nonBlocking: false) else { throw .cannotOpen("pipe failed") }
        guard let out = fopen("/dev/null", "w"), let inp = fdopen(fds.read, "r") else {
            close(fds.read); close(fds.write)
            throw .cannotOpen("/dev/null")
        }
        guard let scr = newterm(terminalName, out, inp) else {
            fclose(out); fclose(inp); close(fds.write)
            throw .unknownTerminal(terminalName)
        }
        set_term(scr)
        configureInput()
        var defaults = false
        if has_colors() {
            start_color()   // COLORS is known only after this
            defaults = use_default_colors() == OK
        }
        let wanted = profile ?? ColorProfile.detect(hasColors: has_colors(), colors: Int(shim_colors()), environment: [:])
        resizeterm(Int32(rows), Int32(cols))
        screenIsOpen.store(true, ordering: .sequentiallyConsistent)
        let t = Terminal(screen: scr, out: out, in: inp, theme: theme, profile: has_colors() ? wanted : .mono,
                         unicode: unicode && localeOK, name: terminalName, defaultColors: defaults,
                         feedFD: fds.write, signalFD: -1)
        _ = t.drainKeys()  // the KEY_RESIZE that resizeterm queued
        return t
    }

    /// Runs `body` with a headless terminal while holding `ScreenLock`,
    /// then stops it.
    public static func withHeadless<R>(rows: Int, cols: Int, theme: Theme = .standard, profile: ColorProfile? = nil,
                                       terminalName: String = "xterm-256color", unicode: Bool = true,
                                       _ body: (Terminal) throws -> R) throws -> R {
        try ScreenLock.run {
            let t = try headless(rows: rows, cols: cols, theme: theme, profile: profile,
                                 terminalName: terminalName, unicode: unicode)
            defer { t.stop() }
            return try body(t)
        }
    }

    private static func configureInput() {
        let w = shim_stdscr()!
        cbreak()          // not raw(): Ctrl-C still raises SIGINT
        noecho()
        keypad(w, true)
        nodelay(w, true)
        set_escdelay(25)
        curs_set(0)
        // Sequences some terminals send that their terminfo entry lacks.
        let extra: [(String, Int32)] = [
            ("\u{1B}[Z", KEY_BTAB), ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END),
            ("\u{1B}OH", KEY_HOME), ("\u{1B}OF", KEY_END), ("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END),
            ("\u{1B}[7~", KEY_HOME), ("\u{1B}[8~", KEY_END),
        ]
        for (seq, code) in extra where key_defined(seq) <= 0 { define_key(seq, code) }
    }

    // MARK: closing

    /// Restores the terminal (endwin) and frees the screen. Idempotent.
    public func stop() {
        guard !isStopped else { return }
        isStopped = true
        set_term(screen)
        curs_set(1)
        endwin()
        screenIsOpen.store(false, ordering: .sequentiallyConsistent)
        delscreen(screen)
        fflush(outFile)
        fclose(outFile)
        fclose(inFile)
        if feedFD >= 0 { close(feedFD); feedFD = -1 }
        if signalFD >= 0 { Signals.uninstall(wakeReadFD: signalFD) }
    }

    // MARK: state

    /// The current screen size (updated by ncurses on resize).
    public var size: Size {
        let w = shim_stdscr()
        return Size(cols: Int(getmaxx(w)), rows: Int(getmaxy(w)))
    }

    /// The one line a fault prints (and logs) instead of the Swift backtracer.
    static let faultMessage = "wardline: stopped by an internal fault ({signal}). The terminal is restored; "
        + "what was saved is kept, an unsaved form is lost. Tell ward IT (the log has the time)."

    /// From now until the process ends — before the screen opens and after it
    /// closes too — a fault (SIGSEGV, SIGILL, SIGABRT, …) prints one line and
    /// logs it instead of running the Swift runtime's backtracer (source paths,
    /// a 30-second wait for a key). While a screen is open it also restores the
    /// terminal. Call it first thing in a command that opens the TUI.
    public static func takeOverFaults() { CrashRestore.takeOverForProcess(message: faultMessage) }

    /// Sends the crash line to the log too (an fd opened O_APPEND; async-signal-safe to write),
    /// stamped and labelled like the log's other lines.
    public static func setCrashLog(fd: Int32, label: String = "wardline") { CrashRestore.setLog(fd: fd, label: label) }

    /// The termination signal received (SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM), if any.
    /// The run loop checks it after each `readInput` and ends cleanly.
    public var receivedSignal: Int32? {
        let s = pendingSignal.load(ordering: .sequentiallyConsistent)
        return s == 0 ? nil : s
    }

    /// Whether the cursor is currently shown (a text field has focus).
    public var cursorVisible: Bool { cursorShown == true }

    /// Where ncurses' cursor is (column, row).
    public var cursorPosition: (x: Int, y: Int) {
        let w = shim_stdscr()
        return (Int(getcurx(w)), Int(getcury(w)))
    }

    /// The bytes the terminal sends for a terminfo key capability
    /// (e.g. "kcud1" for cursor-down), or nil if it has none.
    public func keySequence(_ capability: String) -> [UInt8]? {
        guard let s = shim_tigetstr(capability) else { return nil }
        return Array(String(cString: s).utf8)
    }

    /// Simulates a terminal resize (tests): the next `readInput` reports it.
    public func simulateResize(rows: Int, cols: Int) {
        resizeterm(Int32(rows), Int32(cols))
    }

    /// Writes bytes into the headless input pipe, as if typed.
    public func feed(_ bytes: [UInt8]) {
        guard feedFD >= 0 else { return }
        bytes.withUnsafeBufferPointer { p in
            var off = 0
            while off < p.count {
                let n = write(feedFD, p.baseAddress! + off, p.count - off)
                if n <= 0 { break }
                off += n
            }
        }
    }

    public func feed(_ text: String) { feed(Array(text.utf8)) }

    /// Closes the headless input pipe: the input is now at EOF.
    public func closeInput() {
        if feedFD >= 0 { close(feedFD); feedFD = -1 }
    }
}
