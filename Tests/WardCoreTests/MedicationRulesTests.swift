import Foundation
import Testing
@testable import WardCore

private let utc: Calendar = { var c = Calendar(identifier: .gregorian); c.timeZone = TimeZone(identifier: "UTC")!; return c }()
private func at(_ iso: String) -> Date { FixedClock(iso8601: iso).now() }

private func taper(start: Double = 20, phases: [OrderPhase] = [OrderPhase(untilMg: 0, step: 5, everyDays: 7)],
                   startDay: String = "2026-11-27", status: OrderStatus = .active) -> MedicationOrder {
    let terms = OrderTerms(kind: .taper, drug: "diazepam", strengthMg: 5, indication: "benzodiazepine withdrawal",
                           doseTimes: ["08:00", "12:00", "18:00", "22:00"],
                           taper: TaperTerms(startDailyMg: start, phases: phases, startDay: startDay), status: status)
    return MedicationOrder(id: 1, patientID: 1, version: 1, versionID: 1, terms: terms, reason: nil, writtenBy: 9,
                           writtenByName: "Dr Test", writtenAt: at("2026-11-27T07:00:00Z"))
}

@Suite struct MARTransitionTests {
    let rules = shipped.administration   // window from the protocol

    @Test func dueThroughTheLastMinuteOfTheWindowThenOverdue() {
        let due = at("2026-11-28T08:00:00Z")
        let w = TimeInterval(rules.windowMinutes * 60)
        #expect(rules.status(dueAt: due, recorded: nil, now: due.addingTimeInterval(-w - 60)) == .notYet)
        #expect(rules.status(dueAt: due, recorded: nil, now: due.addingTimeInterval(-w)) == .due)
        #expect(rules.status(dueAt: due, recorded: nil, now: due) == .due)
        #expect(rules.status(dueAt: due, recorded: nil, now: due.addingTimeInterval(w)) == .due)
        #expect(rules.status(dueAt: due, recorded: nil, now: due.addingTimeInterval(w + 1)) == .overdue)
        #expect(rules.overdueAfter(due) == due.addingTimeInterval(w))
    }

    @Test func aRecordedDoseIsNeverOverdue() {
        let due = at("2026-11-28T08:00:00Z")
        #expect(rules.status(dueAt: due, recorded: .held, now: due.addingTimeInterval(86_000)) == .recorded(.held))
    }

    @Test func timingNeedsTheMatchingReasonKind() {
        let due = at("2026-11-28T12:00:00Z")
        let w = TimeInterval(rules.windowMinutes * 60)
        #expect(rules.timing(dueAt: due, at: due.addingTimeInterval(w + 60 * 15)) == .late(minutes: 15))
        #expect(rules.timing(dueAt: due, at: due.addingTimeInterval(-w - 60 * 30)) == .early(minutes: 30))
        #expect(rules.timing(dueAt: due, at: due.addingTimeInterval(w + 60 * 15)).reasonUse == .late)
        #expect(rules.timing(dueAt: due, at: due).reasonUse == nil)
        #expect(ReasonCode.codes(for: .late).allSatisfy { $0.use == .late })
        #expect(!ReasonCode.codes(for: .held).isEmpty && !ReasonCode.codes(for: .early).isEmpty)
    }
}

@Suite struct ScheduleTests {
    @Test func dosesForADayFollowThePlanSplit() throws {
        let order = taper()
        let day0 = MedicationSchedule.doses(for: order, on: at("2026-11-27T10:00:00Z"), rules: shipped.taper, calendar: utc)
        #expect(day0.map(\.mg) == [5, 5, 5, 5])
        #expect(day0.map(\.time.description) == ["08:00", "12:00", "18:00", "22:00"])
        #expect(day0[0].dueAt == at("2026-11-27T08:00:00Z"))
        // Day 7: 15 mg; the planner puts the extra on the later doses.
        let plan = try MedicationSchedule.plan(order.terms, rules: shipped.taper)
        let day7 = MedicationSchedule.doses(for: order, on: at("2026-12-04T10:00:00Z"), rules: shipped.taper, calendar: utc)
        #expect(day7.map(\.mg) == plan.days(times: order.terms.clockTimes)[7].doses.map(\.mg))
        #expect(day7.map(\.mg).reduce(0, +) == 15)
    }

