import Foundation
import TestTools
import Testing
import WardCore
import WardStore

/// The real binary under tmux: a nurse gives the scheduled dose due now,
/// marks that record entered in error from the MAR (`E`, a reason, Enter,
/// Enter), and gives the dose again. The sqlite3 shell then reads both
/// records: the first kept and marked, the second counted.
@Suite(.serialized) struct DoseAmendEndToEndTests {
    @Test func aDoseMarkedEnteredInErrorIsGivenAgainAndBothRecordsStay() throws {
        let demo = try DemoWardDB("doseamend"); defer { demo.remove() }
        let db = demo.path
        let bedIndex = try demo.admitWithADoseDueNow(mrn: "E2E2", name: "Okoye, Ada")

        let tmux = try demo.openTUI(cols: 132, rows: 43)
        try tmux.openChart(row: bedIndex, patient: "Okoye, Ada")
        try tmux.send("m")
        try tmux.waitFor("Drug, dose, route")

        func giveWithWitness() throws {
            try tmux.send("g"); try tmux.send("Enter")
            try tmux.waitFor("Witness staff ID")
            try tmux.enterCredentials("N1002", "121212")
            try tmux.waitFor("Given:")
        }
        try giveWithWitness()

        // E on the given dose: the reason, Enter, then Enter saves.
        try tmux.send("E")
        try tmux.waitFor("Dose record entered in error")
        try tmux.type("charted before the patient took it")
        try tmux.send("Enter")
        try tmux.waitFor("Enter save the amendment")
        try tmux.send("Enter")
        let voided = try tmux.waitFor("Entered in error: ")
        #expect(voided.contains("is due again"))
        #expect(voided.contains("ENTERED IN ERROR: charted before the patient took it"))

        // The dose is due again: given once more.
        try giveWithWitness()
        try tmux.send("Escape"); try tmux.send("Escape"); try tmux.send("q")
        #expect(tmux.exitStatus() == 0)

        let q = try runProcess(URL(fileURLWithPath: "/usr/bin/sqlite3"), [db, """
            SELECT a.status, a.mg, s.staff_id, coalesce(x.reason, '-'), coalesce(xs.staff_id, '-')
            FROM administrations a JOIN staff s ON s.id = a.recorded_by JOIN patients p ON p.id = a.patient_id
            LEFT JOIN administration_amendments x ON x.administration_id = a.id LEFT JOIN staff xs ON xs.id = x.recorded_by
            WHERE p.mrn = 'E2E2' ORDER BY a.id
            """])
        #expect(q.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                == "given|10.0|N1001|charted before the patient took it|N1001\ngiven|10.0|N1001|-|-")
        let sameDose = try runProcess(URL(fileURLWithPath: "/usr/bin/sqlite3"), [db, """
            SELECT count(DISTINCT a.scheduled_for), count(*) FROM administrations a JOIN patients p ON p.id = a.patient_id WHERE p.mrn = 'E2E2'
            """])
        #expect(sameDose.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1|2")
        let audit = try runProcess(URL(fileURLWithPath: "/usr/bin/sqlite3"), [db, """
            SELECT action FROM audit_events WHERE patient_mrn = 'E2E2' AND action LIKE 'dose.%' ORDER BY seq
            """])
        #expect(audit.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "dose.given\ndose.amend\ndose.given")
    }
}
