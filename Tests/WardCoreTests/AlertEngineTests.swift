import Foundation
import Testing
@testable import WardCore

@Suite("Alert engine: each rule alone, then together")
struct AlertEngineTests {
    let engine = AlertEngine(shipped)
    let p = shipped

    func rules(_ input: PatientBoardInput) -> [AlertRule] { engine.alerts(for: input, now: Board.now).map(\.rule) }

    @Test func calmPatientHasNoAlert() {
        #expect(engine.alerts(for: Board.calm(1, bed: "1"), now: Board.now).isEmpty)
    }

    @Test func observationOverdueIsAWarningThenCriticalWhenStale() {
        var i = Board.calm(1, bed: "1")
        let interval = Double(p.reassessment.interval(.ciwaB, band: "mild")!)
        i.scores = [TimedTotal(scale: .ciwaB, total: 10, takenAt: Board.ago(minutes: interval + 1))]
        let a = engine.alerts(for: i, now: Board.now)
        #expect(a.map(\.rule) == [.observationOverdue])
        #expect(a[0].severity == .warning)
        #expect(a[0].since == Board.ago(minutes: 1))
        #expect(a[0].message.contains("CIWA-B overdue 1 min"))
        // Exactly at the due time: not overdue yet.
        i.scores = [TimedTotal(scale: .ciwaB, total: 10, takenAt: Board.ago(minutes: interval))]
        #expect(rules(i).isEmpty)
        // Past the stale limit: critical.
        let stale = Double(p.observations.staleAfterMinutes)
        i.scores = [TimedTotal(scale: .ciwaB, total: 10, takenAt: Board.ago(minutes: interval + stale + 1))]
        #expect(engine.alerts(for: i, now: Board.now).map(\.severity) == [.critical])
    }

    @Test func doseOverdueOnlyPastTheWindowAndNotWhenGiven() {
        var i = Board.calm(1, bed: "1")
        let w = Double(p.administration.windowMinutes)
        i.doses = [ScheduledDoseDue(label: "diazepam 10 mg", dueAt: Board.ago(minutes: w))]
        #expect(rules(i).isEmpty)
        i.doses = [ScheduledDoseDue(label: "diazepam 10 mg", dueAt: Board.ago(minutes: w + 1))]
        let a = engine.alerts(for: i, now: Board.now)
        #expect(a.map(\.rule) == [.doseOverdue])
        #expect(a[0].message.hasPrefix("diazepam 10 mg due"))
        i.doses = [ScheduledDoseDue(label: "diazepam 10 mg", dueAt: Board.ago(minutes: w + 1), given: true)]
        #expect(rules(i).isEmpty)
    }

    @Test func withdrawalBandRoseComparesTheLastTwoScores() {
        var i = Board.calm(1, bed: "1")
        i.scores = [TimedTotal(scale: .ciwaB, total: 25, takenAt: Board.ago(minutes: 5)),
                    TimedTotal(scale: .ciwaB, total: 15, takenAt: Board.ago(minutes: 60))]
        let a = engine.alerts(for: i, now: Board.now)
        #expect(a.map(\.rule) == [.withdrawalBandRose])
        #expect(a[0].message.contains("mild → moderate"))
        // Same band, higher total: no alert. Band fell: no alert.
        i.scores[0].total = 18
        #expect(rules(i).isEmpty)
        i.scores = [TimedTotal(scale: .ciwaB, total: 15, takenAt: Board.ago(minutes: 5)),
                    TimedTotal(scale: .ciwaB, total: 25, takenAt: Board.ago(minutes: 60))]
        #expect(rules(i).isEmpty)
    }

    @Test func news2AtTheThresholdIsCritical() {
        var i = Board.calm(1, bed: "1")
        // RR 22 (2) + pulse 112 (2) + temp 38.5 (1) = 5, no single red.
        i.vitals = [TimedVitals(vitals(rr: 22, pulse: 112, temp: 38.5), at: Board.ago(minutes: 5))]
        let s = p.news2.score(i.vitals![0].vitals, scale2: false)
        #expect(s.total == p.alerts.news2AtOrAbove && !s.singleRed)
        let a = engine.alerts(for: i, now: Board.now)
        #expect(a.map(\.rule) == [.news2Threshold])
        #expect(a[0].severity == .critical)
        #expect(a[0].escalation == s.response.response)
        // One below the threshold: nothing.
        i.vitals = [TimedVitals(vitals(rr: 22, pulse: 112), at: Board.ago(minutes: 5))]
        #expect(p.news2.score(i.vitals![0].vitals, scale2: false).total == p.alerts.news2AtOrAbove - 1)
        #expect(rules(i).isEmpty)
    }

