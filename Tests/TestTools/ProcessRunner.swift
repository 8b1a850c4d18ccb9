import Foundation
import Glibc
import Synchronization

/// What a finished child process did.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// True when the process had to be killed because it outlived its deadline.
    public var timedOut: Bool

    public init(status: Int32, stdout: String, stderr: String, timedOut: Bool = false) {
        self.status = status; self.stdout = stdout; self.stderr = stderr; self.timedOut = timedOut
    }
}

/// Where a child's stdin comes from.
public enum ProcessInput: Sendable {
    /// /dev/null (end of file at once).
    case none
    /// This text, then end of file.
    case text(String)
    /// Opened from this path in the child (a FIFO the test writes to when it chooses).
    case path(String)
    /// A pipe the test writes with `send` and ends with `closeInput`.
    case pipe
}

/// The one way tests run a program: `runProcess` to completion, `ChildProcess` to start one and
/// finish it later.
///
/// - stdout and stderr are pipes drained **at the same time** on a thread of their own from the
///   moment the child starts, so a child that writes megabytes to either never blocks (reading one
///   pipe to its end while the child fills the other would deadlock).
/// - A deadline: a child that outlives it is killed (SIGKILL) and reported `timedOut`.
/// - Once the child has exited, what is still in the pipes is read and the rest is not waited for:
///   a daemon the child left behind (tmux's server) may hold the pipes open forever.
/// - Spawned with posix_spawn with an empty signal mask and default handlers (the test runner's
///   threads block signals, and a child inherits the mask: tmux's server would then never reap its
///   child or obey kill-server), and reaped with waitpid, so nothing depends on a SIGCHLD monitor.
/// - Its pipe ends are close-on-exec, so a process another test starts at the same moment never
///   inherits them.
@discardableResult
public func runProcess(_ executable: URL, _ arguments: [String], input: String? = nil, stdinPath: String? = nil,
                       environment: [String: String]? = nil, timeout: TimeInterval = 60) throws -> ProcessResult {
    let stdin: ProcessInput = stdinPath.map { .path($0) } ?? input.map { .text($0) } ?? .none
    return try ChildProcess(executable, arguments, input: stdin, environment: environment).finish(timeout: timeout)
}

/// `runProcess` for a program named by path, or by name (looked up on PATH, like a shell).
@discardableResult
public func runProcess(_ program: String, _ arguments: [String], input: String? = nil, environment: [String: String]? = nil,
                       timeout: TimeInterval = 60) throws -> ProcessResult {
    try runProcess(ChildProcess.locate(program), arguments, input: input, environment: environment, timeout: timeout)
}

/// A running child process whose stdout and stderr are being collected.
public final class ChildProcess: @unchecked Sendable {
    public let pid: pid_t
    /// The write end of stdin for `.pipe` (-1 once closed); only the caller's thread touches it.
    private var stdinFD: Int32
    private let exited = Atomic<Bool>(false)
    private let collected = Mutex<(out: [UInt8], err: [UInt8])>(([], []))
    private let drained = DispatchSemaphore(value: 0)
    private var result: ProcessResult?

    public init(_ executable: URL, _ arguments: [String], input: ProcessInput = .none,
                environment: [String: String]? = nil) throws {
        Self.ignoreSIGPIPE
        let out = try Self.makePipe(), err = try Self.makePipe()
        var inPipe: (read: Int32, write: Int32)? = nil
        switch input {
        case .text, .pipe: inPipe = try Self.makePipe()
        case .none, .path: break
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        switch input {
        case .none: posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        case .path(let p): posix_spawn_file_actions_addopen(&actions, 0, p, O_RDONLY, 0)
        case .text, .pipe: posix_spawn_file_actions_adddup2(&actions, inPipe!.read, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, out.write, 1)
        posix_spawn_file_actions_adddup2(&actions, err.write, 2)

        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGCHLD, SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGQUIT] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = [executable.path] + arguments
        var pid: pid_t = 0
        let rc = Self.withCStrings(argv) { cArgv in
            Self.withCStrings(env) { cEnv in posix_spawn(&pid, executable.path, &actions, &attr, cArgv, cEnv) }
        }
        // The child has its copies; the parent keeps only its own ends.
        close(out.write); close(err.write)
        if let inPipe { close(inPipe.read) }
        guard rc == 0 else {
            close(out.read); close(err.read)
            if let inPipe { close(inPipe.write) }
            throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL)
        }
        self.pid = pid
        self.stdinFD = inPipe?.write ?? -1

        let reader = Thread { [self] in self.drain(out.read, err.read) }
        reader.name = "ChildProcess \(pid) output"
        reader.start()
        if case .text(let text) = input {
            let fd = stdinFD
            stdinFD = -1
            // Written on a thread of its own: a child that reads nothing cannot block the test.
            Thread { Self.writeAll(fd, Array(text.utf8)); close(fd) }.start()
        }
    }

