import Foundation
import Glibc

struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
    /// True when the process had to be killed because it outlived the deadline.
    var timedOut: Bool
}

/// Runs a program to completion (or until `timeout`, then kills it).
/// stdin comes from `input` (or /dev/null); stdout and stderr go to temporary
/// files, never pipes: a daemon the program starts (tmux's server) would
/// inherit a pipe and keep it open forever. Spawned with posix_spawn and
/// reaped with waitpid, so nothing depends on a SIGCHLD monitor.
/// `stdinPath`: stdin is opened from this path instead (a FIFO the test writes to when it chooses).
func runProcess(_ executable: URL, _ arguments: [String], input: String? = nil, stdinPath: String? = nil,
                environment: [String: String]? = nil, timeout: TimeInterval = 60) throws -> ProcessResult {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wl-proc-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let inPath = dir.appendingPathComponent("in").path
    let outPath = dir.appendingPathComponent("out").path
    let errPath = dir.appendingPathComponent("err").path
    try Data((input ?? "").utf8).write(to: URL(fileURLWithPath: inPath))

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdinPath ?? (input == nil ? "/dev/null" : inPath), O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

    // The test runner's threads block signals, and a spawned process inherits
    // the caller's mask: tmux's server would then never reap its child or
    // obey kill-server. Start every child with an empty mask and default
    // handlers for the signals that matter.
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
    let rc = withCStrings(argv) { cArgv in
        withCStrings(env) { cEnv in posix_spawn(&pid, executable.path, &actions, &attr, cArgv, cEnv) }
    }
    guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL) }

    let deadline = Date().addingTimeInterval(timeout)
    var status: Int32 = 0
    var timedOut = false
    while true {
        let r = waitpid(pid, &status, WNOHANG)
        if r == pid { break }
        if r < 0 && errno != EINTR { break }
        if Date() > deadline {
            timedOut = true
            kill(pid, SIGKILL)
            _ = waitpid(pid, &status, 0)
            break
        }
        usleep(10_000)
    }
    let exited = (status & 0x7f) == 0
    let code: Int32 = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    return ProcessResult(status: code, stdout: out, stderr: err, timedOut: timedOut)
}

private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for p in pointers { free(p) } }
    return body(pointers)
}