    @Test func singleRedParameterAloneIsAWarning() {
        var i = Board.calm(1, bed: "1")
        i.vitals = [TimedVitals(vitals(rr: 26), at: Board.ago(minutes: 5))]   // RR ≥ 25 scores 3
        let a = engine.alerts(for: i, now: Board.now)
        #expect(a.map(\.rule) == [.singleRedParameter])
        #expect(a[0].message.contains("respiration rate"))
        #expect(a[0].severity == .warning)
    }

    @Test func overSedationIsGradedByThePathway() throws {
        let os = p.oversedation
        var i = Board.calm(1, bed: "1")
        i.sedation = [TimedSedation(.rass(os.sedatedRassAtOrBelow), at: Board.ago(minutes: 5))]
        let sedated = try #require(engine.alerts(for: i, now: Board.now).first { $0.rule == .overSedation })
        #expect(sedated.severity == .critical && !sedated.message.hasPrefix("EMERGENCY"))
        #expect(sedated.escalation == os.sedatedResponse)
        // The vital signs taken before the sedation score are due at it: now (and so already overdue a little).
        #expect(rules(i).contains(.observationOverdue))
        i.sedation = [TimedSedation(.rass(os.sedatedRassAtOrBelow + 1), at: Board.ago(minutes: 5))]
        #expect(rules(i).isEmpty)
        i.sedation = [TimedSedation(.rass(os.emergencyRassAtOrBelow), at: Board.ago(minutes: 5))]
        let emergency = try #require(engine.alerts(for: i, now: Board.now).first { $0.rule == .overSedation })
        #expect(emergency.message.hasPrefix("EMERGENCY") && emergency.escalation == os.emergencyResponse)
        #expect(emergency.escalation.contains("Flumazenil only as a senior medical decision"))
        i.sedation = [TimedSedation(.poss(.somnolent), at: Board.ago(minutes: 5))]
        #expect(try #require(engine.alerts(for: i, now: Board.now).first { $0.rule == .overSedation }).message.hasPrefix("EMERGENCY"))
        // A red respiration rate alone is an emergency too.
        i.sedation = [TimedSedation(.rass(0), at: Board.ago(minutes: 5))]
        i.vitals = [TimedVitals(vitals(rr: os.emergencyRespirationRateAtOrBelow), at: Board.ago(minutes: 3))]
        #expect(try #require(engine.alerts(for: i, now: Board.now).first { $0.rule == .overSedation }).message.contains("respiration rate"))
    }

    @Test func newConfusionCallsForAnUrgentMedicalReview() throws {
        var i = Board.calm(1, bed: "1")
        var v = vitals(); v.acvpu = .confusion
        i.vitals = [TimedVitals(v, at: Board.ago(minutes: 5))]
        let a = try #require(engine.alerts(for: i, now: Board.now).first { $0.rule == .newConfusion })
        #expect(a.severity == .critical && a.escalation == p.oversedation.newConfusionResponse)
    }

    @Test func alcoholOnTheListBringsCIWAArTheThiaminePromptAndTheEscalationBand() throws {
        var i = Board.calm(1, bed: "1")
        i.patient.substances = [SubstanceUse(substance: "Alcohol (wine)", dailyAmount: "1 bottle", duration: "10 years")]
        #expect(rules(i).contains(.thiamineReminder))
        // CIWA-Ar is due from admission, with the reason.
        let due = i.due(ObservationClock(p), now: Board.now)
        #expect(due.contains { $0.kind == .withdrawal(.ciwaAr) && $0.reason.contains("alcohol on the admission list") })
        let band = p.alcohol.ciwaArEscalateAtOrAbove
        i.scores = [TimedTotal(scale: .ciwaAr, total: band, takenAt: Board.ago(minutes: 5))] + i.scores
        let a = try #require(engine.alerts(for: i, now: Board.now).first { $0.rule == .ciwaArEscalation })
        #expect(a.severity == .critical && a.escalation == p.alcohol.escalationResponse)
        i.scores[0].total = band - 1
        #expect(!rules(i).contains(.ciwaArEscalation))
        // No alcohol: neither.
        i.patient.substances = [SubstanceUse(substance: "alprazolam", dailyAmount: "2 mg", duration: "1 year")]
        i.scores = []
        #expect(!rules(i).contains(.thiamineReminder))
        #expect(!i.due(ObservationClock(p), now: Board.now).contains { $0.kind == .withdrawal(.ciwaAr) })
    }

