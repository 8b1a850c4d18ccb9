import Testing
import WardCore
@testable import WardUI

/// Every numbered reason, and the question above them, is on screen whole at 80×24 (issue 17, item 3).
@Suite struct MARReasonPanelTests {
    @Test(arguments: [("h", ReasonCode.Use.held), ("o", .omitted)])
    func everyReasonIsShownWhole(_ key: String, _ use: ReasonCode.Use) {
        var d = MARFixture.onMAR()
        d.key(.key(.down)); d.key(.key(.down))
        d.key(.char(Character(key)))
        guard d.mar?.step == .reason else { Issue.record("no reason step: \(String(describing: d.mar?.step))"); return }
        let screen = d.text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        for (i, c) in ReasonCode.codes(for: use).enumerated() {
            #expect(screen.contains("\(i + 1) \(c.label)"), "reason \(i + 1) (\(c.label)) is cut or missing:\n\(d.text)")
        }
        if let why = d.mar?.pending?.reasonWhy {
            #expect(screen.contains(why.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")), "\(d.text)")
        }
    }
}
