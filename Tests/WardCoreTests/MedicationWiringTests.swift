import Foundation
import Testing
@testable import WardCore

/// Medication meeting observations in one snapshot: a PRN dose brings the
/// next checks forward; PRN eligibility reads the recorded vitals, sedation
/// and dose-gate answers.
@Suite struct MedicationWiringTests {
    let p = shipped
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }
    var template: PRNTemplate { p.prn.templates[0] }

    var prnOrder: MedicationOrder {
        MedicationOrder(id: 21, patientID: 1, version: 1, versionID: 21,
                        terms: OrderTerms(kind: .prn, drug: template.drug, indication: "withdrawal", prn: PRNTerms(template)),
                        reason: nil, writtenBy: 3, writtenByName: "Dr P", writtenAt: at(-600))
    }

    /// A patient scored at `template.threshold` on the template's scale at t0, calm fresh vitals at t0.
    func snapshot(rass: Int = 0, prnAt: Double? = nil, gate: DoseGateAnswers? = nil) -> WardSnapshot {
        let patient = Patient(id: 1, mrn: "1", name: "Doe, Jane", dateOfBirth: CalendarDate("1980-01-01")!, sex: .female,
                              admittedAt: at(-2000), bed: "1",
                              substances: [SubstanceUse(substance: "diazepam", dailyAmount: "30 mg", dailyMg: 30, duration: "2 years")])
        let scale = template.scale
        let score = Assessment(id: 7, patientID: 1, scale: scale, items: [], total: template.threshold,
                               band: p.band(scale, total: template.threshold)?.name ?? "?",
                               recordedBy: 1, recordedByName: "A", recordedAt: t0)
        var w = WardSnapshot(ward: Ward(name: "W", beds: [Bed(label: "1")]), patients: [patient],
                             assessments: [1: [score]], version: 1, loadedAt: t0)
        w.vitals[1] = [VitalSignsEntry(stamp: EntryStamp(id: 1, patientID: 1, recordedBy: 1, recordedByName: "A", recordedAt: t0),
                                       vitals: VitalSigns(respirationRate: 16, spo2: 97, onOxygen: false, systolic: 124, pulse: 80,
                                                          acvpu: .alert, temperature: 37.0),
                                       scale2: false)]
        w.sedation[1] = [SedationEntry(stamp: EntryStamp(id: 2, patientID: 1, recordedBy: 1, recordedByName: "A", recordedAt: t0),
                                       score: .rass(rass))]
        w.orders[1] = [prnOrder]
        if let prnAt {
            w.administrations[1] = [Administration(id: 1, patientID: 1, orderID: 21, orderVersion: 1, isPRN: true, scheduledFor: nil,
                                                   status: .given, drug: template.drug, mg: template.doseMg, route: "oral",
                                                   at: at(prnAt), by: 1, byName: "A")]
        }
        if let gate { w.doseGates[7] = gate }
        return w
    }

    // MARK: observation clock

    func withdrawalDue(_ w: WardSnapshot, now: Date) throws -> ObservationDue {
        let h = try #require(w.observationHistoryWithPRN(for: 1, now: now))
        return try #require(ObservationClock(p).due(h, now: now).first { $0.kind == .withdrawal(template.scale) })
    }

    @Test func aPRNDoseBringsTheNextScoreForward() throws {
        let band = try #require(p.band(template.scale, total: template.threshold))
        let every = try #require(p.reassessment.interval(template.scale, band: band.name))
        let afterPRN = p.reassessment.afterPRNMinutes
        try #require(every > afterPRN + 10, "the fixture needs a band interval longer than the after-PRN interval")
        let now = at(11)
        let plain = try withdrawalDue(snapshot(), now: now)
        #expect(plain.dueAt == at(Double(every)))
        let dosed = try withdrawalDue(snapshot(prnAt: 10), now: now)
        #expect(dosed.dueAt == at(Double(10 + afterPRN)))
        #expect(dosed.reason.contains("after the PRN dose"))
    }

    @Test func aPRNDoseBeforeTheScoreOrAfterNowDoesNotMoveTheClock() throws {
        let band = try #require(p.band(template.scale, total: template.threshold))
        let every = try #require(p.reassessment.interval(template.scale, band: band.name))
        #expect(try withdrawalDue(snapshot(prnAt: -5), now: at(1)).dueAt == at(Double(every)))      // the score came after it
        #expect(snapshot(prnAt: 30).lastPRNGivenAt(for: 1, now: at(20)) == nil)                     // not yet given at `now`
    }

    // MARK: PRN eligibility

    func safety(_ w: WardSnapshot, at now: Date) -> DoseSafetyDecision {
        w.doseSafety(order: prnOrder, mg: template.doseMg, scheduledFor: nil, at: now, protocol: p)
    }
    static let yes = DoseGateAnswers(recentUseConfirmed: true, canCommunicate: true)

    @Test func clearWithCalmFreshObservationsAndAnAnsweredGate() throws {
        let e = safety(snapshot(gate: Self.yes), at: at(5))
        #expect(e.isClear, "\(e.line)")
        // Without the observations, the same order asks for them first, and no one may override that.
        var blind = snapshot(gate: Self.yes)
        blind.vitals = [:]; blind.sedation = [:]
        let b = safety(blind, at: at(5))
        #expect(b.findings.contains { $0.rule == .observeFirst } && b.need == .never)
    }

    @Test func heldForSedationAtTheHoldLevelWithTheReasonInTheLine() throws {
        let e = safety(snapshot(rass: p.hold.rassAtOrBelow, gate: Self.yes), at: at(5))
        #expect(e.findings.contains { $0.rule == .hold } && e.need == .prescriber)
        #expect(e.line.contains("RASS \(p.hold.rassAtOrBelow)"))
        // One step lighter than the hold level is not a hold.
        let lighter = safety(snapshot(rass: p.hold.rassAtOrBelow + 1, gate: Self.yes), at: at(5))
        #expect(lighter.isClear, "\(lighter.line)")
    }

    @Test func staleObservationsAskForNewOnes() throws {
        let late = at(Double(p.hold.observationMaxAgeMinutes) + 1)
        let e = safety(snapshot(gate: Self.yes), at: late)
        #expect(e.findings.contains { $0.rule == .observeFirst })
        #expect(e.refusal(prescriberOverride: true, nurseJudgement: true) != nil)
    }

    @Test func theDoseGateAnswersRecordedWithTheScoreDecideTheGateAndNoAnswersIsMonitoringOnly() throws {
        try #require(p.appropriateness.requireCanCommunicate)
        let cannot = safety(snapshot(gate: DoseGateAnswers(recentUseConfirmed: true, canCommunicate: false)), at: at(5))
        #expect(cannot.findings.contains { $0.rule == .prnCriterion && $0.message.contains("cannot communicate") })
        #expect(cannot.need == .nurseJudgement)
        let unanswered = safety(snapshot(gate: nil), at: at(5))
        #expect(unanswered.findings.contains { $0.rule == .prnCriterion && $0.message.contains("monitoring only") })
        #expect(unanswered.refusal(prescriberOverride: false, nurseJudgement: false) != nil)
        #expect(unanswered.refusal(prescriberOverride: false, nurseJudgement: true) == nil)
    }
}
