import Foundation
import Testing
import WardCore
@testable import WardReports

/// The medication record (orders, doses given/held/refused, PRN and its
/// follow-up) reaching the handover. Fixture moment 16:00 UTC, day shift 07:00-19:00.
@Suite struct HandoverMedicationTests {
    static let shift = ShiftOccurrence(name: "day", interval: Fixture.shift)
    static func at(_ hhmm: String) -> Date { Fixture.at(hhmm) }

    /// Kowalski (patient 1): diazepam 40 mg/day from 26 Nov, -10 mg every 7 days down to 20 mg,
    /// four doses a day; a PRN diazepam order.
    static let taper = MedicationOrder(
        id: 11, patientID: 1, version: 1, versionID: 11,
        terms: OrderTerms(kind: .taper, drug: "diazepam", indication: "withdrawal", doseTimes: ["08:00", "12:00", "16:00", "22:00"],
                          taper: TaperTerms(startDailyMg: 40, phases: [OrderPhase(untilMg: 20, step: 10, everyDays: 7)],
                                            startDay: "2026-11-26")),
        reason: nil, writtenBy: 3, writtenByName: "Dr P", writtenAt: Fixture.at("09:00", day: 26))
    static let prn = MedicationOrder(
        id: 21, patientID: 1, version: 1, versionID: 21,
        terms: OrderTerms(kind: .prn, drug: "diazepam", indication: "withdrawal", prn: PRNTerms(Fixture.proto.prn.templates[0])),
        reason: nil, writtenBy: 3, writtenByName: "Dr P", writtenAt: Fixture.at("09:00", day: 26))

    static func dose(_ id: Int64, _ order: MedicationOrder, due: Date?, _ status: AdministrationStatus, at: Date, mg: Double,
                     reason: ReasonCode? = nil, note: String? = nil) -> Administration {
        Administration(id: id, patientID: 1, orderID: order.id, orderVersion: 1, isPRN: due == nil, scheduledFor: due,
                       status: status, drug: "diazepam", mg: mg, route: "oral", at: at, by: 1, byName: "Nurse A",
                       reason: reason, note: note)
    }

    static func snapshot(heldNoon: Bool = true) -> WardSnapshot {
        var s = Fixture.snapshot
        s.orders = [1: [taper, prn]]
        var a = [
            dose(1, taper, due: Fixture.at("22:00", day: 27), .given, at: Fixture.at("22:05", day: 27), mg: 10),   // before the shift
            dose(2, taper, due: at("08:00"), .given, at: at("09:30"), mg: 10, reason: .lateWardEmergency),
            dose(4, prn, due: nil, .given, at: at("10:40"), mg: 5),
            dose(5, prn, due: nil, .given, at: at("15:10"), mg: 5),
        ]
        if heldNoon { a.append(dose(3, taper, due: at("12:00"), .held, at: at("11:55"), mg: 10, reason: .heldSedation)) }
        s.administrations = [1: a.sorted { $0.at > $1.at }]
        s.prnFollowUps = [1: [
            PRNFollowUp(id: 2, administrationID: 5, patientID: 1, dueAt: at("16:10")),
            PRNFollowUp(id: 1, administrationID: 4, patientID: 1, dueAt: at("11:40"), result: .effective,
                        resultAt: at("11:35"), resultByName: "Nurse B"),
        ]]
        return s
    }

    static func input(_ s: WardSnapshot = snapshot()) -> HandoverInput {
        HandoverInput.forShift(shift, snapshot: s, protocol: Fixture.proto, printedBy: "Nurse Ada Obi",
                               now: Fixture.now, timeZone: Fixture.utc)
    }
    static func kowalski(_ h: HandoverInput) throws -> PatientHandover {
        try #require(h.patients.first { $0.summary.mrn == "100234" })
    }

    @Test func taperStepAndTheDiazepamEquivalentTotal() throws {
        let p = try Self.kowalski(Self.input())
        // Day 3 of the taper (26, 27, 28 Nov): still the first of three steps (40, 30, 20 mg/day).
        #expect(p.summary.taperStepToday == "diazepam 40 mg/day, step 1 of 3 (taper day 3): 10 mg 08:00, 10 mg 12:00, 10 mg 16:00, 10 mg 22:00")
        // Given in the 24 h up to 16:00: 22:05 yesterday and 09:30 (10 + 10), PRN 5 + 5; the held dose does not count.
        #expect(p.summary.diazepamEquivalent24hMg == 30)
    }

