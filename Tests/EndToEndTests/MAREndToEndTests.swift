import Foundation
import TestTools
import Testing
import WardCore
import WardStore

/// The real binary under tmux: a nurse opens the MAR, gives the scheduled
/// dose that is due now (a second nurse witnesses on the same terminal),
/// then a PRN dose with another witness; both are then read from the
/// database by the sqlite3 shell.
@Suite(.serialized) struct MAREndToEndTests {
    @Test(arguments: [(TestBackend.sqlite, 80, 24), (.sqlite, 132, 43), (.postgres, 132, 43)])
    func nurseGivesAScheduledDoseThenAPRNWithWitnesses(backend: TestBackend, cols: Int, rows: Int) throws {
        let demo = try DemoWardDB("mar", backend: backend); defer { demo.remove() }
        // A new patient in the first empty bed, with a taper dose due this minute and a PRN order.
        let bedIndex = try demo.admitWithADoseDueNow(mrn: "E2E1", name: "Medina, Rosa", prn: true)

        let tmux = try demo.openTUI(cols: cols, rows: rows)
        try tmux.openChart(row: bedIndex, patient: "Medina, Rosa")
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

        // The PRN order (next row): no recent score, so a documented decision first — here a prescriber's
        // override: who (P3001), how (present), why; it waits for their co-signature.
        try tmux.send("Down"); try tmux.send("g")
        try tmux.waitFor("Give anyway only because")
        try tmux.send("1")
        try tmux.waitFor("Prescriber ID")
        try tmux.type("P3001"); try tmux.send("Enter")
        try tmux.send("p")
        try tmux.type("seen at the bedside"); try tmux.send("Enter")
        try tmux.waitFor("Override: P3001")
        try tmux.send("Enter")
        try tmux.waitFor("Witness staff ID")
        try tmux.enterCredentials("C2001", "222222")
        let after = try tmux.waitFor("Given: PRN")
        #expect(after.contains("PRN given today"))
        try tmux.waitFor("UNSIGNED OVERRIDE")   // once the reload after the save brings the override back

        try tmux.send("Escape"); try tmux.send("Escape"); try tmux.send("q")
        #expect(tmux.exitStatus() == 0)

        let q = try demo.sql("""
            SELECT a.is_prn, a.status, a.mg, s.staff_id, w.staff_id, coalesce(a.reason, '-')
            FROM administrations a JOIN staff s ON s.id = a.recorded_by JOIN staff w ON w.id = a.witness
            JOIN patients p ON p.id = a.patient_id WHERE p.mrn = 'E2E1' ORDER BY a.id
            """)
        let mg = { (n: Int) in backend == .sqlite ? "\(n).0" : "\(n)" }   // how each shell prints a REAL / double precision
        #expect(q == "0|given|\(mg(10))|N1001|N1002|-\n1|given|\(mg(5))|N1001|C2001|-")
        let o = try demo.sql("""
            SELECT s.staff_id, o.instruction, o.reason, (SELECT count(*) FROM override_cosignatures) FROM dose_overrides o
            JOIN staff s ON s.id = o.prescriber JOIN administrations a ON a.id = o.administration_id
            JOIN patients p ON p.id = a.patient_id WHERE p.mrn = 'E2E1'
            """)
        #expect(o == "P3001|present|seen at the bedside|0")
    }

    /// The hold is the store's, and the MAR shows it before anything is typed: RASS −4 recorded on
    /// the chart, then g on the scheduled dose names the rule and the value; Esc; nothing written.
    @Test func deepSedationHoldsTheScheduledDoseAndNothingIsWritten() throws {
        let demo = try DemoWardDB("marhold"); defer { demo.remove() }
        let tmux = try demo.chartWithADoseDueNow(mrn: "E2E2", name: "Okoro, Ada")
        try tmux.send("s")
        try tmux.waitFor("RASS")
        try tmux.send("-"); try tmux.send("4"); try tmux.send("Enter")
        // RASS -4 raises a critical alert: its banner comes with the reload after the save (it takes the
        // message line, so "saved" may be gone before a poll sees it), and the key that dismisses it does
        // nothing else. The score's row is checked in the database below.
        try tmux.waitFor("CRITICAL · bed")
        try tmux.send("x")
        try tmux.waitForAbsence("CRITICAL · bed")
        try tmux.send("m")
        try tmux.waitFor("DE mg")
        try tmux.send("g")
        // The critical banner also names "RASS -4", so wait for the MAR's own hold line.
        let held = try tmux.waitFor("hold: RASS -4")
        #expect(held.contains("hold: RASS -4 (Deep sedation)"))
        #expect(held.contains("at or below RASS -2"))
        #expect(held.contains("Prescriber ID"))
        try tmux.send("Escape")
        try tmux.send("Escape"); try tmux.send("Escape"); try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
        #expect(try demo.sql("SELECT count(*) FROM administrations a JOIN patients p ON p.id = a.patient_id WHERE p.mrn = 'E2E2'") == "0")
        #expect(try demo.sql("SELECT count(*) FROM sedation_scores s JOIN patients p ON p.id = s.patient_id WHERE p.mrn = 'E2E2' AND s.value = '-4'") == "1")
    }
}
