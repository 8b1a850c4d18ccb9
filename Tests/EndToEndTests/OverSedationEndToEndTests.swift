import Foundation
import Testing
import TestTools
import WardCore
import WardStore

/// The over-sedation pathway end to end: RASS −5 recorded on the chart under
/// tmux shows sedation and vital signs due now (continuous) with the emergency
/// text; the night handover (text and PDF) then puts that patient first, UNSTABLE.
@Suite(.serialized) struct OverSedationEndToEndTests {
    @Test func rassMinusFiveMeansObserveNowTheEmergencyTextAndFirstOnTheHandover() throws {
        try SystemPackages.ensure(SystemPackages.pdfTools)
        let demo = try DemoWardDB("oversed"); defer { demo.remove() }
        let name = "Tanaka, Hiroshi"   // bed 14 of the demo ward: a mild CIWA-B, nothing else going on
        let beds = try demo.sql("SELECT label FROM beds ORDER BY position").split(separator: "\n").map(String.init)
        let bed = try demo.sql("SELECT pl.bed FROM placements pl JOIN patients p ON p.id = pl.patient_id WHERE p.name = '\(name)' ORDER BY pl.id DESC LIMIT 1")
        let row = try #require(beds.firstIndex(of: bed))

        let tmux = try demo.openTUI(cols: 80, rows: 24)
        try tmux.openChart(row: row, patient: name)
        try tmux.send("s")
        try tmux.waitFor("RASS")
        try tmux.send("-"); try tmux.send("5"); try tmux.send("Enter")
        let chart = try tmux.waitFor("EMERGENCY: call the emergency team now")
        #expect(chart.contains("vitals DUE NOW: CONTINUOUS observation (emergency)"), "\(chart)")
        #expect(chart.contains("sedation DUE NOW: CONTINUOUS observation (emergency)"))
        #expect(chart.contains("CIWA-B SUSPENDED: cannot communicate"))
        #expect(chart.contains("Flumazenil only as a senior medical decision"))
        // The critical banner comes with the reload; the key that dismisses it does nothing else.
        try tmux.waitFor("CRITICAL · bed")
        try tmux.send("x"); try tmux.waitForAbsence("CRITICAL · bed")
        try tmux.send("Escape"); try tmux.send("q")
        #expect(tmux.exitStatus() == 0)

        // The handover of the shift on now ranks the patient first, UNSTABLE, with the reason and the critical alert leading the block.
        let text = try runWardline(["handover", "--db", demo.path, "--width", "132"])
        #expect(text.status == 0, "\(text.stderr)")
        let risk = text.stdout.components(separatedBy: "PATIENTS BY RISK")[1]
        let firstRow = try #require(risk.split(separator: "\n").dropFirst(3).first)   // after " (highest first)", the header and the rule
        #expect(firstRow.contains(name) && firstRow.contains("UNSTABLE"), "\(risk.prefix(600))")
        #expect(firstRow.contains("EMERGENCY"))
        let block = try #require(text.stdout.components(separatedBy: "BED \(bed)  \(name)").dropFirst().first)
        let critical = try #require(block.range(of: "!! CRITICAL: EMERGENCY — Over-sedated: RASS -5")).lowerBound
        #expect(critical < (block.range(of: "B  Background")?.lowerBound ?? block.endIndex), "critical alerts lead the block")

        let pdf = demo.dir.appendingPathComponent("night.pdf").path
        let made = try runWardline(["handover", "--db", demo.path, "--format", "pdf", "--out", pdf])
        #expect(made.status == 0, "\(made.stderr)")
        let pdfText = try runProcess(URL(fileURLWithPath: "/usr/bin/pdftotext"), ["-layout", pdf, "-"]).stdout
        let pdfRisk = try #require(pdfText.components(separatedBy: "Patients by risk").dropFirst().first)
        let firstName = try #require(demo.patientNames.compactMap { n in pdfRisk.range(of: n).map { (n, $0.lowerBound) } }.min { $0.1 < $1.1 })
        #expect(firstName.0 == name, "\(pdfRisk.prefix(800))")
        #expect(pdfText.contains("UNSTABLE"))
    }
}

extension DemoWardDB {
    /// Every admitted patient's name, from the database.
    var patientNames: [String] {
        ((try? sql("SELECT name FROM patients WHERE id NOT IN (SELECT patient_id FROM discharges)")) ?? "")
            .split(separator: "\n").map(String.init)
    }
}
