import Foundation
import TestTools
import Testing

/// The real binary under tmux: the outgoing nurse hands Müller over from the
/// handover preview, the incoming nurse signs in (switch user), opens the
/// preview, accepts her; the ward list shows the acceptance marker, and the
/// audit trail and the handover table hold it — read from outside the app.
@Suite(.serialized) struct HandoverTUIEndToEndTests {
    @Test(arguments: [(TestBackend.sqlite, 80, 24), (.sqlite, 132, 43), (.postgres, 132, 43)])
    func handOverThenAcceptFromThePreview(backend: TestBackend, cols: Int, rows: Int) throws {
        let ward = try DemoWardDB("ho-tui", backend: backend); defer { ward.remove() }   // a short name: the 80-column screen shows the path
        let dir = ward.dir
        let tmux = try ward.openTUI(cols: cols, rows: rows, environment: ["CUPS_SERVER": dir.appendingPathComponent("no-cups.sock").path])
        try tmux.signIn("N1001", "111111", landing: "Müller, Grete")
        try tmux.send("H")                             // bed 1 (Müller) is selected
        try tmux.waitFor("not accepted yet (a)")
        let preview = try tmux.capture()
        #expect(preview.contains("BED 1  Müller, Grete"))
        #expect(preview.contains("HANDOVER") || preview.contains("Situation"))
        // The shift is named whole in the title (issue 17 item 3: "a" accepts this shift, never a guessed one).
        let title = String(preview.split(separator: "\n").first ?? "")
        #expect(title.range(of: #"(Day|Night) +\d{1,2} [A-Z][a-z]{2}.*\((on now|ended|starts)"#, options: .regularExpression) != nil,
                "the shift is not named whole: \(title)")
        try tmux.send("g")
        try tmux.waitFor("handed over by Hughes, Sam")

        // The outgoing nurse cannot accept her own handover.
        try tmux.send("a")
        try tmux.waitFor("the incoming nurse accepts")

        // Switch to the incoming nurse: lock, Tab, sign in.
        try tmux.send("Escape")
        try tmux.waitFor("H/O")
        try tmux.switchUser("N1002", "121212", landing: "Ward list")
        try tmux.send("H")
        try tmux.waitFor("not accepted yet (a)")
        try tmux.send("a")
        let accepted = try tmux.waitFor("✓ accepted by")
        #expect(accepted.contains("1/16 accepted"))

        // Print with no print service: saved first, and the screen says where.
        try tmux.send("P")
        let printed = try tmux.waitFor("NOT printed")
        // The saved path whole, broken over the message's lines at 80 columns.
        #expect(printed.replacingOccurrences(of: "\n ", with: "").contains("Saved at \(dir.path)/handovers/handover-")
                || printed.replacingOccurrences(of: "\n ", with: "").contains("Saved at\(dir.path)/handovers/handover-"), "\(printed)")
        // The whole message, at 80 columns too: it wraps above the legend instead of losing its end.
        let joined = printed.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined.contains("NOT printed"), "\(printed)")
        let saved = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("handovers").path)
        #expect(saved.count == 1)
        let file = try String(contentsOfFile: dir.appendingPathComponent("handovers/\(saved[0])").path, encoding: .utf8)
        #expect(file.contains("by Tanaka, Yui"))   // printed by the signed-in (incoming) nurse
        try tmux.send("Escape")
        let list = try tmux.waitFor("H/O")
        let row = try #require(list.split(separator: "\n").first { $0.contains("Müller, Grete") })
        #expect(row.contains("✓"))
        let others = list.split(separator: "\n").filter { $0.contains("✓") }
        #expect(others.count == 1)

        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)

        let audit = try ward.sql("""
            SELECT e.action, e.actor, CASE WHEN e.patient_mrn = p.mrn THEN 1 ELSE 0 END FROM audit_events e, patients p
            WHERE p.name = 'Müller, Grete' AND e.action LIKE 'handover.%' ORDER BY e.seq
            """)
        #expect(audit == "handover.handed-over|N1001|1\nhandover.accepted|N1002|1")
        let refused = try ward.sql("SELECT count(*) FROM audit_events WHERE action = 'refused' AND actor = 'N1001' AND details LIKE '%handover.accepted%'")
        #expect(refused == "1")
        let marks = try ward.sql("SELECT m.kind, s.staff_id FROM handover_marks m JOIN staff s ON s.id = m.staff ORDER BY m.id")
        #expect(marks == "handed-over|N1001\naccepted|N1002")
    }
}
