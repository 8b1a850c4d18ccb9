import Foundation
import Testing
@testable import WardCore

/// One rule for the score that leads a patient's row (issue 17, item 6).
@Suite struct LeadingScoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    func t(_ s: ScaleKind, _ total: Int, _ minutesAgo: Double) -> TimedTotal {
        TimedTotal(scale: s, total: total, takenAt: now.addingTimeInterval(-minutesAgo * 60))
    }

    @Test func aNewerCIWAArDoesNotDisplaceTheCIWAB() {
        let scores = [t(.ciwaAr, 15, 5), t(.bwsq, 20, 10), t(.ciwaB, 30, 60)]
        #expect(LeadingScore.pick(scores, scale: \.scale) == t(.ciwaB, 30, 60))
    }

    @Test func withoutACIWABTheNewestOtherWithdrawalScoreLeadsAndNeverTheBWSQ() {
        #expect(LeadingScore.pick([t(.bwsq, 20, 1), t(.ciwaAr, 12, 30)], scale: \.scale) == t(.ciwaAr, 12, 30))
        #expect(LeadingScore.pick([t(.bwsq, 20, 1)], scale: \.scale) == nil)
        #expect(LeadingScore.pick([TimedTotal](), scale: \.scale) == nil)
    }

    /// The overview row is led by the same score.
    @Test func theOverviewRowFollowsTheRule() {
        let proto = ProtocolLoader.builtInDefault()
        let p = Patient(id: 1, mrn: "M1", name: "Doe, Jo", dateOfBirth: CalendarDate("1970-01-01")!, sex: .female,
                        admittedAt: now.addingTimeInterval(-86_400), bed: "1")
        let input = PatientBoardInput(patient: p, scores: [t(.ciwaAr, 15, 5), t(.ciwaB, 30, 60)])
        let board = BoardInput(beds: [Bed(label: "1")], patients: [input])
        let row = WardOverview(proto).rows(board, alerts: [], assignments: [], now: now).first { $0.bed == "1" }
        #expect(row?.withdrawal?.scale == .ciwaB && row?.withdrawal?.total == 30)
    }
}
