import Foundation
import Testing

/// The TUI started with stdin at EOF (no keyboard will ever come) must exit
/// on its own instead of spinning: ncurses returns ERR at once, forever.
@Suite struct InputClosedTests {
    @Test func tuiWithStdinAtEOFExitsByItself() throws {
        let dir = Paths.tempDir("eof"); defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("ward.sqlite").path
        let made = try runWardline(["demo", "--db", db, "--create-only"])
        #expect(made.status == 0, "\(made.stderr)")

        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"
        env["XDG_STATE_HOME"] = dir.path
        // Generous deadline: it exists only to turn a hang into a failure.
        let r = try runWardline(["--db", db], environment: env, timeout: 30)
        #expect(!r.timedOut, "wardline kept running with stdin at EOF")
        #expect(r.status == 1)
        #expect(r.stderr.contains("input closed"))
    }

    @Test func unknownTerminalGetsAClearMessage() throws {
        let dir = Paths.tempDir("term"); defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("ward.sqlite").path
        _ = try runWardline(["demo", "--db", db, "--create-only"])
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "no-such-terminal"
        env["XDG_STATE_HOME"] = dir.path
        let r = try runWardline(["--db", db], environment: env, timeout: 30)
        #expect(r.status == 2)
        #expect(r.stderr.contains("no-such-terminal"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test func missingDatabaseSaysHowToCreateOne() throws {
        let dir = Paths.tempDir("missing"); defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runWardline(["--db", dir.appendingPathComponent("nope.sqlite").path], timeout: 30)
        #expect(r.status != 0)
        #expect(r.stderr.contains("wardline init"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("nope.sqlite").path))
    }
}
