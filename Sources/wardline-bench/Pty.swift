import Foundation

/// A program on a pseudo-terminal of its own (no tmux in between): the
/// benchmark starts the real binary, reads what it draws and types into it.
final class Pty {
    let pid: pid_t
    private let master: Int32
    private(set) var output = Data()

    init(_ argv: [String], environment: [String: String], cols: Int, rows: Int) throws {
        // posix_openpt/unlockpt/ptsname are not in Swift's Glibc module: the same through /dev/ptmx and
        // Linux's ioctls (TIOCSPTLCK = _IOW('T', 0x31, int), TIOCGPTN = _IOR('T', 0x30, unsigned int)).
        let m = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0, number: UInt32 = 0
        guard m >= 0, ioctl(m, 0x4004_5431, &unlock) == 0, ioctl(m, 0x8004_5430, &number) == 0 else {
            throw BenchError("no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let name = "/dev/pts/\(number)"
        var ws = winsize(ws_row: UInt16(rows), ws_col: UInt16(cols), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(m, UInt(TIOCSWINSZ), &ws)
        let slave = name
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // After setsid, the first terminal the child opens becomes its controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t(); sigemptyset(&none)
        posix_spawnattr_setsigmask(&attr, &none)
        // POSIX_SPAWN_SETSID (glibc 2.26, 0x80) is behind _GNU_SOURCE, which Swift's Glibc module does not define.
        posix_spawnattr_setflags(&attr, Int16(0x80 | POSIX_SPAWN_SETSIGMASK))
        let args = argv.map { strdup($0) } + [nil]
        let env = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in args { free(p) }; for p in env { free(p) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, argv[0], &actions, &attr, args, env)
        guard rc == 0 else { close(m); throw BenchError("cannot start \(argv[0]): \(String(cString: strerror(rc)))") }
        pid = child; master = m
        _ = fcntl(m, F_SETFL, fcntl(m, F_GETFL) | O_NONBLOCK)
    }

    /// Reads what is there now (never blocks longer than `wait`).
    func pump(wait: TimeInterval = 0.002) {
        var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, Int32(wait * 1000)) > 0 else { return }
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(master, &buf, buf.count)
            if n <= 0 { break }
            output.append(contentsOf: buf[0..<n])
        }
    }

    /// Waits until the output since `from` contains `text`; the time it took, or nil at the deadline.
    func waitFor(_ text: String, from: Int = 0, timeout: TimeInterval = 15) -> TimeInterval? {
        let needle = Data(text.utf8)
        let t0 = DispatchTime.now().uptimeNanoseconds
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            pump()
            if output.count > from, output[from...].range(of: needle) != nil {
                return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            }
        }
        return nil
    }

    func type(_ text: String) { let b = Array(text.utf8); _ = write(master, b, b.count) }

    /// Proportional set size now, kB: shared pages (the binary's code, libraries) divided among
    /// the processes that map them — what one more terminal costs the host.
    var pssKB: Int? {
        guard let s = try? String(contentsOfFile: "/proc/\(pid)/smaps_rollup", encoding: .utf8) else { return nil }
        return s.split(separator: "\n").first { $0.hasPrefix("Pss:") }
            .flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }
    }

    /// Resident memory now, kB (VmRSS).
    var rssKB: Int? {
        guard let s = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        return s.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
            .flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }
    }

    func stop() {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        for _ in 0..<200 { if waitpid(pid, &status, WNOHANG) == pid { break }; usleep(5_000) }
        kill(pid, SIGKILL); _ = waitpid(pid, &status, WNOHANG)
        close(master)
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// Runs a program to completion with stdout to /dev/null; its wall time in seconds.
func timedRun(_ argv: [String]) -> TimeInterval? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let args = argv.map { strdup($0) } + [nil]
    defer { for p in args { free(p) } }
    let t0 = DispatchTime.now().uptimeNanoseconds
    var pid: pid_t = 0
    guard posix_spawn(&pid, argv[0], &actions, nil, args, environ) == 0 else { return nil }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
}

/// Runs a program to completion; what it wrote to stdout and stderr.
func runCapturing(_ argv: [String]) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: argv[0])
    p.arguments = Array(argv.dropFirst())
    let pipe = Pipe()
    p.standardOutput = pipe; p.standardError = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
