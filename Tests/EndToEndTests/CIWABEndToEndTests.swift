import Foundation
import TestTools
import Testing

/// The real binary under tmux on a demo database: sign in, open a patient,
/// score a complete CIWA-B with digit keys, save, see it on top of the
/// history — then find it in the database from outside the app.
@Suite(.serialized) struct CIWABEndToEndTests {
    static let scores = [1, 2, 1, 0, 1, 2, 1, 1, 0, 2, 1, 1, 0, 1, 1, 0, 1, 1, 0, 3]

    @Test(arguments: [(TestBackend.sqlite, 80, 24), (.sqlite, 132, 43), (.postgres, 80, 24)])
    func nurseScoresACIWABAndItIsSaved(backend: TestBackend, cols: Int, rows: Int) throws {
        let ward = try DemoWardDB("ciwab", backend: backend); defer { ward.remove() }
        let dir = ward.dir
        let tmux = try ward.openTUI(cols: cols, rows: rows)
        try tmux.signIn("N1001", "111111", landing: "Müller, Grete")
        try tmux.send("Enter")                        // bed 1 is selected first
        try tmux.waitFor("b CIWA-B")

        var keys = 0
        try tmux.send("b"); keys += 1
        try tmux.waitFor("New CIWA-B")
        for s in Self.scores { try tmux.type(String(s)); keys += 1 }
        let total = Self.scores.reduce(0, +)
        try tmux.waitFor("total \(total) of 80")
        try tmux.send("Enter"); keys += 1
        let chart = try tmux.waitFor("Saved")
        #expect(keys <= 22)

        // Top row of the history is the new entry, by the signed-in nurse.
        let history = chart.split(separator: "\n").drop { !$0.contains("Recorded") }.dropFirst()
        let top = try #require(history.first)
        #expect(top.contains(" \(total) "))
        #expect(top.contains("Hughes, Sam"))

        try tmux.send("Escape"); try tmux.send("q")
        #expect(tmux.exitStatus() == 0)

        // From outside the app (the sqlite3 shell, or psql): the newest assessment.
        let q = try ward.sql("SELECT a.total, a.items, s.staff_id, p.name FROM assessments a JOIN staff s ON s.id = a.recorded_by JOIN patients p ON p.id = a.patient_id ORDER BY a.id DESC LIMIT 1")
        let expectedItems = "[" + Self.scores.map(String.init).joined(separator: ",") + "]"
        #expect(q == "\(total)|\(expectedItems)|N1001|Müller, Grete")

        // The log file records the save, but never a patient's name or a PIN.
        let log = try String(contentsOf: dir.appendingPathComponent("wardline/wardline.log"), encoding: .utf8)
        #expect(log.contains("assessment recorded"))
        #expect(!log.contains("Müller"))
        #expect(!log.contains("111111"))
    }
}
