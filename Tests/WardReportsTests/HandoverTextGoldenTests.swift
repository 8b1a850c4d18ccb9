import Foundation
import Testing
@testable import WardReports

@Suite struct HandoverTextGoldenTests {
    @Test(arguments: [Columns.c80, .c132])
    func demoWardMatchesGolden(columns: Columns) {
        let text = HandoverTextRenderer(columns: columns, paper: .a4).render(Fixture.input())
        Snapshot.assertMatches(text, named: "handover-a4-\(columns.rawValue).txt")
    }

    @Test func sbarHeadingsMatchGolden() {
        let text = HandoverTextRenderer(columns: .c80, paper: .letter).render(Fixture.input(labels: .sbar))
        Snapshot.assertMatches(text, named: "handover-letter-80-sbar.txt")
    }
}
