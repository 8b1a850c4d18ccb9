import Foundation
import Testing
@testable import WardUI
import WardCore

/// The chart's clock and the MAR's PRN line read the medication and the
/// observations together (fixture moment 14:05 UTC).
@Suite struct MedicationWiringUITests {
    static let proto = Fixture.proto

    /// Müller's MAR ward with a fresh CIWA-B at the PRN threshold and fresh observations (RASS `rass`).
    static func ward(rass: Int, prnAt: String = "10:00") -> WardSnapshot {
        var w = MARFixture.ward(prnAt: prnAt)
        let threshold = MARFixture.prn.terms.prn!.threshold
        w.assessments[Fixture.mullerID, default: []].insert(Fixture.ciwa(108, Fixture.mullerID, total: threshold, hoursAgo: 0.25), at: 0)
        w.doseGates[108] = DoseGateAnswers(recentUseConfirmed: true, canCommunicate: true)
        w.vitals[Fixture.mullerID] = [VitalSignsEntry(stamp: ObsFixture.stamp(905, hoursAgo: 0.2), vitals: ObsFixture.vitals(), scale2: false)]
        w.sedation[Fixture.mullerID] = [SedationEntry(stamp: ObsFixture.stamp(953, hoursAgo: 0.2), score: .rass(rass))]
        return w
    }

    @Test func theMARSaysThePRNMayBeGivenWithCalmFreshObservationsAndAnAnsweredGate() {
        let d = MARFixture.onMAR(ward: Self.ward(rass: 0))
        #expect(d.text.contains("PRN may be given now"))
        #expect(!d.text.contains("PRN not now"))
    }

    @Test func theMARHoldsThePRNAtTheSedationHoldLevelAndOnlyAPrescriberOverrideGoesOn() {
        let rass = Self.proto.hold.rassAtOrBelow
        var d = MARFixture.onMAR(ward: Self.ward(rass: rass))
        #expect(d.text.contains("PRN not now: hold: RASS \(rass)"))
        for _ in 0..<4 { d.key(.key(.down)) }       // the PRN order
        d.key(.char("g"))
        // Not a key: giving anyway is a prescriber's recorded override, and the panel says why it is held.
        #expect(d.mar?.step == .override)
        #expect(d.mar?.pending?.reasonWhy.contains("RASS \(rass)") == true)
        #expect(d.text.contains("Prescriber ID"))
        for c in "P3001" { d.key(.char(c)) }
        d.key(.key(.enter))
        d.key(.char("t"))                            // telephone: the read-back comes next
        d.key(.char("n"))
        #expect(d.mar?.pending?.override?.field == .readBack)
        d.key(.char("y"))
        for c in "reviewed by phone" { d.key(.char(c)) }
        d.key(.key(.enter))
        #expect(d.mar?.step == .confirm)
        #expect(d.text.contains("Override: P3001, telephone instruction, read back"))
        d.key(.key(.enter))                          // the witness signs next
        for c in "N1043" { d.key(.char(c)) }
        d.key(.key(.enter))
        for c in "999999" { d.key(.char(c)) }
        d.key(.key(.enter))
        let cmd = d.recordDose
        #expect(cmd?.override == DoseOverride(prescriberStaffID: "P3001", instruction: .telephone, readBack: true, reason: "reviewed by phone"))
        #expect(cmd?.reason == nil)
    }

    @Test func aPRNDoseBringsTheChartsNextCIWAForward() throws {
        var state = Fixture.fresh()
        let last = try #require(MedicationWiringUITests.ward(rass: 0).latest(.ciwaB, for: Fixture.mullerID))
        let band = try #require(Self.proto.band(.ciwaB, total: last.total))
        let every = try #require(Self.proto.reassessment.interval(.ciwaB, band: band.name))
        let afterPRN = Self.proto.reassessment.afterPRNMinutes
        try #require(every > afterPRN + 15, "the fixture needs a band interval longer than the after-PRN interval")

        state.ward = Self.ward(rass: 0, prnAt: "10:00")            // PRN before the latest score: no change
        let plain = try #require(ChartPanes.dues(state, Fixture.mullerID).first { $0.kind == .withdrawal(.ciwaB) })
        #expect(plain.dueAt == last.recordedAt.addingTimeInterval(TimeInterval(every * 60)))

        state.ward = Self.ward(rass: 0, prnAt: "14:00")            // PRN after it
        let dosed = try #require(ChartPanes.dues(state, Fixture.mullerID).first { $0.kind == .withdrawal(.ciwaB) })
        #expect(dosed.dueAt == MARFixture.at("14:00").addingTimeInterval(TimeInterval(afterPRN * 60)))
        #expect(dosed.reason.contains("after the PRN dose"))
    }

    @Test func anOverduePRNFollowUpIsFlaggedBeforeTheNamesOnANarrowScreen() {
        let overdue = MARFixture.onMAR()                              // PRN 10:00, follow-up due 11:00, now 14:05
        #expect(overdue.text.contains("PRN given today: 10:00 diazepam 5 mg · effect OVERDUE since 11:00 (press e)"))
        let pending = MARFixture.onMAR(ward: MARFixture.ward(prnAt: "13:30"))
        #expect(pending.text.contains("13:30 diazepam 5 mg · re-assess 14:30 (press e)"))
        #expect(!pending.text.contains("OVERDUE since"))
    }
}
