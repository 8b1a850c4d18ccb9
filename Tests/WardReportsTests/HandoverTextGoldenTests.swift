import Foundation
import Testing
import TestTools
@testable import WardReports

@Suite struct HandoverTextGoldenTests {
    @Test(arguments: [Columns.c80, .c132])
    func demoWardMatchesGolden(columns: Columns) {
        let text = HandoverTextRenderer(columns: columns, paper: .a4).render(Fixture.input())
        assertGolden(text, named: "handover-a4-\(columns.rawValue)")
    }

    @Test func sbarHeadingsMatchGolden() {
        let text = HandoverTextRenderer(columns: .c80, paper: .letter).render(Fixture.input(labels: .sbar))
        assertGolden(text, named: "handover-letter-80-sbar")
    }
}

/// The shipped protocol is "NOT APPROVED": the builder carries that to the printout, whose every page says so.
@Suite struct UnapprovedProtocolPrintoutTests {
    @Test func theBuilderCarriesTheApprovalAndEveryTextPageShowsTheBanner() {
        var input = Fixture.input()
        #expect(input.unapprovedProtocol == Fixture.proto.approvedBy && !Fixture.proto.isApproved)
        let pages = HandoverTextRenderer(columns: .c80, pageLength: 30).pages(input)
        #expect(pages.count > 1)
        #expect(pages.allSatisfy { $0[3].hasPrefix("*** PROTOCOL NOT APPROVED ***") })
        input.unapprovedProtocol = nil
        #expect(HandoverTextRenderer(columns: .c80, pageLength: 30).pages(input).allSatisfy { $0[3].isEmpty })
    }

    @Test func anApprovedProtocolPrintsNoBanner() {
        var proto = Fixture.proto
        proto.approvedBy = "Dr A. Lead, clinical lead, 2026-12-01"
        let h = HandoverInput.from(snapshot: Fixture.snapshot, protocol: proto, shift: Fixture.shift, printedBy: "N",
                                   now: Fixture.now, timeZone: Fixture.utc)
        #expect(h.unapprovedProtocol == nil)
    }
}
