import Foundation
import TestTools
import Testing

/// Issue 14: the people are kept from the file. A throwaway service group and a
/// plain account outside it (made with groupadd/useradd, removed after): the
/// account cannot read the ward's files, yet the program installed setgid to the
/// group runs the TUI for it, and refuses it ward IT's file commands.
/// Needs root, as CI runs (`.ci/run`) — without it this test fails, it never skips.
@Suite(.serialized) struct ServiceGroupTests {
    static let runuser = URL(fileURLWithPath: "/usr/sbin/runuser")

    @Test func aPlainAccountRunsTheTUIButCannotOpenTheFile() throws {
        try #require(getuid() == 0, "this test makes a group and an account: run `swift test` as root (CI does)")
        let tag = String(UUID().uuidString.prefix(6)).lowercased()
        let group = "wlsvc\(tag)", nurse = "wlnrs\(tag)"
        try #require(try runProcess(URL(fileURLWithPath: "/usr/sbin/groupadd"), [group]).status == 0)
        defer { _ = try? runProcess(URL(fileURLWithPath: "/usr/sbin/groupdel"), [group]) }
        try #require(try runProcess(URL(fileURLWithPath: "/usr/sbin/useradd"), ["-M", "-N", "-s", "/bin/sh", nurse]).status == 0)
        defer { _ = try? runProcess(URL(fileURLWithPath: "/usr/sbin/userdel"), [nurse]) }

        let dir = Paths.tempDir("svc"); defer { try? FileManager.default.removeItem(at: dir) }
        chmod(dir.path, 0o755)
        let db = dir.appendingPathComponent("ward/ward.sqlite").path
        let program = dir.appendingPathComponent("wardline").path
        let made = try runWardline(["init", "--db", db, "--group", group, "--admin-id", "A1", "--admin-name", "Admin, Ann",
                                                 "--beds", "4", "--install-program", program], input: "135790\n")
        try #require(made.status == 0, "\(made.stderr)")
        let attrs = try FileManager.default.attributesOfItem(atPath: program)
        #expect((attrs[.posixPermissions] as? Int) == 0o2755)

        // The account cannot read the database, its key or its directory.
        for path in [db, db + ".audit-key"] {
            let cat = try runProcess(Self.runuser, ["-u", nurse, "--", "/bin/cat", path])
            #expect(cat.status != 0 && cat.stderr.contains("Permission denied"), "\(path): \(cat.stderr)")
        }
        let sqlite = try runProcess(Self.runuser, ["-u", nurse, "--", "/usr/bin/sqlite3", db, "SELECT pin_hash FROM staff"])
        #expect(sqlite.status != 0 && !sqlite.stdout.contains("argon2"))

        // Through the program it signs in and works; ward IT's commands are refused.
        let verify = try runProcess(Self.runuser, ["-u", nurse, "--", program, "audit", "verify", "--db", db, "--as", "A1"], input: "135790\n")
        #expect(verify.status == 0, "\(verify.stderr)")
        let backup = try runProcess(Self.runuser, ["-u", nurse, "--", program, "backup", "--db", db, "--out", dir.appendingPathComponent("copy.sqlite").path])
        #expect(backup.status == 77 && backup.stderr.contains("is for ward IT"), "\(backup.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("copy.sqlite").path))
        // An output file is written as the account: it cannot overwrite the ward's database with it.
        let clobber = try runProcess(Self.runuser, ["-u", nurse, "--", program, "handover", "--db", db, "--out", db])
        #expect(clobber.status != 0)
        #expect(try runWardline(["check", "--db", db]).status == 0, "the ward is untouched")
        // A theme file is read as the account too: the ward's audit key cannot be read as a "theme".
        let key = try runProcess(Self.runuser, ["-u", nurse, "--", program, "--db", db, "--theme", db + ".audit-key"])
        #expect(key.status == 2 && key.stderr.contains("cannot read the theme file"), "\(key.stderr)")

        let tmux = try Tmux(cols: 80, rows: 24, command: "\(Self.runuser.path) -u \(nurse) -- \(Tmux.quote(program)) --db \(Tmux.quote(db))")
        try tmux.signIn("A1", "135790", landing: "Ward list")
        #expect(try tmux.capture().contains("(empty bed)"))
    }
}
