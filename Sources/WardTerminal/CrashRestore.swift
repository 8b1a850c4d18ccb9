import Glibc
import Synchronization

/// What a fault does while the screen is open (SIGSEGV, SIGBUS, SIGILL,
/// SIGFPE, SIGABRT, SIGTRAP, SIGSYS — a Swift trap is SIGILL or SIGTRAP):
///
/// 1. the terminal settings the shell had are put back (`tcsetattr`);
/// 2. the bytes that leave the full screen and show the cursor, then one line
///    ("wardline: stopped by an internal fault (SIGSEGV, signal 11) …"), go to
///    stderr; the same line, stamped like every log line, goes to the log;
/// 3. the default action ends the process (core dump rules as usual).
///
/// This replaces the Swift runtime's backtracer while the screen is open: no
/// source paths on a ward screen and no 30-second wait for a key. (The
/// runtime reads `SWIFT_BACKTRACE` only at start-up; handlers installed later
/// simply take the signals over, which is what this does.)
///
/// The handler is async-signal-safe: only `tcsetattr`, `write`,
/// `clock_gettime`, `signal`, `pthread_sigmask` and `raise`, and text built in
/// buffers allocated by `prepare` (a fault inside malloc must not deadlock
/// the handler). It runs on an alternate signal stack, so a stack overflow
/// on the UI thread — which leaves no stack to run a handler on — still
/// restores the terminal.
enum CrashRestore {
    static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS]

    /// What the handler restores while a screen is open: the terminal's
    /// settings from before ncurses and the bytes that leave the full screen
    /// and show the cursor (prepared now: a handler cannot format).
    static func prepare(ttyFD: Int32, shellMode: termios, leaveScreen: [UInt8]) {
        crashTTY = ttyFD
        crashTermios.pointee = shellMode
        crashHasTermios = true
        leave.set(leaveScreen)
    }

    /// The line the handler prints (no line, no report).
    /// `{signal}` in it becomes e.g. "SIGSEGV, signal 11".
    static func prepareMessage(_ message: String) {
        let parts = message.components(separatedBy: "{signal}")
        text.set(Array(parts[0].utf8))
        textAfterSignal.set(Array(parts.dropFirst().joined(separator: "").utf8))
        // Globals are initialised lazily, at first use: make that use happen here, not in the handler
        // (lineBuffer's initialiser calls malloc).
        _ = lineBuffer
        _ = reporting.load(ordering: .sequentiallyConsistent)
        _ = screenIsOpen.load(ordering: .sequentiallyConsistent)
        _ = (crashLogFD, crashTTY, crashHasTermios, crashTermios, leave.count, logPrefix.count)
    }

    /// A file descriptor (opened O_APPEND) the crash line is also written to,
    /// as "<UTC stamp> critical [label] <line>".
    static func setLog(fd: Int32, label: String) {
        logPrefix.set(Array(" critical [\(label)] ".utf8))
        crashLogFD = fd
    }

    /// From now until the process ends (not only while a screen is open), a
    /// fault is reported by this handler instead of the Swift runtime's
    /// backtracer; the calling thread keeps its alternate stack for good.
    static func takeOverForProcess(message: String) {
        prepareMessage(message)
        installAltStack()
        altStackForGood = true
        for s in signals {
            var sa = sigaction()
            sa.__sigaction_handler.sa_handler = handler
            sigemptyset(&sa.sa_mask)
            sa.sa_flags = SA_ONSTACK
            sigaction(s, &sa, nil)
        }
    }

    /// Gives the calling (UI) thread an alternate signal stack of our own
    /// (the one the Swift runtime may have set is put back by `removeAltStack`).
    static func installAltStack() {
        guard altStack == nil else { return }
        let size = 256 * 1024
        let memory = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        var ss = stack_t(ss_sp: memory, ss_flags: 0, ss_size: size)
        if sigaltstack(&ss, previousAltStack) == 0 {
            altStack = memory
        } else {
            memory.deallocate()
        }
    }

    /// Puts back the alternate stack that was there before `installAltStack`.
    static func removeAltStack() {
        guard let memory = altStack, !altStackForGood else { return }
        var current = stack_t()
        // Never free a stack the handler is running on (it is not: this runs on the UI thread's own stack).
        if sigaltstack(previousAltStack, &current) == 0, current.ss_flags & Int32(SS_ONSTACK) == 0 {
            memory.deallocate()
            altStack = nil
        }
    }

    static let handler: @convention(c) (Int32) -> Void = { s in onCrashSignal(s) }
}

