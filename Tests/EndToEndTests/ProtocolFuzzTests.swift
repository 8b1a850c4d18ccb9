import Foundation
import Testing

/// `wardline protocol check` on files made to break a reader (issue 14): deep
/// nesting, huge and tiny numbers, NaN and infinities, bad UTF-8, control
/// characters, huge text. Each gives problems one per line and an exit code,
/// never a crash, a hang or a control character on the terminal.
@Suite struct ProtocolFuzzTests {
    static func defaults() throws -> String {
        try String(contentsOf: Paths.packageRoot.appendingPathComponent("Sources/WardCore/Resources/default-protocol.toml"), encoding: .utf8)
    }

    static func corpus() throws -> [(String, Data)] {
        let p = try defaults()
        func edit(_ a: String, _ b: String) -> Data { Data(p.replacingOccurrences(of: a, with: b).utf8) }
        return [
            ("40,000 nested [", Data(("x = " + String(repeating: "[", count: 40_000) + "\n").utf8)),
            ("40,000 nested {", Data(("x = " + String(repeating: "{a=", count: 40_000) + "\n").utf8)),
            ("a band max of Int.max", edit("max = 80", "max = 9223372036854775807")),
            ("an integer beyond 64 bits", edit(#"version = "2026.11-default""#, #"version = 99999999999999999999"#)),
            ("a strength of 1e-300 mg", edit("{ mg = 2, scored = true }", "{ mg = 1e-300, scored = true }")),
            ("a strength of 1e308 mg", edit("{ mg = 2, scored = true }", "{ mg = 1e308, scored = true }")),
            ("a strength of nan", edit("{ mg = 2, scored = true }", "{ mg = nan, scored = true }")),
            ("an interval of inf", edit("max = 80", "max = inf")),
            ("bad UTF-8", Data(p.utf8).prefix(200) + Data([0xFF, 0xFE, 0x80]) + Data(p.utf8).dropFirst(200)),
            ("an escape sequence in a string", edit("approvedBy = \"NOT", "approvedBy = \"\u{1B}[2JNOT")),
            ("a bell in a comment", edit("# Wardline ward protocol", "# Wardline \u{07} protocol")),
            ("2 MB of text", edit("approvedBy = \"NOT", "approvedBy = \"" + String(repeating: "A", count: 2_000_000) + "NOT")),
            ("5,000 characters of approval", edit("approvedBy = \"NOT", "approvedBy = \"" + String(repeating: "A", count: 5_000) + "NOT")),
            ("leading zeros and double underscores", edit("max = 80", "max = 0_80")),
        ]
    }

    @Test func everyCorpusFileGivesOneLineProblemsAndAnExitCode() throws {
        let dir = Paths.tempDir("protofuzz"); defer { try? FileManager.default.removeItem(at: dir) }
        for (n, (what, data)) in try Self.corpus().enumerated() {
            let file = dir.appendingPathComponent("fuzz\(n).toml")
            try data.write(to: file)
            let r = try runWardline(["protocol", "check", file.path], timeout: 30)
            #expect(!r.timedOut, "\(what): hung")
            #expect(r.status == 1 || r.status == 2, "\(what): exit \(r.status)\n\(r.stderr.prefix(300))")
            let out = r.stdout + r.stderr
            #expect(!out.contains("Fatal error") && !out.contains("Backtracing"), "\(what): crashed")
            #expect(!out.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F }, "\(what): a control character reached the terminal")
            let lines = out.split(separator: "\n")
            #expect(!lines.isEmpty && lines.allSatisfy { $0.count < 400 }, "\(what): \(out.prefix(300))")
        }
    }
}
