import Foundation
import Testing
import WardUI

/// A theme file is read by every terminal: whatever bytes it holds give a
/// one-line error per problem, never a crash or a hang (issue 14).
@Suite struct ThemeFuzzTests {
    static let corpus: [(String, String)] = [
        ("deep arrays", "[colors]\nfg = " + String(repeating: "[", count: 40_000) + "\n"),
        ("deep inline tables", "x = " + String(repeating: "{a=", count: 40_000) + "\n"),
        ("huge integer", "[colors]\nfg = 99999999999999999999999999\n"),
        ("tiny and huge floats", "[colors]\nfg = 1e-300\nbg = 1e308\n"),
        ("nan and inf", "[colors]\nfg = nan\nbg = -inf\n"),
        ("control character", "name = \"x\u{1B}[2J\"\n"),
        ("huge text", "name = \"" + String(repeating: "A", count: 1_200_000) + "\"\n"),
        ("bad numbers", "[colors]\nfg = 007\nbg = 1__0\n"),
    ]

    @Test func everyCorpusFileIsRefusedWithOneLinePerProblem() {
        for (what, text) in Self.corpus {
            do {
                _ = try ThemeLoader.parse(text, file: "fuzz.toml")
                Issue.record("\(what): accepted")
            } catch {
                #expect(!error.problems.isEmpty, "\(what)")
                for p in error.problems {
                    #expect(!p.message.contains("\n") && p.message.count < 300, "\(what): \(p.message.prefix(120))")
                    #expect(!p.message.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(what): no control character echoed")
                }
            }
        }
    }
}
