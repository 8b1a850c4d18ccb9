import Foundation
import TestTools
import Testing

/// The TUI never starts on an invalid protocol, and ward IT can point every
/// terminal of a ward database at the ward's own (checked) protocol file.
@Suite struct ProtocolInForceTests {
    static func defaultProtocolText() throws -> String {
        try String(contentsOf: Paths.packageRoot.appendingPathComponent("Sources/WardCore/Resources/default-protocol.toml"),
                   encoding: .utf8)
    }

    static func demo(_ tag: String) throws -> (URL, String) {
        let dir = Paths.tempDir(tag)
        let db = dir.appendingPathComponent("ward.sqlite").path
        let r = try runWardline(["demo", "--db", db, "--create-only"])
        #expect(r.status == 0, "\(r.stderr)")
        return (dir, db)
    }

    @Test func tuiRefusesAnInvalidProtocolWithEveryProblem() throws {
        let (dir, db) = try Self.demo("badproto"); defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.toml")
        let text = try Self.defaultProtocolText()
            .replacingOccurrences(of: "approvedBy = ", with: "approvedByX = ")
        try text.write(to: bad, atomically: true, encoding: .utf8)
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"
        env["XDG_STATE_HOME"] = dir.path
        let r = try runWardline(["--db", db, "--protocol", bad.path], environment: env, timeout: 30)
        #expect(r.status != 0)
        #expect(r.stderr.contains("approvedByX"))     // the unknown key, by name
        #expect(r.stderr.contains("approvedBy"))      // and the missing one
        #expect(r.stderr.contains(":\(try #require(lineOf("approvedByX", in: text))):"))
        #expect(!r.stderr.contains("input closed"))   // the terminal was never opened
    }

    @Test func wardITSetsTheWardsProtocolAndBadFilesAreRefused() throws {
        let (dir, db) = try Self.demo("useproto"); defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("ward7.toml")
        try Self.defaultProtocolText()
            .replacingOccurrences(of: #"version = "2026.11-default""#, with: #"version = "ward7-2026-12""#)
            .write(to: good, atomically: true, encoding: .utf8)
        let bad = dir.appendingPathComponent("broken.toml")
        try "version = 3\n".write(to: bad, atomically: true, encoding: .utf8)

        let refused = try runWardline(["protocol", "use", bad.path, "--db", db, "--as", "A9001"], input: "999999\n")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("broken.toml"))

        let nurse = try runWardline(["protocol", "use", good.path, "--db", db, "--as", "N1001"], input: "111111\n")
        #expect(nurse.status == 77)

        let set = try runWardline(["protocol", "use", good.path, "--db", db, "--as", "A9001"], input: "999999\n")
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("ward7-2026-12"))

        let stored = try runProcess(URL(fileURLWithPath: "/usr/bin/sqlite3"),
                                    [db, "SELECT value FROM settings WHERE key = 'protocol_path'"])
        #expect(stored.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == good.path)
        let audit = try runWardline(["audit", "show", "--db", db, "--as", "A9001"], input: "999999\n")
        #expect(audit.stdout.contains("protocol.use"))
    }

    /// The paper fallback says what the screens say: `handover` and `downtime` print with the protocol in force.
    @Test func handoverAndDowntimeUseTheProtocolInForce() throws {
        let (dir, db) = try Self.demo("handoverproto"); defer { try? FileManager.default.removeItem(at: dir) }
        let before = try runWardline(["handover", "--db", db, "--shift", "00:00-23:59"])
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout.contains("NOT APPROVED"), "the demo runs on the unapproved shipped defaults")
        let approved = dir.appendingPathComponent("ward7.toml")
        try Self.defaultProtocolText()
            .replacingOccurrences(of: #"approvedBy = "NOT APPROVED: shipped defaults, awaiting the ward's clinical lead""#,
                                  with: #"approvedBy = "Dr A. Lead, Ward 7 clinical lead, 2026-12-01""#)
            .replacingOccurrences(of: #"times = ["08:00", "12:00", "18:00", "22:00"]"#, with: #"times = ["09:15", "21:15"]"#)
            .write(to: approved, atomically: true, encoding: .utf8)
        let set = try runWardline(["protocol", "use", approved.path, "--db", db, "--as", "A9001"], input: "999999\n")
        #expect(set.status == 0, "\(set.stderr)")

        let after = try runWardline(["handover", "--db", db, "--shift", "00:00-23:59"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(!after.stdout.contains("NOT APPROVED"), "\(after.stdout.prefix(400))")
        let packDir = dir.appendingPathComponent("pack")
        let pack = try runWardline(["downtime", "--db", db, "--out", packDir.path])
        #expect(pack.status == 0, "\(pack.stderr)")
        let handover = try String(contentsOf: packDir.appendingPathComponent("current/handover.txt"), encoding: .utf8)
        #expect(handover.contains("Müller, Grete") && !handover.contains("NOT APPROVED"))
        // The calculator too, given the ward: the ward's dose times split the day.
        let calc = try runWardline(["calc", "taper", "--db", db, "--start-mg", "20", "--phase", "0:5:7", "--daily"])
        #expect(calc.status == 0 && calc.stdout.contains("09:15") && !calc.stdout.contains("12:00"), "\(calc.stdout.prefix(300))\(calc.stderr)")
        let anchor = try String(contentsOf: packDir.appendingPathComponent("current/audit-anchor.txt"), encoding: .utf8)
        #expect(anchor.hasPrefix("wardline audit anchor: db=\(db) count="), "the pack carries the audit head")
    }

    func lineOf(_ needle: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }.map { $0 + 1 }
    }
}
