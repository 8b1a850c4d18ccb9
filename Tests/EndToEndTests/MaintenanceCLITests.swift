import Foundation
import TestTools
import Testing
import WardCore
import WardStore

/// `wardline check`, `backup` and `restore` on a real demo ward, with the
/// attacks and accidents they exist for: a tampered row, a stale WAL left by
/// a killed process, and a terminal that still has the ward open.
@Suite(.serialized) struct MaintenanceCLITests {
    @Test func checkIsCleanOnTheDemoWardAndListsATamperedRowAsUnreadable() throws {
        let demo = try DemoWardDB("check"); defer { demo.remove() }
        let clean = try runWardline(["check", "--db", demo.path])
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.contains("SQLite integrity: ok") && clean.stdout.contains("Audit trail: chain intact")
                && clean.stdout.contains("every row matches its event"))
        // An insider with sqlite3: drop the trigger, write bytes where the name is and garbage where the time is.
        let tamper = try runProcess(URL(fileURLWithPath: "/usr/bin/sqlite3"), [demo.path, """
            DROP TRIGGER patients_no_update;
            UPDATE patients SET name = X'00FF' WHERE id = 1;
            UPDATE patients SET admitted_at = 'yesterday' WHERE id = 2;
            """])
        #expect(tamper.status == 0, "\(tamper.stderr)")
        let r = try runWardline(["check", "--db", demo.path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("unreadable entry #1 (patients, name is not text)"), "\(r.stdout)")
        #expect(r.stdout.contains("unreadable entry #2 (patients, admission time unreadable)"))
        #expect(r.stdout.contains("PROBLEMS FOUND"))
        // The same edits, seen against the audit trail: each row differs from the event that admitted the patient.
        #expect(r.stdout.contains("row edited: patients row 1 differs from what event"), "\(r.stdout)")
        #expect(r.stdout.contains("row edited: patients row 2 differs from what event"))
    }

    @Test func aRestoreAfterAKilledWriterGivesExactlyTheBackup() throws {
        let demo = try DemoWardDB("restore"); defer { demo.remove() }
        let backup = demo.dir.appendingPathComponent("night.backup").path
        let b = try runWardline(["backup", "--db", demo.path, "--out", backup])
        #expect(b.status == 0, "\(b.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? Int == 0o600)
        let again = try runWardline(["backup", "--db", demo.path, "--out", backup])
        #expect(again.status == 73 && again.stderr.contains("never overwrites"))
        let events = try demo.sql("SELECT count(*) FROM audit_events")

        // A process writes and is killed with kill -9 before any checkpoint: its WAL stays beside the file.
        let writer = try ChildProcess(URL(fileURLWithPath: "/usr/bin/sqlite3"), [demo.path], input: .pipe)
        // The whole script at once (the CLI then waits in the sleep; stdin stays open so it never exits cleanly).
        writer.send("PRAGMA busy_timeout = 5000;\nINSERT INTO settings(key, value) VALUES ('stale', 'wal');\n.shell sleep 19.37\n")
        let deadline = Date().addingTimeInterval(30)
        while (try? demo.sql("SELECT count(*) FROM settings WHERE key = 'stale'")) != "1" && Date() < deadline { usleep(20_000) }
        writer.signal(SIGKILL)
        _ = try? runProcess(URL(fileURLWithPath: "/usr/bin/pkill"), ["-f", "sleep 19.37"])   // the CLI's orphaned sleep
        writer.finish()
        #expect(FileManager.default.fileExists(atPath: demo.path + "-wal"))
        #expect(try demo.sql("SELECT count(*) FROM settings WHERE key = 'stale'") == "1")

        let r = try runWardline(["restore", backup, "--db", demo.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try demo.sql("SELECT count(*) FROM settings WHERE key = 'stale'") == "0")
        #expect(try demo.sql("SELECT count(*) FROM audit_events") == events)
        let check = try runWardline(["check", "--db", demo.path])
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func restoreIsRefusedWhileATerminalHasTheWardOpen() throws {
        let demo = try DemoWardDB("restore-open"); defer { demo.remove() }
        let backup = demo.dir.appendingPathComponent("b.sqlite").path
        #expect(try runWardline(["backup", "--db", demo.path, "--out", backup]).status == 0)
        let tmux = try demo.openTUI(cols: 80, rows: 24)
        try tmux.waitFor("Sign in")
        let refused = try runWardline(["restore", backup, "--db", demo.path])
        #expect(refused.status == 75)
        #expect(refused.stderr.contains("a terminal has the ward open"))
        try tmux.send("C-c")
        _ = tmux.exitStatus()
        let ok = try runWardline(["restore", backup, "--db", demo.path])
        #expect(ok.status == 0, "\(ok.stderr)")
    }
}
