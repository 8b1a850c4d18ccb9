import Foundation
import Testing
@testable import WardCore

@Suite struct DoseSafetyTests {
    let p = shipped
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    func ago(_ minutes: Double) -> Date { now.addingTimeInterval(-minutes * 60) }

    @Test func mayGiveWhenRecentObservationsAreFine() {
        let d = p.hold.evaluate(vitals: TimedVitals(vitals(), at: ago(10)), sedation: TimedSedation(.rass(0), at: ago(10)), now: now)
        #expect(d.outcome == .mayGive)
        #expect(d.findings.isEmpty)
    }

    @Test(arguments: [
        (SedationScore.rass(-2), true), (.rass(-1), false), (.rass(-5), true), (.rass(2), false),
        (.poss(.frequentlyDrowsy), true), (.poss(.slightlyDrowsy), false), (.poss(.somnolent), true), (.poss(.sleepEasyToArouse), false),
    ]) func sedationHoldEdges(score: SedationScore, holds: Bool) {
        let d = p.hold.evaluate(vitals: TimedVitals(vitals(), at: ago(5)), sedation: TimedSedation(score, at: ago(5)), now: now)
        #expect((d.outcome == .hold) == holds)
    }

    @Test func vitalSignHoldRules() {
        func outcome(_ v: VitalSigns) -> HoldDecision {
            p.hold.evaluate(vitals: TimedVitals(v, at: ago(5)), sedation: TimedSedation(.rass(0), at: ago(5)), now: now)
        }
        #expect(outcome(vitals(rr: 11)).findings == [.respirationRate(11)])
        #expect(outcome(vitals(rr: 12)).outcome == .mayGive)
        #expect(outcome(vitals(spo2: 91)).findings == [.spo2(91)])
        #expect(outcome(vitals(spo2: 92)).outcome == .mayGive)
        // A scale-2 patient (target 88–92 %) is held only below the scale-2 limit.
        let s2 = p.hold.spo2Scale2Below
        func scale2(_ spo2: Int) -> HoldDecision.Outcome {
            p.hold.evaluate(vitals: TimedVitals(vitals(spo2: spo2), at: ago(5)), sedation: TimedSedation(.rass(0), at: ago(5)),
                            spo2Scale2: true, now: now).outcome
        }
        #expect(scale2(s2) == .mayGive)
        #expect(scale2(s2 - 1) == .hold)
        #expect(s2 < p.hold.spo2Below)
        #expect(outcome(vitals(acvpu: .confusion)).findings == [.consciousness(.confusion)])
        let many = outcome(vitals(rr: 8, spo2: 88, acvpu: .voice))
        #expect(many.outcome == .hold && many.findings.count == 3 && many.messages.count == 3)
    }

    @Test func oldOrMissingObservationsMeanObserveFirst() {
        let stale = p.hold.evaluate(vitals: TimedVitals(vitals(), at: ago(61)), sedation: TimedSedation(.rass(0), at: ago(5)), now: now)
        #expect(stale.outcome == .observeFirst && stale.findings == [.noRecentVitals])
        let none = p.hold.evaluate(vitals: nil, sedation: nil, now: now)
        #expect(none.outcome == .observeFirst && none.findings.count == 2)
        // A met hold rule wins over a missing observation.
        let both = p.hold.evaluate(vitals: nil, sedation: TimedSedation(.rass(-3), at: ago(5)), now: now)
        #expect(both.outcome == .hold)
    }

    @Test func appropriatenessGate() {
        let ok = p.appropriateness.evaluate(recentUseConfirmed: true, canCommunicate: true)
        #expect(ok.scaleMayGuideDosing)
        let no = p.appropriateness.evaluate(recentUseConfirmed: true, canCommunicate: false)
        #expect(!no.scaleMayGuideDosing && no.reasons.count == 1)
        #expect(no.message.hasPrefix("monitoring only, use an observer scale (RASS)"))
        #expect(p.appropriateness.evaluate(recentUseConfirmed: false, canCommunicate: false).reasons.count == 2)
    }
}
