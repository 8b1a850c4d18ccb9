import Foundation
import TestTools
import Testing

/// Two terminals on one ward database (SQLite, and PostgreSQL): a nurse records a seizure at the
/// bedside terminal; the charge nurse's overview on the other terminal shows
/// the critical banner without a key being pressed there.
@Suite(.serialized) struct CriticalBannerEndToEndTests {
    @Test(arguments: TestBackend.both) func aSeizureRecordedOnOneTerminalRaisesTheBannerOnAnother(backend: TestBackend) throws {
        let ward = try DemoWardDB("banner", backend: backend); defer { ward.remove() }
        let station = try ward.openTUI(cols: 132, rows: 43)
        try station.signIn("C2001", "222222", landing: "Open alerts")
        let before = try station.capture()
        #expect(!before.contains("Seizure recorded"), "no seizure on the demo ward yet:\n\(before)")

        let bedside = try ward.openTUI(cols: 80, rows: 24)
        try bedside.signIn("N1001", "111111", landing: "Ward list")
        try bedside.send("Enter")                  // the first bed's chart
        try bedside.waitFor("CIWA")
        try bedside.send("z")
        try bedside.waitFor("SEIZURE OR DELIRIUM")
        try bedside.send("s")
        try bedside.type("e2e two terminals")
        try bedside.send("Enter")
        try bedside.waitFor("Seizure recorded")
        let saved = Date()

        // Nothing is typed at the station: the change feed brings the save in.
        let screen = try station.waitFor("e2e two terminals", timeout: 15)
        let seen = Date()
        let banner = try #require(screen.split(separator: "\n").first { $0.contains("CRITICAL") },
                                  "the station shows the alert but no CRITICAL banner:\n\(screen)")
        #expect(banner.contains("Seizure recorded"))
        print("critical banner (\(backend)): on the other terminal \(Int(seen.timeIntervalSince(saved) * 1000)) ms after the bedside "
              + "showed its save (target ≤ 1000 ms; includes tmux capture polling)")
        #expect(try ward.sql("SELECT count(*) FROM clinical_events WHERE note = 'e2e two terminals'") == "1")

        // The key that dismisses a banner does nothing else: each terminal dismisses its banner first.
        try bedside.waitFor("CRITICAL · bed")
        try bedside.send("x"); try bedside.waitForAbsence("CRITICAL · bed")
        try bedside.send("Escape"); try bedside.send("q")
        try station.send("x"); try station.waitForAbsence("CRITICAL · bed")
        try station.send("q")
        #expect(bedside.exitStatus() == 0)
        #expect(station.exitStatus() == 0)
    }
}
