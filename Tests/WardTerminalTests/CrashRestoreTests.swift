import Glibc
import Synchronization
import Testing
@testable import WardTerminal

/// A real fault (not a `kill`) in a forked child that has the terminal's signal
/// handlers: the one-line report reaches stderr and the log even when the
/// fault is a stack overflow, which leaves no stack to run a handler on.
@Suite(.serialized) struct CrashRestoreTests {
    struct Outcome { var stderr: String; var log: String; var status: Int32 }

    /// Forks; the child installs the handlers as `Terminal.interactive` does
    /// (or, with `screenOpen: false`, as a TUI command does before the screen
    /// opens), with pipes for stderr and the log, then runs `fault`.
    func runFaultingChild(screenOpen: Bool = true, _ fault: @convention(c) () -> Void) throws -> Outcome {
        var err: [Int32] = [-1, -1], log: [Int32] = [-1, -1]
        try #require(pipe(&err) == 0 && pipe(&log) == 0)
        // Prepared here (first use of the handler's buffers happens in the parent, not in the child after fork).
        let message = "probe: stopped by an internal fault ({signal}); more"
        CrashRestore.prepare(ttyFD: err[1], shellMode: termios(), leaveScreen: Array("[leave]".utf8))
        CrashRestore.prepareMessage(message)
        CrashRestore.setLog(fd: log[1], label: "probe")
        let started = time(nil)
        let pid = fork()
        if pid == 0 {
            dup2(err[1], STDERR_FILENO)
            close(err[0]); close(log[0])
            if screenOpen {
                screenIsOpen.store(true, ordering: .sequentiallyConsistent)
                _ = Signals.install()
            } else {
                CrashRestore.takeOverForProcess(message: message)
            }
            fault()
            _exit(0)
        }
        close(err[1]); close(log[1])
        CrashRestore.setLog(fd: -1, label: "probe")
        try #require(pid > 0)
        // Wait for the child itself, not for EOF: a process another test spawns meanwhile may inherit the write ends.
        var status: Int32 = 0
        var ended = false
        while !ended && time(nil) - started < 10 {
            if waitpid(pid, &status, WNOHANG) == pid { ended = true } else { usleep(20_000) }
        }
        if !ended { kill(pid, SIGKILL); waitpid(pid, &status, 0) }
        #expect(ended, "the child ended by itself, promptly")
        let out = readAvailable(err[0]), logText = readAvailable(log[0])
        close(err[0]); close(log[0])
        return Outcome(stderr: out, log: logText, status: status)
    }

    /// What is in the pipe now (the writer has ended).
    func readAvailable(_ fd: Int32) -> String {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fd, &chunk, chunk.count)
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func signalled(_ status: Int32) -> Int32? { status & 0x7f != 0 && status & 0x7f != 0x7f ? status & 0x7f : nil }

    @Test func aStackOverflowIsReportedInOneLineAndTheLogIsStamped() throws {
        let o = try runFaultingChild { _ = overflowTheStack(1) }
        #expect(signalled(o.status) == SIGSEGV, "ends with the default action of the fault (status \(o.status))")
        #expect(o.stderr == "[leave]probe: stopped by an internal fault (SIGSEGV, signal 11); more\r\n")
        let line = o.log
        #expect(line.hasSuffix(" critical [probe] probe: stopped by an internal fault (SIGSEGV, signal 11); more\n"), "\(line)")
        let stamp = String(line.prefix(20))
        #expect(stamp.count == 20 && stamp.hasSuffix("Z") && Array(stamp)[10] == "T", "log line starts with its UTC time: \(line)")
    }

    @Test func beforeTheScreenOpensAFaultIsOneLineWithoutScreenBytes() throws {
        let o = try runFaultingChild(screenOpen: false) { trapLikeSwift() }
        let s = try #require(signalled(o.status), "status \(o.status)")
        #expect(s == SIGILL || s == SIGTRAP)
        #expect(o.stderr.hasPrefix("probe: stopped by an internal fault (SIG") && o.stderr.hasSuffix("); more\r\n"), "\(o.stderr)")
        #expect(o.log.contains(" critical [probe] probe: stopped by an internal fault (SIG"), "\(o.log)")
    }

    @Test func aSwiftTrapIsReportedInOneLine() throws {
        let o = try runFaultingChild { trapLikeSwift() }
        let s = try #require(signalled(o.status), "status \(o.status)")
        #expect(s == SIGILL || s == SIGTRAP)
        #expect(o.stderr.contains("probe: stopped by an internal fault (SIG"), "\(o.stderr)")
        #expect(!o.stderr.contains("Backtracing") && !o.stderr.contains(".swift:"))
    }
}

/// Recursion that cannot become a loop (each frame's result is used after the call).
@inline(never) func overflowTheStack(_ n: Int) -> Int {
    var frame = (n, n &+ 1, n &+ 2, n &+ 3, n &+ 4, n &+ 5, n &+ 6, n &+ 7)
    let deeper = withUnsafeMutablePointer(to: &frame) { overflowTheStack($0.pointee.1) }
    return deeper &+ frame.7
}

/// A Swift runtime trap, as a failed precondition or an overflow gives: the trap instruction.
@inline(never) func trapLikeSwift() {
    let big = Int(getpid()) > 0 ? Int.max : 0
    _ = big + Int(getpid())   // arithmetic overflow: Swift traps
}
