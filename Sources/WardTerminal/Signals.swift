import CNcursesw
import Glibc
import Synchronization

/// Signal policy for an interactive terminal.
///
/// - SIGWINCH: left to ncurses (it turns it into KEY_RESIZE); we install
///   nothing for it.
/// - SIGTERM, SIGINT, SIGHUP: set a flag and write a byte to a wake pipe, so
///   the run loop leaves `poll`, ends cleanly and restores the terminal.
/// - SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT: best-effort `endwin`, then the
///   previous action (the Swift runtime's backtracer) runs, then the default
///   action ends the process.
enum Signals {
    static let termination: [Int32] = [SIGTERM, SIGINT, SIGHUP]
    static let crash: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT]

    /// Installs the handlers; returns the read end of the wake pipe.
    static func install() -> Int32 {
        guard let fds = makePipe(nonBlocking: true) else { return -1 }
        signalWakeWriteFD = fds.write
        pendingSignal.store(0, ordering: .sequentiallyConsistent)
        for s in termination { setHandler(s, onTerminationSignal) }
        for s in crash { setHandler(s, onCrashSignal) }
        return fds.read
    }

    /// Puts back the actions that were there before `install`.
    static func uninstall(wakeReadFD: Int32) {
        for s in termination + crash where Int(s) < savedSlots {
            if savedValid[Int(s)] { sigaction(s, &savedActions[Int(s)], nil); savedValid[Int(s)] = false }
        }
        if signalWakeWriteFD >= 0 { close(signalWakeWriteFD); signalWakeWriteFD = -1 }
        if wakeReadFD >= 0 { close(wakeReadFD) }
    }

    private static func setHandler(_ s: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var sa = sigaction()
        sa.__sigaction_handler.sa_handler = handler
        sigemptyset(&sa.sa_mask)
        sa.sa_flags = 0
        if Int(s) < savedSlots, sigaction(s, &sa, &savedActions[Int(s)]) == 0 {
            savedValid[Int(s)] = true
        }
    }
}

/// The first termination signal received (0 = none). Read by the run loop.
let pendingSignal = Atomic<Int32>(0)
/// Whether a SCREEN is open (so the crash handler knows to call endwin).
let screenIsOpen = Atomic<Bool>(false)

// Written only by install/uninstall on the UI thread, before handlers run /
// after they are removed; read inside the handlers.
nonisolated(unsafe) private var signalWakeWriteFD: Int32 = -1
private let savedSlots = 65
nonisolated(unsafe) private let savedActions = UnsafeMutablePointer<sigaction>.allocate(capacity: savedSlots)
nonisolated(unsafe) private let savedValid: UnsafeMutablePointer<Bool> = {
    let p = UnsafeMutablePointer<Bool>.allocate(capacity: savedSlots)
    p.initialize(repeating: false, count: savedSlots)
    return p
}()

private func onTerminationSignal(_ s: Int32) {
    _ = pendingSignal.compareExchange(expected: 0, desired: s, ordering: .sequentiallyConsistent)
    var byte = UInt8(truncatingIfNeeded: s)
    _ = write(signalWakeWriteFD, &byte, 1)
}

private func onCrashSignal(_ s: Int32) {
    if screenIsOpen.load(ordering: .sequentiallyConsistent) {
        endwin()
    }
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, s)
    // First the previous action (the Swift runtime's backtracer prints the
    // crash, now on a restored terminal), delivered at once by unblocking.
    if Int(s) < savedSlots, savedValid[Int(s)] {
        sigaction(s, &savedActions[Int(s)], nil)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(s)
    }
    // If that returned (or there was none): the default action ends the process.
    signal(s, SIG_DFL)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    raise(s)
}
