import CNcursesw
import Glibc
import Synchronization

/// Signal policy for an interactive terminal.
///
/// - SIGWINCH: left to ncurses (it turns it into KEY_RESIZE).
/// - SIGINT (Ctrl-C): not an exit. It becomes a Ctrl-C key event, so the
///   screens decide: quit at once, or ask first when something is unsaved.
/// - SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM: set a flag and wake
///   the run loop, which ends cleanly and restores the terminal.
/// - SIGPIPE: caught and dropped (a write to a closed pipe fails with EPIPE
///   instead). Caught, not ignored: an ignored signal stays ignored in the
///   programs this one starts (`lp`), a caught one is reset to its default.
/// - SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS: the terminal
///   settings saved before ncurses started are put back and the screen left
///   (only async-signal-safe calls: tcsetattr, write), one line says what
///   happened and where the log is, and the default action ends the process.
///   The Swift runtime's backtracer is not chained: no source paths on a
///   ward screen and no 30-second wait for a key. See `CrashRestore`.
enum Signals {
    static let termination: [Int32] = [SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM]
    static let crash: [Int32] = CrashRestore.signals

    /// Installs the handlers; returns the read end of the wake pipe.
    static func install() -> Int32 {
        guard let fds = makePipe(nonBlocking: true) else { return -1 }
        signalWakeWriteFD = fds.write
        pendingSignal.store(0, ordering: .sequentiallyConsistent)
        pendingInterrupt.store(false, ordering: .sequentiallyConsistent)
        for s in termination { setHandler(s, onTerminationSignal) }
        setHandler(SIGINT, onInterrupt)
        setHandler(SIGPIPE, onBrokenPipe)
        CrashRestore.installAltStack()
        for s in crash { setHandler(s, CrashRestore.handler, flags: SA_ONSTACK) }
        return fds.read
    }

    /// Puts back the actions that were there before `install`.
    static func uninstall(wakeReadFD: Int32) {
        for s in termination + crash + [SIGINT, SIGPIPE] where Int(s) < savedSlots {
            if savedValid[Int(s)] { sigaction(s, &savedActions[Int(s)], nil); savedValid[Int(s)] = false }
        }
        if signalWakeWriteFD >= 0 { close(signalWakeWriteFD); signalWakeWriteFD = -1 }
        if wakeReadFD >= 0 { close(wakeReadFD) }
        CrashRestore.removeAltStack()
    }

    private static func setHandler(_ s: Int32, _ handler: (@convention(c) (Int32) -> Void)?, flags: Int32 = 0) {
        var sa = sigaction()
        if let handler { sa.__sigaction_handler.sa_handler = handler } else { sa.__sigaction_handler.sa_handler = SIG_IGN }
        sigemptyset(&sa.sa_mask)
        sa.sa_flags = flags
        if Int(s) < savedSlots, sigaction(s, &sa, &savedActions[Int(s)]) == 0 {
            savedValid[Int(s)] = true
        }
    }
}

/// The first termination signal received (0 = none). Read by the run loop.
let pendingSignal = Atomic<Int32>(0)
/// Ctrl-C arrived and was not yet turned into a key event.
let pendingInterrupt = Atomic<Bool>(false)
/// Whether a SCREEN is open.
let screenIsOpen = Atomic<Bool>(false)

// Written only by install/uninstall/prepare on the UI thread, before handlers
// run / after they are removed; read inside the handlers.
nonisolated(unsafe) private var signalWakeWriteFD: Int32 = -1
private let savedSlots = 65
nonisolated(unsafe) private let savedActions = UnsafeMutablePointer<sigaction>.allocate(capacity: savedSlots)
nonisolated(unsafe) private let savedValid: UnsafeMutablePointer<Bool> = {
    let p = UnsafeMutablePointer<Bool>.allocate(capacity: savedSlots)
    p.initialize(repeating: false, count: savedSlots)
    return p
}()

private func wake(_ s: Int32) {
    var byte = UInt8(truncatingIfNeeded: s)
    _ = write(signalWakeWriteFD, &byte, 1)
}

private func onTerminationSignal(_ s: Int32) {
    _ = pendingSignal.compareExchange(expected: 0, desired: s, ordering: .sequentiallyConsistent)
    wake(s)
}

private func onBrokenPipe(_ s: Int32) {}

private func onInterrupt(_ s: Int32) {
    pendingInterrupt.store(true, ordering: .sequentiallyConsistent)
    wake(s)
}
