import Foundation
import Testing

/// Terminal conventions at 80×24 (issue 17, item 7): Ctrl-L repaints (L locks), a bed number
/// jumps to the bed, `/` finds a patient by part of the name or MRN.
@Suite(.serialized) struct ConventionsEndToEndTests {
    @Test func ctrlLRepaintsWhatAnotherProgramScribbledOverAndDoesNotLock() throws {
        let demo = try DemoWardDB("redraw"); defer { demo.remove() }
        let tmux = try demo.openTUI(cols: 80, rows: 24)
        try tmux.signIn("N1001", "111111", landing: "Ward list")
        // Another program writes to the terminal behind Wardline's back (a wall message, a stray echo).
        let tty = try tmux.tmux(["display-message", "-p", "-t", "e2e", "#{pane_tty}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let handle = try #require(FileHandle(forWritingAtPath: tty), "cannot open \(tty)")
        handle.write(Data("\u{1B}[5;1HSCRIBBLED-OVER-THE-WARD-LIST".utf8))
        try handle.close()
        try tmux.waitFor("SCRIBBLED-OVER")
        try tmux.send("C-l")
        try tmux.waitForAbsence("SCRIBBLED-OVER")
        let screen = try tmux.waitFor("Ward list")   // a capture may fall between the clear and the paint
        #expect(!screen.contains("SCRIBBLED-OVER"))
        #expect(!screen.contains("Locked") && !screen.contains("Type your PIN"), "Ctrl-L locked the terminal:\n\(screen)")
        try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test func aBedNumberAndSlashFindThePatient() throws {
        let demo = try DemoWardDB("find"); defer { demo.remove() }
        let tmux = try demo.openTUI(cols: 80, rows: 24)
        try tmux.signIn("N1001", "111111", landing: "Ward list")
        let row = try demo.sql("""
            SELECT b.label || '|' || p.name FROM beds b JOIN placements pl ON pl.bed = b.label JOIN patients p ON p.id = pl.patient_id
            WHERE p.id NOT IN (SELECT patient_id FROM discharges) AND CAST(b.label AS INTEGER) >= 10 ORDER BY b.position LIMIT 1
            """).split(separator: "|").map(String.init)
        let (bed, name) = (row[0], row[1])
        try tmux.type(bed)
        try tmux.waitFor("Bed \(bed)")
        try tmux.send("Enter")
        try tmux.waitFor("Bed \(bed)  \(name)")
        try tmux.send("Escape")
        try tmux.waitFor("Ward list")
        let surname = String(name.split(separator: ",")[0])
        try tmux.send("/")
        try tmux.type(surname.lowercased())
        try tmux.waitFor("match")
        try tmux.send("Enter"); try tmux.send("Enter")
        try tmux.waitFor("Bed \(bed)  \(name)")
        // On the chart the digits switch the panes labelled 1/2/3.
        try tmux.send("2"); try tmux.waitFor("[2 Vital signs]")
        try tmux.send("3"); try tmux.waitFor("[3 Sedation]")
        try tmux.send("1"); try tmux.waitFor("[1 Scores]")
        try tmux.send("Escape")
        try tmux.waitFor("Ward list")
        // `/` with part of the MRN finds the same patient.
        let mrn = try demo.sql("SELECT mrn FROM patients WHERE name = '\(name.replacingOccurrences(of: "'", with: "''"))' LIMIT 1")
        try tmux.send("Home")
        try tmux.send("/")
        try tmux.type(String(mrn.dropFirst()))   // a fragment: all but its first character
        try tmux.waitFor("match")
        try tmux.send("Enter"); try tmux.send("Enter")
        try tmux.waitFor("Bed \(bed)  \(name)")
        try tmux.send("Escape"); try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }
}