    /// A taper held at a step says so, with the held step's dose and the taper's real day.
    @Test func aTaperHeldAtAStepSaysSo() throws {
        var held = Self.taper
        held.terms.taper?.holdFromDay = "2026-11-27"          // day 1 of the plan; the handover is on day 2 (28 Nov)
        var snap = Self.snapshot()
        snap.orders = [1: [held, Self.prn]]
        let p = try Self.kowalski(Self.input(snap))
        #expect(p.summary.taperStepToday?.hasPrefix("STEP HELD from 2026-11-27: diazepam 40 mg/day, step 1 of 3 (taper day 3)") == true,
                "\(String(describing: p.summary.taperStepToday))")
    }

    @Test func prnDosesOfTheShiftWithTriggerAndEffect() throws {
        let doses = try #require(try Self.kowalski(Self.input()).numbers.prnDoses)
        #expect(doses.map(\.at) == [Self.at("10:40"), Self.at("15:10")])
        // The 10:30 CIWA-B 52 was amended away; the current score before 10:40 is 25 at 08:00.
        #expect(doses[0].reason == "CIWA-B 25 at 08:00")
        #expect(doses[0].effect == "effective (re-assessed 11:35 by Nurse B)")
        #expect(doses[1].reason == "CIWA-B 44 at 15:00")
        #expect(doses[1].effect == nil)
        #expect(doses[1].dose == "5 mg oral")
    }

    @Test func scheduledDosesOfTheShiftWithOutcomeAndReason() throws {
        let doses = try #require(try Self.kowalski(Self.input()).numbers.scheduledDoses)
        #expect(doses.map(\.due) == [Self.at("08:00"), Self.at("12:00")])      // yesterday's 22:00 is not this shift's
        #expect(doses[0].outcome == .late && doses[0].at == Self.at("09:30") && doses[0].reason == ReasonCode.lateWardEmergency.label)
        #expect(doses[1].outcome == .held && doses[1].at == nil && doses[1].reason == ReasonCode.heldSedation.label)
    }

    @Test func doseActionsDueNextAndFollowUpInTimeOrder() throws {
        let items = try Self.kowalski(Self.input()).actions.items
        let doseItems = items.filter { [.doseDue, .prnFollowUp].contains($0.kind) || $0.text.contains("diazepam") }
        #expect(doseItems.map(\.kind) == [.doseDue, .prnFollowUp, .doseDue])
        #expect(doseItems.map(\.due) == [Self.at("16:00"), Self.at("16:10"), Self.at("22:00")])
        #expect(doseItems[0].text == "diazepam 10 mg oral (due now)")
        #expect(doseItems[1].text == "effect of diazepam 5 mg given 15:10: re-assess and record")
        #expect(doseItems[2].text == "diazepam 10 mg oral (next dose)")
        // The whole list (observation checks included) is in time order.
        let dues = items.map { $0.due ?? .distantFuture }
        #expect(dues == dues.sorted())
    }

    @Test func anUnrecordedDoseOfTheShiftIsOverdue() throws {
        let p = try Self.kowalski(Self.input(Self.snapshot(heldNoon: false)))
        let overdue = try #require(p.actions.items.first { $0.kind == .overdue && $0.text.hasPrefix("diazepam") })
        #expect(overdue.due == Self.at("12:00"))
        #expect(overdue.text == "diazepam 10 mg oral not recorded (window closed 13:00)")
        #expect(p.numbers.scheduledDoses?.map(\.due) == [Self.at("08:00")])
    }

    @Test func aPatientWithoutOrdersSaysSoRatherThanNotRecorded() throws {
        let h = Self.input()
        let wang = try #require(h.patients.first { $0.summary.mrn == "100377" })
        #expect(wang.summary.taperStepToday == "no taper order")
        #expect(wang.summary.diazepamEquivalent24hMg == 0)
        #expect(wang.numbers.prnDoses == [])
        #expect(wang.numbers.scheduledDoses == [])
        #expect(!wang.actions.items.contains { $0.kind == .doseDue || $0.kind == .prnFollowUp })
    }

    @Test func theRenderedPageCarriesTheMedicationLines() throws {
        let text = HandoverTextRenderer(columns: .c132).render(Self.input())
        #expect(text.contains("Taper step today: diazepam 40 mg/day, step 1 of 3"))
        #expect(text.contains("24-h diazepam equivalent: 30 mg"))
        #expect(text.contains("10:40 diazepam 5 mg oral for CIWA-B 25 at 08:00; effect: effective (re-assessed 11:35 by Nurse B)"))
        #expect(text.contains("15:10 diazepam 5 mg oral for CIWA-B 44 at 15:00; effect: NOT YET RECORDED"))
        #expect(text.contains("Scheduled doses: 0 given, 1 held, 0 refused, 1 late, 0 omitted"))
        #expect(text.contains("[dose due 16:00] diazepam 10 mg oral (due now)"))
        #expect(!text.contains("Taper step today: not recorded"))
    }

    @Test func aNightShiftSpansMidnightAndSeesOnlyWhatHadHappenedByThen() throws {
        let night = ShiftOccurrence(name: "night", interval: DateInterval(start: Fixture.at("19:00", day: 27), end: Self.at("07:00")))
        let now = Self.at("07:30")
        let h = HandoverInput.forShift(night, snapshot: Self.snapshot(), protocol: Fixture.proto, printedBy: "Nurse Ada Obi",
                                       now: now, timeZone: Fixture.utc)
        let p = try Self.kowalski(h)
        #expect(p.numbers.scheduledDoses?.map(\.due) == [Fixture.at("22:00", day: 27)])
        #expect(p.numbers.scheduledDoses?.first?.outcome == .given)
        #expect(p.numbers.prnDoses == [])                                  // the day's PRN doses come later
        let doseItems = p.actions.items.filter { $0.kind == .doseDue || $0.kind == .prnFollowUp || $0.text.contains("diazepam") }
        // 08:00 is inside its window at 07:30; 12:00 is the next one (the 09:30 and 11:55 records had not happened yet).
        #expect(doseItems.map(\.text) == ["diazepam 10 mg oral (due now)", "diazepam 10 mg oral (next dose)"])
        #expect(doseItems.map(\.due) == [Self.at("08:00"), Self.at("12:00")])
    }
}
