import Foundation
import Testing
@testable import WardUI
import WardCore

/// Golden snapshots of the amend dialog, the correction form and the chart after an amendment.
@Suite struct AmendSnapshotTests {
    static let sizes = [Fixture.small, Fixture.large]

    @Test(arguments: sizes)
    func amendChoice(size: Size) {
        var d = Driver.onChart(size: size)
        d.key(.char("e"))
        assertSnapshot(view(d.state), named: "amendChoice_\(size)")
    }

    @Test(arguments: sizes)
    func amendConfirm(size: Size) {
        var d = Driver.onChart(size: size)
        d.key(.char("e")); d.key(.char("1")); d.type("scored for bed 2 by mistake"); d.key(.key(.enter))
        assertSnapshot(view(d.state), named: "amendConfirm_\(size)")
    }

    @Test func amendReasonRefused() {
        var d = Driver.onChart()
        d.key(.char("e")); d.key(.char("1")); d.key(.key(.enter))
        assertSnapshot(view(d.state), named: "amendReasonEmpty_80x24")
    }

    @Test func amendRefused() {
        var d = Driver.onChart()
        d.key(.char("e")); d.key(.char("1")); d.type("wrong patient"); d.key(.key(.enter)); d.key(.key(.enter))
        d.send(.finished(.failure(CommandRefusal(.notPermitted, StaffRole.refusalText(.amendAnyEntry, role: .studentNurse))), verb: .amended))
        assertSnapshot(view(d.state), named: "amendRefused_80x24")
    }

    @Test(arguments: sizes)
    func correctionSummary(size: Size) {
        var d = Driver.onChart(size: size)
        d.key(.char("e")); d.key(.char("2")); d.key(.char("1"))
        for _ in 0..<20 { d.key(.key(.down)) }
        assertSnapshot(view(d.state), named: "amendCorrection_\(size)")
    }

    @Test func sedationCorrection() {
        var d = ObsFixture.onChart()
        d.key(.key(.tab)); d.key(.key(.tab)); d.key(.key(.down))
        d.key(.char("e")); d.key(.char("2"))
        assertSnapshot(view(d.state), named: "amendSedationCorrection_80x24")
    }

    @Test(arguments: sizes)
    func chartAfterAmendment(size: Size) {
        var d = Driver.onChart(size: size)
        d.key(.char("e")); d.key(.char("1")); d.type("duplicate entry"); d.key(.key(.enter)); d.key(.key(.enter))
        d.send(.finished(.success(.amendment(108)), verb: .amended))
        d.send(.wardLoaded(AmendFixture.wardAfterVoiding107()))
        assertSnapshot(view(d.state), named: "amendChartAfter_\(size)")
    }
}
