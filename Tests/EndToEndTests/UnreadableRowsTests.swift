import Foundation
import TestTools
import Testing

/// Bytes written by hand into the demo ward (issue 14): a BLOB for a name, text
/// for a score total, 1e308 mg, an unparseable admission time. Nothing crashes,
/// no patient vanishes, and each row is named as "unreadable entry #N (table, reason)".
@Suite(.serialized) struct UnreadableRowsTests {
    static func tampered(_ tag: String) throws -> DemoWardDB {
        let demo = try DemoWardDB(tag)
        let assessment = try demo.sql("SELECT min(id) FROM assessments WHERE patient_id = 3")
        let dose = try demo.sql("SELECT min(id) FROM administrations")
        let r = try runProcess(URL(fileURLWithPath: "/usr/bin/sqlite3"), [demo.path, """
            DROP TRIGGER patients_no_update; DROP TRIGGER assessments_no_update; DROP TRIGGER administrations_no_update;
            UPDATE patients SET name = X'00FF' WHERE id = 1;
            UPDATE patients SET admitted_at = 'yesterday' WHERE id = 2;
            UPDATE assessments SET total = 'many' WHERE id = \(assessment);
            UPDATE administrations SET mg = 1e308 WHERE id = \(dose);
            """])
        try #require(r.status == 0, "\(r.stderr)")
        return demo
    }

    @Test func theCommandsNameEachRowAndLoseNoPatient() throws {
        let demo = try Self.tampered("unreadable-cli"); defer { demo.remove() }
        let handover = try runWardline(["handover", "--db", demo.path, "--shift", "00:00-23:59", "--width", "132"])
        #expect(handover.status == 0, "\(handover.stderr)")
        #expect(handover.stdout.contains("unreadable entry #1 (patients, name is not text)"))
        #expect(handover.stdout.contains("李, 娜"), "the patient with the unreadable admission time is still handed over")

        let record = try runWardline(["record", "100244", "--db", demo.path, "--as", "N1001"], input: "111111\n")
        #expect(record.status == 0, "\(record.stderr)")
        #expect(record.stdout.contains("unreadable entry #2 (patients, admission time unreadable)"))
        let scores = try runWardline(["record", "100252", "--db", demo.path, "--as", "N1001"], input: "111111\n")
        #expect(scores.status == 0, "\(scores.stderr)")
        #expect(scores.stdout.contains("(assessments, total is not a whole number)"))

        let check = try runWardline(["check", "--db", demo.path])
        #expect(check.status == 1)
        for expected in ["(patients, name is not text)", "(patients, admission time unreadable)",
                         "(assessments, total is not a whole number)", "(administrations, dose (mg) is not a number the record can carry)"] {
            #expect(check.stdout.contains(expected), "\(expected) in \(check.stdout)")
        }
    }

    @Test func theTerminalShowsThemAndKeepsWorking() throws {
        let demo = try Self.tampered("unreadable-tui"); defer { demo.remove() }
        let tmux = try demo.openTUI(cols: 80, rows: 24)
        // The demo's protocol is unapproved, and that banner leads the title bar; the ward list names the row.
        try tmux.signIn("N1001", "111111", landing: "unreadable entry #1")
        let overview = try tmux.capture()
        #expect(overview.contains("unreadable entry #1"), "\(overview)")
        #expect(overview.contains("李, 娜"))
        try tmux.send("Enter")     // bed 1's chart: the patient whose name cannot be read
        let chart = try tmux.waitFor("2 entries not shown, tell ward IT")
        #expect(chart.contains("unreadable entry #1 (patients, name is"), "\(chart)")
        #expect(chart.contains("unreadable entry #1 (administrations,"), "\(chart)")
        try tmux.send("Escape")
        try tmux.waitFor("Fitzgerald, Siobhan")
    }

    /// A staff row changed by hand (a name that is not text): that person cannot sign in (told why), nobody
    /// else is affected, and their entries read "unreadable staff #N" instead of trapping.
    @Test func anUnreadableStaffRowRefusesThatSignInAndCrashesNothing() throws {
        let demo = try DemoWardDB("unreadable-staff"); defer { demo.remove() }
        let n1001 = try demo.sql("SELECT id FROM staff WHERE staff_id = 'N1001'")
        let r = try runProcess(URL(fileURLWithPath: "/usr/bin/sqlite3"), [demo.path, "DROP TRIGGER staff_fixed_columns; UPDATE staff SET name = X'00FF' WHERE staff_id = 'N1001';"])
        try #require(r.status == 0, "\(r.stderr)")
        let refused = try runWardline(["record", "100231", "--db", demo.path, "--as", "N1001"], input: "111111\n")
        #expect(refused.status == 77 && refused.stderr.contains("cannot be read"), "\(refused.status) \(refused.stderr)")
        let other = try runWardline(["record", "100231", "--db", demo.path, "--as", "C2001"], input: "222222\n")
        #expect(other.status == 0, "\(other.stderr)")
        #expect(other.stdout.contains("unreadable staff #\(n1001)"))
        let check = try runWardline(["check", "--db", demo.path])
        #expect(check.stdout.contains("unreadable entry #\(n1001) (staff, name is not text)"))
    }
}