    @Test func nothingBeforeTheStartOrWhileHeldOrStoppedOrAtZero() {
        #expect(MedicationSchedule.doses(for: taper(), on: at("2026-11-26T10:00:00Z"), rules: shipped.taper, calendar: utc).isEmpty)
        #expect(MedicationSchedule.doses(for: taper(status: .held), on: at("2026-11-28T10:00:00Z"), rules: shipped.taper, calendar: utc).isEmpty)
        #expect(MedicationSchedule.doses(for: taper(status: .stopped), on: at("2026-11-28T10:00:00Z"), rules: shipped.taper, calendar: utc).isEmpty)
        #expect(MedicationSchedule.doses(for: taper(), on: at("2026-12-31T10:00:00Z"), rules: shipped.taper, calendar: utc).isEmpty)
    }
}

@Suite struct DiazepamTotalTests {
    func given(_ drug: String, _ mg: Double, hoursAgo: Double, prn: Bool, status: AdministrationStatus = .given) -> Administration {
        Administration(id: 0, patientID: 1, orderID: prn ? 2 : 1, orderVersion: 1, isPRN: prn,
                       scheduledFor: prn ? nil : at("2026-11-28T12:00:00Z"), status: status, drug: drug, mg: mg, route: "oral",
                       at: at("2026-11-28T12:00:00Z").addingTimeInterval(-hoursAgo * 3600), by: 1, byName: "N")
    }

    @Test func sumsScheduledAndPRNAcrossOrdersAndDrugsInTheLast24h() {
        let now = at("2026-11-28T12:00:00Z")
        let list = [given("diazepam", 5, hoursAgo: 1, prn: false), given("diazepam", 5, hoursAgo: 5, prn: true),
                    given("lorazepam", 1, hoursAgo: 3, prn: true),          // = 10 mg diazepam (Ashton)
                    given("diazepam", 5, hoursAgo: 2, prn: false, status: .held),
                    given("diazepam", 5, hoursAgo: 25, prn: true)]           // outside 24 h
        let prnOnly = DiazepamTotal.last24h(list, now: now, equivalence: shipped.equivalence, capCounts: .prn)
        #expect(prnOnly.scheduledMg == 5)
        #expect(prnOnly.prnMg == 15)
        #expect(prnOnly.totalMg == 20)
        #expect(prnOnly.countedMg == 15)
        let all = DiazepamTotal.last24h(list, now: now, equivalence: shipped.equivalence, capCounts: .all)
        #expect(all.countedMg == 20)
    }
}

@Suite struct PRNEligibilityTests {
    static let now = at("2026-11-28T12:00:00Z")
    static let terms = PRNTerms(template: "t", scale: "ciwa-b", threshold: 21, doseMg: 5, minIntervalMinutes: 60,
                                maxPer24hDiazepamMg: 20)
    static let okHold = HoldDecision(outcome: .mayGive, findings: [], messages: [], source: "")
    static let okGate = shipped.appropriateness.evaluate(recentUseConfirmed: true, canCommunicate: true)

    static func input(lastAgo: Double? = nil, counted: Double = 0, score: Int? = 25, rass: Int? = nil,
                      gate: DoseGateDecision = okGate) -> PRNEligibilityInput {
        let hold: HoldDecision
        if let rass {
            hold = shipped.hold.evaluate(vitals: TimedVitals(VitalSigns(respirationRate: 16, spo2: 97, onOxygen: false, systolic: 120,
                                                                         pulse: 80, acvpu: .alert, temperature: 37), at: now),
                                         sedation: TimedSedation(.rass(rass), at: now), now: now)
        } else { hold = okHold }
        return PRNEligibilityInput(terms: terms, drug: "diazepam", lastSameDrugPRNAt: lastAgo.map { now.addingTimeInterval(-$0 * 60) },
                                   counted24hMg: counted, doseDiazepamMg: 5,
                                   latestScore: score.map { TimedTotal(scale: .ciwaB, total: $0, takenAt: now.addingTimeInterval(-600)) },
                                   scoreMaxAgeMinutes: 60, hold: hold, gate: gate, now: now)
    }

    @Test func eligibleWhenNothingStandsInTheWay() {
        let e = PRNEligibility.evaluate(Self.input(lastAgo: 61, counted: 15))
        #expect(e.isEligible)
        #expect(e.line == "PRN eligible")
    }