    deinit {
        if result == nil { _ = finish(timeout: 0) }
    }

    /// Writes `text` to the child's stdin (`.pipe` only).
    public func send(_ text: String) {
        precondition(stdinFD >= 0, "send needs input: .pipe, not yet closed")
        Self.writeAll(stdinFD, Array(text.utf8))
    }

    /// Ends the child's stdin (`.pipe`).
    public func closeInput() {
        if stdinFD >= 0 { close(stdinFD); stdinFD = -1 }
    }

    public func signal(_ sig: Int32) { kill(pid, sig) }

    /// Waits for the child to exit (killing it after `timeout`), then returns its status and output.
    @discardableResult
    public func finish(timeout: TimeInterval = 60) -> ProcessResult {
        if let result { return result }
        closeInput()
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        var timedOut = false
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { break }
            if Date() >= deadline {
                timedOut = true
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                break
            }
            usleep(5_000)
        }
        exited.store(true, ordering: .releasing)
        drained.wait()
        let exitedNormally = (status & 0x7f) == 0
        let code: Int32 = exitedNormally ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let (out, err) = collected.withLock { $0 }
        let r = ProcessResult(status: code, stdout: String(decoding: out, as: UTF8.self),
                              stderr: String(decoding: err, as: UTF8.self), timedOut: timedOut)
        result = r
        return r
    }

    /// Reads both pipes as data arrives until both end, or until the child has exited and the pipes
    /// have been quiet for a moment (something the child left running may keep them open).
    private func drain(_ outFD: Int32, _ errFD: Int32) {
        var fds = [pollfd(fd: outFD, events: Int16(POLLIN), revents: 0), pollfd(fd: errFD, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var quietSinceExit = 0
        var exitSeen: Date? = nil
        while fds.contains(where: { $0.fd >= 0 }) {
            let n = poll(&fds, nfds_t(fds.count), 20)
            if n < 0 { if errno == EINTR { continue } else { break } }
            if exitSeen == nil && exited.load(ordering: .acquiring) { exitSeen = Date() }
            if let exitSeen, Date().timeIntervalSince(exitSeen) > 2 { break }   // something left behind keeps writing
            if n == 0 {
                if exitSeen != nil {
                    quietSinceExit += 1
                    if quietSinceExit >= 5 { break }   // 100 ms without a byte after the exit
                }
                continue
            }
            quietSinceExit = 0
            for i in fds.indices where fds[i].fd >= 0 && fds[i].revents != 0 {
                let got = buffer.withUnsafeMutableBytes { read(fds[i].fd, $0.baseAddress, $0.count) }
                if got > 0 {
                    let bytes = buffer[0..<got]
                    collected.withLock { i == 0 ? $0.out.append(contentsOf: bytes) : $0.err.append(contentsOf: bytes) }
                } else if got == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(fds[i].fd)
                    fds[i].fd = -1   // poll ignores a negative fd
                }
            }
        }
        for f in fds where f.fd >= 0 { close(f.fd) }
        drained.signal()
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { return }   // EPIPE: it stopped reading
        }
    }

    /// A pipe whose ends are close-on-exec (pipe2 is not in Swift's Glibc module: set right after;
    /// a process spawned in between by another thread is covered by `drain`'s end-after-exit).
    private static func makePipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        guard Glibc.pipe(&fds) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EMFILE) }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (fds[0], fds[1])
    }

    /// A write to a child that has stopped reading is an error (EPIPE), not the end of the test process.
    private static let ignoreSIGPIPE: Void = { _ = Glibc.signal(SIGPIPE, SIG_IGN) }()

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for p in pointers { free(p) } }
        return body(pointers)
    }

    /// A path as given, or a name found on PATH.
    static func locate(_ program: String) -> URL {
        if program.contains("/") { return URL(fileURLWithPath: program) }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(program)"
            if access(candidate, X_OK) == 0 { return URL(fileURLWithPath: candidate) }
        }
        return URL(fileURLWithPath: "/usr/bin/\(program)")
    }
}
