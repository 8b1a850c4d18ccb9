import Foundation
import TestTools
import Testing
import WardCore

/// The real binary under tmux: a nurse does an obs round (CIWA-B with the
/// dose gate, vital signs, sedation) from the chart; every entry is in the
/// database, and the chart's next-due times are the protocol's.
@Suite(.serialized) struct ObsRoundEndToEndTests {
    static let scores = [2, 1, 1, 0, 1, 2, 1, 1, 0, 2, 1, 1, 0, 1, 1, 0, 1, 1, 0, 3]

    @Test(arguments: [(80, 24), (132, 43)])
    func obsRoundIsSavedAndTheChartShowsTheNextDue(cols: Int, rows: Int) throws {
        let dir = Paths.tempDir("obsround"); defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("ward.sqlite").path
        let made = try runWardline(["demo", "--db", db, "--create-only"])
        try #require(made.status == 0, "\(made.stderr)")

        let tmux = try Tmux(cols: cols, rows: rows, command: "\(Tmux.quote(Paths.binary.path)) --db \(Tmux.quote(db))",
                            environment: ["XDG_STATE_HOME": dir.path])
        try tmux.signIn("N1001", "111111", landing: "Müller, Grete")
        try tmux.send("Enter")
        try tmux.waitFor("o round")

        try tmux.send("o")
        try tmux.waitFor("New CIWA-B")
        try tmux.type(Self.scores.map(String.init).joined())
        try tmux.waitFor("DOSE GATE")
        try tmux.send("y")                                   // recent use confirmed, able to communicate: saves
        try tmux.waitFor("OBS ROUND 2/3")
        var keys = 1                                         // v on the chart, as a stand-alone set would need
        for (text, enter) in [("18", true), ("96", true), ("a", false), ("132", true), ("80", true), ("96", true), ("a", false), ("37.1", true)] {
            try tmux.type(text); keys += text.count
            if enter { try tmux.send("Enter"); keys += 1 }
        }
        try tmux.waitFor("press Enter to save")
        try tmux.send("Enter"); keys += 1
        #expect(keys <= 25)
        try tmux.waitFor("OBS ROUND 3/3")
        try tmux.send("-"); try tmux.send("1"); try tmux.send("Enter")
        let chart = try tmux.waitFor("Obs round complete")

        // From outside the app: the three entries, by the signed-in nurse.
        let q = try runProcess(URL(fileURLWithPath: "/usr/bin/sqlite3"), [db, """
            SELECT a.total, a.taken_at, g.recent_use_confirmed, g.can_communicate FROM assessments a JOIN dose_gates g ON g.assessment_id = a.id ORDER BY a.id DESC LIMIT 1;
            SELECT v.respiration_rate || ',' || v.spo2 || ',' || v.systolic || '/' || v.diastolic || ',' || v.pulse || ',' || v.acvpu || ',' || v.temperature || ',' || s.staff_id FROM vital_signs v JOIN staff s ON s.id = v.recorded_by ORDER BY v.id DESC LIMIT 1;
            SELECT scale || value FROM sedation_scores ORDER BY id DESC LIMIT 1;
            SELECT taken_at FROM vital_signs ORDER BY id DESC LIMIT 1;
            SELECT taken_at FROM sedation_scores ORDER BY id DESC LIMIT 1;
            """])
        let lines = q.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 5, "\(q.stdout) \(q.stderr)")
        let total = Self.scores.reduce(0, +)
        let parts = lines[0].split(separator: "|").map(String.init)
        #expect(parts.first == String(total))
        #expect(parts.suffix(2) == ["1", "1"])
        #expect(lines[1] == "18,96,132/80,96,A,37.1,N1001")
        #expect(lines[2] == "rass-1")

        // The chart's next CIWA-B is the protocol's interval for the band after the saved time.
        let proto = ProtocolLoader.builtInDefault()
        let band = try #require(proto.band(.ciwaB, total: total))
        let minutes = try #require(proto.reassessment.interval(.ciwaB, band: band.name))
        let ward = WardZone.calendar   // the zone the TUI ran in
        func clock(_ iso: String, plus minutes: Int) throws -> String {
            let at = try #require(ISO8601DateFormatter.withFraction.date(from: iso)).addingTimeInterval(Double(minutes * 60))
            let hm = ward.dateComponents([.hour, .minute], from: at)
            return String(format: "%02d:%02d", hm.hour ?? 0, hm.minute ?? 0)
        }
        #expect(chart.contains("CIWA-B due \(try clock(parts[1], plus: minutes))"), "\(chart)")
        let vitals = VitalSigns(respirationRate: 18, spo2: 96, onOxygen: false, systolic: 132, diastolic: 80, pulse: 96, acvpu: .alert, temperature: 37.1)
        let news2Minutes = proto.news2.score(vitals, scale2: false).response.monitoringMinutes
        #expect(chart.contains("vitals due \(try clock(lines[3], plus: news2Minutes))"), "\(chart)")
        #expect(chart.contains("sedation due \(try clock(lines[4], plus: proto.reassessment.sedationMinutes))"), "\(chart)")

        try tmux.send("Escape"); try tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }
}

extension ISO8601DateFormatter {
    nonisolated(unsafe) static let withFraction: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f
    }()
}