    @Test func eachReasonAlone() {
        let tooSoon = PRNEligibility.evaluate(Self.input(lastAgo: 40))
        #expect(tooSoon.line == "PRN not eligible: last dose 40 min ago, minimum 60")
        #expect(tooSoon.isBlocked)
        let cap = PRNEligibility.evaluate(Self.input(counted: 16))
        #expect(cap.reasons == [.capReached(countedMg: 16, doseMg: 5, capMg: 20)])
        #expect(cap.line.contains("24-h cap reached"))
        let rass = PRNEligibility.evaluate(Self.input(rass: -2))
        #expect(rass.reasons.count == 1)
        #expect(rass.line.contains("RASS -2"))
        #expect(!rass.isBlocked)
        let below = PRNEligibility.evaluate(Self.input(score: 12))
        #expect(below.line == "PRN not eligible: CIWA-B 12 below threshold 21")
        let gate = PRNEligibility.evaluate(Self.input(gate: shipped.appropriateness.evaluate(recentUseConfirmed: false, canCommunicate: true)))
        #expect(gate.line == "PRN not eligible: gate not met: recent benzodiazepine use is not confirmed")
        let noScore = PRNEligibility.evaluate(Self.input(score: nil))
        #expect(noScore.reasons == [.noRecentScore(scale: "CIWA-B", maxAgeMinutes: 60)])
    }

    @Test func reasonsCombineInOneLine() {
        let e = PRNEligibility.evaluate(Self.input(lastAgo: 40, counted: 20, score: 12, rass: -3,
                                                   gate: shipped.appropriateness.evaluate(recentUseConfirmed: true, canCommunicate: false)))
        #expect(e.reasons.count == 5)
        let parts = e.line.dropFirst("PRN not eligible: ".count).components(separatedBy: "; ")
        #expect(parts.count == 5)
        #expect(parts[0] == "last dose 40 min ago, minimum 60")
        #expect(parts[1].hasPrefix("24-h cap reached"))
        #expect(parts[2].contains("RASS -3"))
        #expect(parts[3] == "CIWA-B 12 below threshold 21")
        #expect(parts[4].hasPrefix("gate not met"))
    }

    @Test func aHeldOrderIsNotEligible() {
        var i = Self.input()
        i.status = .held
        #expect(PRNEligibility.evaluate(i).reasons == [.orderNotActive(.held)])
    }
}

@Suite struct MARRowsTests {
    @Test func dosesRecordedBeforeAnOrderWasHeldStayOnTheMAR() {
        var terms = OrderTerms(kind: .taper, drug: "diazepam", indication: "w", doseTimes: ["08:00", "20:00"],
                               taper: TaperTerms(startDailyMg: 10, phases: [OrderPhase(untilMg: 0, step: 2, everyDays: 7)], startDay: "2026-11-28"))
        terms.status = .held
        let held = MedicationOrder(id: 1, patientID: 1, version: 2, versionID: 2, terms: terms, reason: "drowsy", writtenBy: 9,
                                   writtenByName: "Dr", writtenAt: at("2026-11-28T10:00:00Z"))
        let given = Administration(id: 5, patientID: 1, orderID: 1, orderVersion: 1, isPRN: false, scheduledFor: at("2026-11-28T08:00:00Z"),
                                   status: .given, drug: "diazepam", mg: 5, route: "oral", at: at("2026-11-28T08:05:00Z"), by: 2, byName: "N")
        let p = Patient(id: 1, mrn: "1", name: "A", dateOfBirth: CalendarDate("1980-01-01")!, sex: .female,
                        admittedAt: at("2026-11-27T10:00:00Z"), bed: "1")
        var w = WardSnapshot(ward: Ward(name: "W", beds: [Bed(label: "1")]), patients: [p], assessments: [:], version: 1,
                             loadedAt: at("2026-11-28T12:00:00Z"))
        w.orders[1] = [held]
        w.administrations[1] = [given]
        let rows = w.marRows(for: 1, now: at("2026-11-28T12:00:00Z"), protocol: shipped, calendar: utc)
        #expect(rows.count == 1)
        #expect(rows.first?.status == .recorded(.given))
        #expect(rows.first?.dose.time.description == "08:00")
    }
}