/// A fixed buffer filled on the UI thread and only read by the handler.
private struct PreparedBytes {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    }

    mutating func set(_ bytes: [UInt8]) {
        count = min(bytes.count, capacity)
        for i in 0..<count { base[i] = bytes[i] }
    }
}

// Written only on the UI thread while no handler is installed or before a
// fault can be reported (screenIsOpen is set after prepare); read in the handler.
nonisolated(unsafe) private var crashTTY: Int32 = -1
nonisolated(unsafe) private var crashLogFD: Int32 = -1
nonisolated(unsafe) private var crashHasTermios = false
nonisolated(unsafe) private let crashTermios = UnsafeMutablePointer<termios>.allocate(capacity: 1)
nonisolated(unsafe) private var leave = PreparedBytes(capacity: 256)
nonisolated(unsafe) private var text = PreparedBytes(capacity: 512)
nonisolated(unsafe) private var textAfterSignal = PreparedBytes(capacity: 512)
nonisolated(unsafe) private var logPrefix = PreparedBytes(capacity: 64)
private let lineCapacity = 1024
nonisolated(unsafe) private let lineBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: lineCapacity)
nonisolated(unsafe) private var altStack: UnsafeMutableRawPointer?
nonisolated(unsafe) private var altStackForGood = false
nonisolated(unsafe) private let previousAltStack: UnsafeMutablePointer<stack_t> = {
    let p = UnsafeMutablePointer<stack_t>.allocate(capacity: 1)
    p.initialize(to: stack_t())
    return p
}()
/// Set by the first faulting thread: a second one waits for its report instead of cutting it short.
private let reporting = Atomic<Bool>(false)

private func signalName(_ s: Int32) -> StaticString {
    switch s {
    case SIGSEGV: "SIGSEGV"
    case SIGBUS: "SIGBUS"
    case SIGILL: "SIGILL"
    case SIGFPE: "SIGFPE"
    case SIGABRT: "SIGABRT"
    case SIGTRAP: "SIGTRAP"
    case SIGSYS: "SIGSYS"
    default: "signal"
    }
}

/// The prepared message with "SIGSEGV, signal 11" where it said `{signal}`.
private func appendMessage(_ line: inout SignalSafeText, _ s: Int32) {
    line.append(text.base, text.count)
    let name = signalName(s)
    line.append(name.utf8Start, name.utf8CodeUnitCount)
    let word: StaticString = ", signal "
    line.append(word.utf8Start, word.utf8CodeUnitCount)
    line.appendDecimal(Int(s))
    line.append(textAfterSignal.base, textAfterSignal.count)
}

private func writeAll(_ fd: Int32, _ line: SignalSafeText) {
    var off = 0
    while off < line.count {
        let n = write(fd, line.base + off, line.count - off)
        if n <= 0 { return }
        off += n
    }
}

private func onCrashSignal(_ s: Int32) {
    if text.count > 0 {
        if reporting.exchange(true, ordering: .sequentiallyConsistent) {
            // Another thread is reporting; give it a moment, then end with our own signal.
            var pause = timespec(tv_sec: 1, tv_nsec: 0)
            _ = nanosleep(&pause, nil)
        } else {
            let screenOpen = screenIsOpen.load(ordering: .sequentiallyConsistent) && crashTTY >= 0
            if screenOpen && crashHasTermios { _ = tcsetattr(crashTTY, TCSANOW, crashTermios) }
            var line = SignalSafeText(base: lineBuffer, capacity: lineCapacity)
            if screenOpen { line.append(leave.base, leave.count) }
            appendMessage(&line, s)
            line.append(13); line.append(10)
            writeAll(STDERR_FILENO, line)
            if crashLogFD >= 0 {
                var now = timespec()
                _ = clock_gettime(CLOCK_REALTIME, &now)
                var entry = SignalSafeText(base: lineBuffer, capacity: lineCapacity)
                entry.appendUTCStamp(secondsSince1970: Int(now.tv_sec))
                entry.append(logPrefix.base, logPrefix.count)
                appendMessage(&entry, s)
                entry.append(10)
                writeAll(crashLogFD, entry)
            }
        }
    }
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, s)
    signal(s, SIG_DFL)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    raise(s)
}
