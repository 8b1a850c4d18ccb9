import Foundation
import TestTools
import Testing

/// The real binary under tmux: a nurse scores a CIWA-B for Müller, then marks
/// that newest entry as entered in error with a reason from the chart — and
/// the database, read from outside the app, still holds the old row untouched,
/// a new row superseding it with the reason, and the amendment in the audit trail.
@Suite(.serialized) struct AmendEndToEndTests {
    static let scores = [1, 2, 1, 0, 1, 2, 1, 1, 0, 2, 1, 1, 0, 1, 1, 0, 1, 1, 0, 3]
    static let reason = "scored for the wrong patient"

    func sql(_ db: String, _ query: String) throws -> String {
        try runProcess(URL(fileURLWithPath: "/usr/bin/sqlite3"), [db, query]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(arguments: [(80, 24), (132, 43)])
    func nurseMarksTheNewestCIWABEnteredInError(cols: Int, rows: Int) throws {
        let ward = try DemoWardDB("amend"); defer { ward.remove() }
        let db = ward.path
        let tmux = try ward.openTUI(cols: cols, rows: rows)
        try tmux.signIn("N1001", "111111", landing: "Müller, Grete")
        try tmux.send("Enter")
        try tmux.waitFor("e amend")

        // The newest CIWA-B is the nurse's own: score one now.
        try tmux.send("b")
        try tmux.waitFor("New CIWA-B")
        for s in Self.scores { try tmux.type(String(s)) }
        let total = Self.scores.reduce(0, +)
        try tmux.waitFor("total \(total) of 80")
        try tmux.send("Enter")
        try tmux.waitFor("Saved")
        let oldID = try sql(db, "SELECT max(id) FROM assessments")
        let oldRow = try sql(db, "SELECT * FROM assessments WHERE id = \(oldID)")

        // The newest row is selected (▶): e, 1 entered in error, an empty reason is refused, then the reason, confirm.
        try tmux.send("e")
        try tmux.waitFor("1  entered in error")
        try tmux.send("1")
        try tmux.waitFor("Reason (required)")
        try tmux.send("Enter")
        try tmux.waitFor("A reason is required")
        try tmux.type(Self.reason); try tmux.send("Enter")
        try tmux.waitFor("Enter save the amendment")
        try tmux.send("Enter")
        try tmux.waitFor("Amended: CIWA-B \(total)")
        let chart = try tmux.waitFor("ENTERED IN ERROR")   // after the reload that follows the save

        // The chart marks it, with the reason under it.
        let history = chart.split(separator: "\n").drop { !$0.contains("Recorded") }.dropFirst()
        let top = try #require(history.first)
        #expect(top.contains(" \(total) "))
        #expect(top.contains("ENTERED IN ERROR"))
        #expect(history.dropFirst().first?.contains("Reason: \(Self.reason)") == true)

        try tmux.send("Escape"); try tmux.send("q")
        #expect(tmux.exitStatus() == 0)

        // From outside the app: the old row is exactly as it was…
        #expect(try sql(db, "SELECT * FROM assessments WHERE id = \(oldID)") == oldRow)
        #expect(try sql(db, "SELECT total, entered_in_error, supersedes IS NULL, amend_reason IS NULL FROM assessments WHERE id = \(oldID)")
                == "\(total)|0|1|1")
        // …a new row supersedes it, entered in error, with the reason, by the nurse…
        let items = "[" + Self.scores.map(String.init).joined(separator: ",") + "]"
        #expect(try sql(db, """
            SELECT a.supersedes, a.entered_in_error, a.amend_reason, a.items, s.staff_id
            FROM assessments a JOIN staff s ON s.id = a.recorded_by WHERE a.supersedes = \(oldID)
            """) == "\(oldID)|1|\(Self.reason)|\(items)|N1001")
        // …and the audit trail has the amendment, with the reason and the value before.
        let audit = try sql(db, "SELECT actor, patient_mrn, details FROM audit_events WHERE action = 'assessment.amend'")
        #expect(audit.hasPrefix("N1001|100231|"))
        #expect(audit.contains("\"reason\":\"\(Self.reason)\""))
        #expect(audit.contains("\"entry\":\(oldID)"))
        #expect(audit.contains("entered-in-error"))
        #expect(audit.contains("\"total\":\(total)"))
        // The chain still verifies with the amendment in it.
        let verified = try runWardline(["audit", "verify", "--db", db, "--as", "A9001"], input: "999999\n")
        #expect(verified.status == 0, "\(verified.stderr)")
    }
}
