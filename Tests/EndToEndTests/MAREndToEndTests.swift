import Foundation
import Testing
import WardCore
import WardStore

/// The real binary under tmux: a nurse opens the MAR, gives the scheduled
/// dose that is due now (a second nurse witnesses on the same terminal),
/// then a PRN dose with another witness; both are then read from the
/// database by the sqlite3 shell.
@Suite(.serialized) struct MAREndToEndTests {
    @Test(arguments: [(80, 24), (132, 43)])
    func nurseGivesAScheduledDoseThenAPRNWithWitnesses(cols: Int, rows: Int) throws {
        let demo = try DemoWardDB("mar"); defer { demo.remove() }
        let db = demo.path
        // A new patient in the first empty bed, with a taper dose due this minute and a PRN order.
        let bedIndex = try demo.admitWithADoseDueNow(mrn: "E2E1", name: "Medina, Rosa", prn: true)

        let tmux = try demo.openTUI(cols: cols, rows: rows)
        try tmux.signIn("N1001", "111111", landing: "Müller, Grete")
        for _ in 0..<bedIndex { try tmux.send("Down") }
        try tmux.send("Enter")
        try tmux.waitFor("Medina, Rosa")
        try tmux.send("m")
        try tmux.waitFor("PRN orders")

        // The scheduled dose (first row) is due: g, Enter, then the witness signs.
        try tmux.send("g"); try tmux.send("Enter")
        try tmux.waitFor("Witness staff ID")
        try tmux.type("N1002"); try tmux.send("Enter")
        try tmux.type("121212")
        let masked = try tmux.capture()
        #expect(!masked.contains("121212"))
        try tmux.send("Enter")
        try tmux.waitFor("Given:")

        // The PRN order (next row): no recent score, so an override reason first.
        try tmux.send("Down"); try tmux.send("g")
        try tmux.waitFor("Give anyway only because")
        try tmux.send("1"); try tmux.send("Enter")
        try tmux.waitFor("Witness staff ID")
        try tmux.type("C2001"); try tmux.send("Enter")
        try tmux.type("222222"); try tmux.send("Enter")
        let after = try tmux.waitFor("Given: PRN")
        #expect(after.contains("PRN given today"))

        try tmux.send("Escape"); try tmux.send("Escape"); try tmux.send("q")
        #expect(tmux.exitStatus() == 0)

        let q = try runProcess(URL(fileURLWithPath: "/usr/bin/sqlite3"), [db, """
            SELECT a.is_prn, a.status, a.mg, s.staff_id, w.staff_id, coalesce(a.reason, '-')
            FROM administrations a JOIN staff s ON s.id = a.recorded_by JOIN staff w ON w.id = a.witness
            JOIN patients p ON p.id = a.patient_id WHERE p.mrn = 'E2E1' ORDER BY a.id
            """])
        #expect(q.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                == "0|given|10.0|N1001|N1002|-\n1|given|5.0|N1001|C2001|prn-prescriber-instructed")
    }
}