    @Test func prnCapApproachingAtTheProtocolFraction() {
        var i = Board.calm(1, bed: "1")
        let cap = 40.0, f = p.alerts.prnCapApproachingFraction
        i.prnCaps = [PRNCapUse(order: "diazepam PRN", countedMg: cap * f - 1, capMg: cap, lastDoseAt: Board.ago(minutes: 30))]
        #expect(rules(i).isEmpty)
        i.prnCaps = [PRNCapUse(order: "diazepam PRN", countedMg: cap * f, capMg: cap, lastDoseAt: Board.ago(minutes: 30))]
        #expect(rules(i) == [.prnCapApproaching])
    }

    @Test func seizureOrDeliriumIsCriticalUntilReviewed() {
        var i = Board.calm(1, bed: "1")
        i.events = [ClinicalEvent(kind: .seizure, at: Board.ago(minutes: 3), note: "tonic-clonic 2 min")]
        let a = engine.alerts(for: i, now: Board.now)
        #expect(a.map(\.rule) == [.seizureOrDelirium])
        #expect(a[0].severity == .critical && a[0].message.contains("Seizure"))
        i.events = [ClinicalEvent(kind: .delirium, at: Board.ago(minutes: 3), reviewed: true)]
        #expect(rules(i).isEmpty)
    }

    @Test func gateFailedWhileOnACIWATriggeredOrder() {
        var i = Board.calm(1, bed: "1")
        let failed = p.appropriateness.evaluate(recentUseConfirmed: true, canCommunicate: false)
        i.ciwaGate = CIWAOrderGate(order: "diazepam PRN", gate: failed, at: Board.ago(minutes: 20))
        let a = engine.alerts(for: i, now: Board.now)
        #expect(a.map(\.rule) == [.gateFailedOnCIWAOrder])
        #expect(a[0].escalation.contains(p.appropriateness.observerScale.displayName))
        i.ciwaGate?.gate = p.appropriateness.evaluate(recentUseConfirmed: true, canCommunicate: true)
        #expect(rules(i).isEmpty)
    }

    @Test func togetherSortedBySeverityThenAgeAndKeysAreDistinct() {
        var i = Board.calm(1, bed: "1")
        i.vitals = [TimedVitals(vitals(rr: 26, pulse: 112, temp: 38.5), at: Board.ago(minutes: 5))]  // NEWS2 ≥ 5 and red
        i.sedation = [TimedSedation(.rass(-3), at: Board.ago(minutes: 2))]
        i.scores = [TimedTotal(scale: .ciwaB, total: 45, takenAt: Board.ago(minutes: 4)),
                    TimedTotal(scale: .ciwaB, total: 30, takenAt: Board.ago(minutes: 64))]
        i.doses = [ScheduledDoseDue(label: "diazepam 5 mg", dueAt: Board.ago(minutes: 200))]
        i.events = [ClinicalEvent(kind: .delirium, at: Board.ago(minutes: 1))]
        var other = Board.calm(2, bed: "2")
        other.prnCaps = [PRNCapUse(order: "PRN", countedMg: 40, capMg: 40, lastDoseAt: Board.ago(minutes: 30))]
        let all = engine.alerts(BoardInput(beds: [Bed(label: "1"), Bed(label: "2")], patients: [i, other]), now: Board.now)
        #expect(Set(all.map(\.rule)).isSuperset(of: [.news2Threshold, .singleRedParameter, .overSedation, .withdrawalBandRose,
                                                    .doseOverdue, .seizureOrDelirium, .prnCapApproaching]))
        #expect(all.map(\.severity) == all.map(\.severity).sorted(by: >))
        #expect(Array(all.prefix(3)).map(\.rule) == [.news2Threshold, .overSedation, .seizureOrDelirium])
        #expect(Set(all.map(\.id)).count == all.count)
        #expect(all.filter { $0.patientID == 2 }.map(\.rule) == [.prnCapApproaching])
    }
}

@Suite struct AlertEngineMissingRecordsTests {
    @Test func noObservationRecordMeansNoOverdueVitalsOrSedation() {
        var i = Board.calm(1, bed: "1")
        i.vitals = nil; i.sedation = nil
        #expect(AlertEngine(shipped).alerts(for: i, now: Board.now).isEmpty)
        i.vitals = []   // the record exists, nothing taken since admission: overdue
        #expect(AlertEngine(shipped).alerts(for: i, now: Board.now).map(\.subject) == ["obs:vitals"])
    }
}
