import Foundation
import Testing

/// "My patients" at 80×24 leads with the nurse's critical alerts, then what is due this shift in
/// time order (issue 17, item 4).
@Suite(.serialized) struct MyPatientsEndToEndTests {
    @Test func myPatientsLeadsWithACriticalAlertOfMyBed() throws {
        let demo = try DemoWardDB("mypatients"); defer { demo.remove() }
        // A bed assigned to N1001 this shift, with its patient.
        let row = try demo.sql("""
            SELECT a.bed || '|' || p.name FROM nurse_assignments a JOIN staff s ON s.id = a.staff
            JOIN placements pl ON pl.bed = a.bed JOIN patients p ON p.id = pl.patient_id
            WHERE s.staff_id = 'N1001' AND p.id NOT IN (SELECT patient_id FROM discharges)
            ORDER BY a.id DESC LIMIT 1
            """).split(separator: "|").map(String.init)
        try #require(row.count == 2, "the demo ward assigns beds to N1001")
        let (bed, name) = (row[0], row[1])
        let tmux = try demo.openTUI(cols: 80, rows: 24)
        try tmux.signIn("N1001", "111111", landing: "Ward list")
        try tmux.type(bed); try tmux.send("Enter")
        try tmux.waitFor(name)
        try tmux.send("s"); try tmux.waitFor("RASS")
        try tmux.send("-"); try tmux.send("4"); try tmux.send("Enter")
        try tmux.waitFor("CRITICAL · bed")
        try tmux.send("x"); try tmux.waitForAbsence("CRITICAL · bed")
        try tmux.send("Escape"); try tmux.waitFor("Ward list")
        try tmux.send("m")
        let screen = try tmux.waitFor("Task")   // the worklist's header (the ward list's legend also says "My patients")
        let lines = screen.split(separator: "\n").map(String.init)
        let first = try #require(lines.firstIndex { $0.contains("Task") }).advanced(by: 1)
        // The critical alerts lead (this bed's over-sedation among them), before any task.
        let leading = lines[first...].prefix { $0.contains("CRITICAL") }
        #expect(leading.contains { $0.contains(" \(bed) ") && $0.contains("Over-sedated") }, "\(screen)")
        #expect(!lines[(first + leading.count)...].contains { $0.contains("CRITICAL") }, "\(screen)")
        #expect(lines.contains { $0.contains("OVERDUE") || $0.contains("give ") || $0.contains("CIWA") }, "the shift's tasks follow:\n\(screen)")
        try tmux.send("Escape"); try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }
}
