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

    /// The status word of a record: a variance reason on a given scheduled dose makes it "given late"/"given early".
    @Test func aDoseGivenOutsideItsWindowSaysSo() {
        func record(_ status: AdministrationStatus, _ reason: ReasonCode?, prn: Bool = false) -> Administration {
            Administration(id: 1, patientID: 1, orderID: 1, orderVersion: 1, isPRN: prn,
                           scheduledFor: prn ? nil : at("2026-11-28T08:00:00Z"), status: status, drug: "diazepam", mg: 5,
                           route: "oral", at: at("2026-11-28T09:30:00Z"), by: 1, byName: "Nurse", reason: reason)
        }
        #expect(record(.given, .lateWardEmergency).statusWord == "given late")
        #expect(record(.given, .earlyPatientLeaving).statusWord == "given early")
        #expect(record(.given, nil).statusWord == "given")
        #expect(record(.held, .heldSedation).statusWord == "held")
        #expect(record(.given, .prnClinicalJudgement, prn: true).statusWord == "given")
        #expect(record(.given, .lateOther).isGivenOutsideWindow && !record(.given, nil).isGivenOutsideWindow)
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

/// "Hold at this step" (issue 17, item 9): from the hold's day the daily dose stays at that day's.
@Suite struct TaperHoldTests {
    static func held(_ day: String?) -> MedicationOrder {
        var o = taper()                       // 20 mg/day from 27 Nov, down 5 mg every 7 days
        o.terms.taper?.holdFromDay = day
        return o
    }

    @Test func fromTheHoldEveryDayGivesTheHeldStepsDoses() {
        let o = Self.held("2026-12-05")       // day 8: the 15 mg step
        let atHold = MedicationSchedule.doses(for: o, on: at("2026-12-05T10:00:00Z"), rules: shipped.taper, calendar: utc)
        #expect(atHold.map(\.mg).reduce(0, +) == 15)
        // Three weeks later the unheld taper is at 0 mg (no doses); the held one still gives 15 mg.
        let later = MedicationSchedule.doses(for: o, on: at("2026-12-26T10:00:00Z"), rules: shipped.taper, calendar: utc)
        #expect(later.map(\.mg) == atHold.map(\.mg))
        #expect(MedicationSchedule.doses(for: Self.held(nil), on: at("2026-12-26T10:00:00Z"), rules: shipped.taper, calendar: utc)
            .map(\.mg).reduce(0, +) < 15)
        // Before the hold nothing changes.
        let before = MedicationSchedule.doses(for: o, on: at("2026-11-28T10:00:00Z"), rules: shipped.taper, calendar: utc)
        #expect(before.map(\.mg) == MedicationSchedule.doses(for: Self.held(nil), on: at("2026-11-28T10:00:00Z"),
                                                             rules: shipped.taper, calendar: utc).map(\.mg))
        #expect(MedicationSchedule.planDay(o.terms.taper!, on: at("2026-12-26T10:00:00Z"), calendar: utc) == 8)
        #expect(MedicationSchedule.planDay(o.terms.taper!, on: at("2026-11-26T10:00:00Z"), calendar: utc) == nil)
    }

    @Test func anOrderWithoutAHoldEncodesAsBefore() throws {
        let plain = try JSONEncoder().encode(Self.held(nil).terms.taper!)
        #expect(!String(decoding: plain, as: UTF8.self).contains("holdFromDay"))
        let withHold = try JSONEncoder().encode(Self.held("2026-12-05").terms.taper!)
        #expect(try JSONDecoder().decode(TaperTerms.self, from: withHold).holdFromDay == "2026-12-05")
        #expect(try JSONDecoder().decode(TaperTerms.self, from: plain).holdFromDay == nil)
    }
}
