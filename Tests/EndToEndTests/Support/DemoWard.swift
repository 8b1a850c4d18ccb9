import Foundation
import Testing

/// A demo ward database in a fresh temporary directory, for one test.
struct DemoWardDB {
    let dir: URL
    let path: String

    init(_ tag: String) throws {
        dir = Paths.tempDir(tag)
        path = dir.appendingPathComponent("ward.sqlite").path
        let made = try runProcess(Paths.binary, ["demo", "--db", path, "--create-only"])
        try #require(made.status == 0, "\(made.stderr)")
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }

    /// The TUI on this database in a private tmux server; its log goes to `dir`.
    func openTUI(cols: Int, rows: Int) throws -> Tmux {
        try Tmux(cols: cols, rows: rows, command: "\(Tmux.quote(Paths.binary.path)) --db \(Tmux.quote(path))",
                 environment: ["XDG_STATE_HOME": dir.path])
    }

    /// The sqlite3 shell's answer to `query`, trimmed (reading from outside the app).
    func sql(_ query: String) throws -> String {
        try runProcess(URL(fileURLWithPath: "/usr/bin/sqlite3"), [path, query]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension Tmux {
    /// Signs in at the sign-in box and waits for `landing` to appear.
    func signIn(_ staffID: String, _ pin: String, landing: String) throws {
        try waitFor("Sign in")
        try type(staffID); try send("Enter")
        try type(pin); try send("Enter")
        try waitFor(landing)
    }
}
