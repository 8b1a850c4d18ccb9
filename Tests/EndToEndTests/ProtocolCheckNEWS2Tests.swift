import Foundation
import Testing

/// `wardline protocol check FILE` warns (exit 0) where a protocol's NEWS2 chart differs from the RCP's,
/// unless the parameter is marked in `localDeviations`.
@Suite struct ProtocolCheckNEWS2Tests {
    func check(_ text: String, _ tag: String) throws -> (status: Int32, stdout: String) {
        let dir = Paths.tempDir(tag)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("protocol.toml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let r = try runWardline(["protocol", "check", file.path])
        return (r.status, r.stdout + r.stderr)
    }

    static let rrLow = "{ max = 8, score = 3 }, { min = 9, max = 11, score = 1 }"
    static let rrLowZero = "{ max = 8, score = 0 }, { min = 9, max = 11, score = 1 }"

    @Test func shippedFilePrintsNoWarning() throws {
        let r = try check(try ProtocolInForceTests.defaultProtocolText(), "news2-shipped")
        #expect(r.status == 0)
        #expect(!r.stdout.contains("warning") && r.stdout.contains(": OK"))
    }

    @Test func respirationRateEightRescoredZeroPrintsAWarningNamingTheBand() throws {
        let text = try ProtocolInForceTests.defaultProtocolText().replacingOccurrences(of: Self.rrLow, with: Self.rrLowZero)
        let r = try check(text, "news2-rr")
        #expect(r.status == 0, "a warning, not a refusal")
        #expect(r.stdout.contains("warning: news2.respirationRate: band ≤ 8 scores 0, RCP chart scores 3"), "\(r.stdout)")
        #expect(r.stdout.contains("1 warning: NEWS2 differs from the RCP chart"))
    }

    @Test func aLocalDeviationPrintsANoteNotAWarning() throws {
        let text = try ProtocolInForceTests.defaultProtocolText().replacingOccurrences(of: Self.rrLow, with: Self.rrLowZero)
            .replacingOccurrences(of: "temperatureStep = 0.1 ", with: "localDeviations = [\"respirationRate\"]\ntemperatureStep = 0.1 ")
        let r = try check(text, "news2-local")
        #expect(r.status == 0)
        #expect(r.stdout.contains("note: news2.respirationRate: band ≤ 8 scores 0, RCP chart scores 3 (LOCAL-DEVIATION"), "\(r.stdout)")
        #expect(!r.stdout.contains("warning"))
    }
}
