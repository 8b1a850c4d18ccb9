import Foundation
import TestTools

/// The real binary in a private tmux server (own socket, no user config),
/// driven with send-keys and read with capture-pane. The exit code is written
/// to a file, because tmux's pane_dead_status is unreliable (platform-facts H).
/// The command runs in the ward's pinned time zone (`WardZone`).
final class Tmux {
    let socket: String
    /// This session's folder: the exit-code file, and HOME for tmux and what runs in it (so a
    /// program that writes under HOME writes here, not in the system temporary folder).
    let dir: URL
    let exitFile: URL
    private static let tmuxPath = URL(fileURLWithPath: "/usr/bin/tmux")

    init(cols: Int, rows: Int, command: String, environment: [String: String] = [:]) throws {
        socket = "wl-e2e-\(UUID().uuidString.prefix(8))"
        dir = Paths.tempDir("tmux")
        exitFile = dir.appendingPathComponent("rc")
        var vars = environment
        vars["TZ"] = WardZone.identifier
        var env = ""
        for (k, v) in vars.sorted(by: { $0.key < $1.key }) { env += "\(k)=\(Self.quote(v)) " }
        let shell = "\(env)\(command); echo $? > \(Self.quote(exitFile.path))"
        _ = try tmux(["-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "\(cols)", "-y", "\(rows)", shell])
        _ = try tmux(["set-option", "-g", "remain-on-exit", "on"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: dir)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let r = try runProcess(Self.tmuxPath, ["-u", "-L", socket] + args,
                               environment: ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": dir.path],
                               timeout: 20)
        return r.stdout
    }

    /// Keys by tmux name ("Enter", "Down", "Escape", "C-l") or literal text.
    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "e2e"] + keys) }
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "e2e", "-l", text]) }

    func capture() throws -> String { try tmux(["capture-pane", "-p", "-t", "e2e"]) }

    /// Polls the screen until `text` appears; returns the screen. Throws with
    /// the last screen when it does not appear in time.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 15) throws -> String {
        try poll(timeout: timeout, what: text) { $0.contains(text) }
    }

    /// Polls the screen until `text` is gone; returns the screen. Throws with the last screen when it stays.
    @discardableResult
    func waitForAbsence(_ text: String, timeout: TimeInterval = 15) throws -> String {
        try poll(timeout: timeout, what: "no \"\(text)\"") { !$0.contains(text) }
    }

    private func poll(timeout: TimeInterval, what: String, until done: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try capture()
            if done(last) { return last }
            usleep(50_000)
        }
        throw TmuxTimeout(waitingFor: what, screen: last)
    }

    /// The program's exit status once it has ended, or nil after `timeout`.
    func exitStatus(timeout: TimeInterval = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let s = try? String(contentsOf: exitFile, encoding: .utf8),
               let n = Int32(s.trimmingCharacters(in: .whitespacesAndNewlines)) { return n }
            usleep(50_000)
        }
        return nil
    }
}

struct TmuxTimeout: Error, CustomStringConvertible {
    var waitingFor: String
    var screen: String
    var description: String { "timed out waiting for \"\(waitingFor)\"; screen was:\n\(screen)" }
}

// MARK: - Key scripts shared by the tests

extension Tmux {
    /// Types a staff ID and a PIN into the focused sign-in or witness box (ID, Enter, PIN, Enter).
    func enterCredentials(_ staffID: String, _ pin: String) throws {
        try type(staffID); try send("Enter")
        try type(pin); try send("Enter")
    }

    /// Signs in at the sign-in box and waits for `landing` to appear.
    func signIn(_ staffID: String, _ pin: String, landing: String) throws {
        try waitFor("Sign in")
        try enterCredentials(staffID, pin)
        try waitFor(landing)
    }

    /// From a screen where L locks: locks the terminal, switches to another user (Tab on the
    /// lock screen) and signs them in, then waits for `landing`.
    func switchUser(_ staffID: String, _ pin: String, landing: String) throws {
        try send("L")
        try waitFor("PIN")
        try send("Tab")
        try waitFor("Switch user")
        try enterCredentials(staffID, pin)
        try waitFor(landing)
    }

    /// Signs in as N1001 and opens the chart of the patient on the ward list's row `bedIndex`.
    func openChart(row bedIndex: Int, patient name: String) throws {
        try signIn("N1001", "111111", landing: "Müller, Grete")
        for _ in 0..<bedIndex { try send("Down") }
        try send("Enter")
        try waitFor("· Chart")   // the name alone is on the ward list too: wait for the chart itself
        try waitFor(name)
    }
}
