import Foundation
import Testing

/// The built binary's handover carries the MAR's medication: demo data follows
/// the clock, so this checks that the lines are filled, not their numbers.
@Suite(.serialized) struct MedicationHandoverEndToEndTests {
    @Test func theHandoverPrintsTaperStepAndDiazepamEquivalentFromTheMAR() throws {
        let dir = Paths.tempDir("med-ho"); defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("ward.sqlite").path
        let made = try runWardline(["demo", "--db", db, "--create-only"])
        try #require(made.status == 0, "\(made.stderr)")
        let r = try runWardline(["handover", "--db", db, "--shift", "00:00-23:59", "--width", "132"])
        #expect(r.status == 0, "\(r.stderr)")
        // Müller (MRN 100231) has a diazepam taper and a PRN order in the demo.
        let block = try #require(r.stdout.components(separatedBy: "MRN 100231").dropFirst().first)
        #expect(block.contains("Taper step today: diazepam "))
        #expect(block.contains(" mg/day, step "))
        #expect(!block.contains("Taper step today: not recorded"))
        #expect(!block.contains("24-h diazepam equivalent: not recorded"))
        #expect(!block.contains("PRN doses: not recorded"))
        #expect(!block.contains("Scheduled doses: not recorded"))
        // A patient without orders says so.
        #expect(r.stdout.contains("Taper step today: no taper order"))
    }
}
