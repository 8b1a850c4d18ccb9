import TestTools
import Foundation
import Testing
import WardCore
@testable import WardStore

/// Helpers: one-dose-a-day taper whose dose time is "now" in the ward's local time.
extension Fixture {
    func localHHMM(_ d: Date) -> String {
        let c = Calendar.wardDefault.dateComponents([.hour, .minute], from: d)
        return String(format: "%02d:%02d", c.hour!, c.minute!)
    }

    func taperTerms(dailyMg: Double = 10, status: OrderStatus = .active) -> OrderTerms {
        OrderTerms(kind: .taper, drug: "diazepam", strengthMg: 5, indication: "benzodiazepine withdrawal",
                   doseTimes: [localHHMM(clock.now())],
                   taper: TaperTerms(startDailyMg: dailyMg, phases: [OrderPhase(untilMg: 0, step: 2, everyDays: 7)],
                                     startDay: MedicationSchedule.dayKey(clock.now(), .wardDefault)),
                   status: status)
    }

    func prnTerms(minInterval: Int = 120, cap: Double = 20, dose: Double = 5) -> OrderTerms {
        OrderTerms(kind: .prn, drug: "diazepam", indication: "withdrawal symptoms",
                   prn: PRNTerms(template: "diazepam-ciwa-b", scale: "ciwa-b", threshold: 21, doseMg: dose,
                                 minIntervalMinutes: minInterval, maxPer24hDiazepamMg: cap))
    }

    func witness(_ r: StaffRole) -> WitnessCredentials { WitnessCredentials(staffID: staffID(for: r), pin: pin(for: r)) }

    /// Today's scheduled doses of an order as the store computes them.
    func doses(_ o: MedicationOrder) -> [MARDose] {
        MedicationSchedule.doses(for: o, on: clock.now(), rules: wardProtocol.taper, calendar: .wardDefault)
    }

    func count(_ sql: String) throws -> Int { Int(try outside(sql).out) ?? -1 }
}

@Suite(.serialized) struct OrderVersioningTests {
    @Test(arguments: TestBackend.both) func onlyPrescribersWriteAndEveryChangeIsANewVersionWithAReason(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("M1", bed: "1")
        let nurseTry = refusal { try f.store.writeOrder(WriteOrder(patientID: p.id, terms: f.taperTerms()), session: f.session(.nurse), protocol: wardProtocol) }
        #expect(nurseTry?.kind == .notPermitted)
        #expect(nurseTry?.message.contains("needs a prescriber") == true)

        let v1 = try f.store.writeOrder(WriteOrder(patientID: p.id, terms: f.taperTerms()), session: f.session(.prescriber), protocol: wardProtocol)
        #expect(v1.version == 1 && v1.reason == nil)
        let noReason = refusal { try f.store.changeOrder(ChangeOrder(orderID: v1.id, basedOn: 1, terms: f.taperTerms(dailyMg: 8), reason: "  "),
                                                         session: f.session(.prescriber), protocol: wardProtocol) }
        #expect(noReason?.kind == .invalid)
        let v2 = try f.store.changeOrder(ChangeOrder(orderID: v1.id, basedOn: 1, terms: f.taperTerms(dailyMg: 8), reason: "slower start"),
                                         session: f.session(.prescriber), protocol: wardProtocol)
        #expect(v2.version == 2 && v2.id == v1.id && v2.reason == "slower start")
        let stale = refusal { try f.store.changeOrder(ChangeOrder(orderID: v1.id, basedOn: 1, terms: f.taperTerms(dailyMg: 6), reason: "x"),
                                                      session: f.session(.prescriber), protocol: wardProtocol) }
        #expect(stale?.kind == .conflict)
        // Holding a taper is a versioned change: no doses today, history intact.
        let v3 = try f.store.changeOrder(ChangeOrder(orderID: v1.id, basedOn: 2, terms: f.taperTerms(dailyMg: 8, status: .held), reason: "drowsy"),
                                         session: f.session(.prescriber), protocol: wardProtocol)
        let history = try f.store.orderHistory(v1.id)
        #expect(history.map(\.version) == [1, 2, 3])
        #expect(history[0].terms.taper?.startDailyMg == 10)
        #expect(history[1].terms.taper?.startDailyMg == 8)
        let snap = try f.store.loadWard(protocol: wardProtocol)
        #expect(snap.orders[p.id]?.first?.version == 3)
        #expect(snap.orderVersions[p.id]?.count == 3)
        #expect(f.doses(v3).isEmpty)
        // Holding at a step is a versioned change too; a hold before day 0 or not a day is refused in the store.
        var heldTerms = f.taperTerms(dailyMg: 8)
        heldTerms.taper?.holdFromDay = "1999-01-01"
        let early = refusal { try f.store.changeOrder(ChangeOrder(orderID: v1.id, basedOn: 3, terms: heldTerms, reason: "x"),
                                                      session: f.session(.prescriber), protocol: wardProtocol) }
        #expect(early?.kind == .invalid && early?.message.contains("before the taper's day 0") == true)
        heldTerms.taper?.holdFromDay = "soon"
        #expect(refusal { try f.store.changeOrder(ChangeOrder(orderID: v1.id, basedOn: 3, terms: heldTerms, reason: "x"),
                                                  session: f.session(.prescriber), protocol: wardProtocol) }?.kind == .invalid)
        let day0 = heldTerms.taper?.startDay
        heldTerms.taper?.holdFromDay = day0
        let v4 = try f.store.changeOrder(ChangeOrder(orderID: v1.id, basedOn: 3, terms: heldTerms, reason: "hold at this step: sweating"),
                                         session: f.session(.prescriber), protocol: wardProtocol)
        #expect(v4.terms.taper?.holdFromDay == heldTerms.taper?.startDay)
        #expect(try f.store.loadWard(protocol: wardProtocol).orders[p.id]?.first?.terms.taper?.holdFromDay == heldTerms.taper?.startDay)
        #expect(try f.outside("UPDATE med_order_versions SET drug = 'x';").status != 0)
        #expect(try f.count("SELECT count(*) FROM audit_events WHERE action = 'order.change'") == 3)
    }

    @Test(arguments: TestBackend.both) func badTermsAreRefusedWithWhatToFix(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("M1", bed: "1")
        var t = f.taperTerms(); t.drug = "aspirin"
        #expect(refusal { try f.store.writeOrder(WriteOrder(patientID: p.id, terms: t), session: f.session(.prescriber), protocol: wardProtocol) }?
            .message.contains("equivalence table") == true)
        var times = f.taperTerms(); times.doseTimes = ["8am"]
        #expect(refusal { try f.store.writeOrder(WriteOrder(patientID: p.id, terms: times), session: f.session(.prescriber), protocol: wardProtocol) }?
            .message.contains("HH:MM") == true)
    }
}

@Suite(.serialized) struct DoseRecordingTests {
    func setUp(_ backend: TestBackend) throws -> (Fixture, Patient, MedicationOrder) {
        let f = try Fixture(backend)
        let p = try f.admit("M1", bed: "1")
        let o = try f.store.writeOrder(WriteOrder(patientID: p.id, terms: f.taperTerms()), session: f.session(.prescriber), protocol: wardProtocol)
        try f.observe(p)   // the hold rules need a fresh sedation score and vital signs before any dose
        return (f, p, o)
    }

    @Test(arguments: TestBackend.both) func aScheduledDoseIsGivenOnceAndTheSecondIsToldWhoGaveIt(_ backend: TestBackend) throws {
        let (f, p, o) = try setUp(backend); defer { f.cleanup() }
        let dose = try #require(f.doses(o).first)
        let a = try f.store.recordDose(RecordDose(orderID: o.id, scheduledFor: dose.dueAt, status: .given, witness: f.witness(.chargeNurse)),
                                       session: f.session(.nurse), protocol: wardProtocol)
        #expect(a.status == .given && a.mg == dose.mg && a.witness?.name == "Charge nurse, Test")
        let again = refusal { try f.store.recordDose(RecordDose(orderID: o.id, scheduledFor: dose.dueAt, status: .given, witness: f.witness(.nurse)),
                                                     session: f.session(.chargeNurse), protocol: wardProtocol) }
        #expect(again?.kind == .conflict)
        #expect(again?.message.contains("already given by Nurse, Test at \(f.localHHMM(f.clock.now()))") == true)
        let hold = refusal { try f.store.recordDose(RecordDose(orderID: o.id, scheduledFor: dose.dueAt, status: .held, reason: .heldSedation),
                                                    session: f.session(.chargeNurse), protocol: wardProtocol) }
        #expect(hold?.kind == .conflict)
        #expect(try f.count("SELECT count(*) FROM administrations") == 1)
        #expect(try f.store.administrations(patient: p.id).count == 1)
        #expect(try f.outside("UPDATE administrations SET mg = 0;").status != 0)
        #expect(try f.outside("DELETE FROM administrations;").status != 0)
    }

    @Test(arguments: TestBackend.both) func outsideTheWindowAReasonOfTheRightKindIsRequired(_ backend: TestBackend) throws {
        let (f, _, o) = try setUp(backend); defer { f.cleanup() }
        let dose = try #require(f.doses(o).first)
        f.clock.advance(minutes: Double(wardProtocol.administration.windowMinutes + 30))
        try f.observe(o.patientID)
        let none = refusal { try f.store.recordDose(RecordDose(orderID: o.id, scheduledFor: dose.dueAt, status: .given, witness: f.witness(.chargeNurse)),
                                                    session: f.session(.nurse), protocol: wardProtocol) }
        #expect(none?.kind == .invalid)
        #expect(none?.message.contains("30 min past") == true)
        let early = refusal { try f.store.recordDose(RecordDose(orderID: o.id, scheduledFor: dose.dueAt, status: .given, reason: .earlyOther,
                                                                note: "x", witness: f.witness(.chargeNurse)),
                                                     session: f.session(.nurse), protocol: wardProtocol) }
        #expect(early?.kind == .invalid)
        let other = refusal { try f.store.recordDose(RecordDose(orderID: o.id, scheduledFor: dose.dueAt, status: .given, reason: .lateOther,
                                                                witness: f.witness(.chargeNurse)),
                                                     session: f.session(.nurse), protocol: wardProtocol) }
        #expect(other?.message.contains("needs a note") == true)
        let a = try f.store.recordDose(RecordDose(orderID: o.id, scheduledFor: dose.dueAt, status: .given, reason: .lateWardEmergency,
                                                  witness: f.witness(.chargeNurse)), session: f.session(.nurse), protocol: wardProtocol)
        #expect(a.reason == .lateWardEmergency)
        #expect(try f.outside("SELECT reason FROM administrations").out == "late-ward-emergency")
    }

    @Test(arguments: TestBackend.both) func holdRefuseOmitNeedTheirReasonAndAHoldLinksTheObservation(_ backend: TestBackend) throws {
        let (f, _, o) = try setUp(backend); defer { f.cleanup() }
        let dose = try #require(f.doses(o).first)
        let bare = refusal { try f.store.recordDose(RecordDose(orderID: o.id, scheduledFor: dose.dueAt, status: .held),
                                                    session: f.session(.nurse), protocol: wardProtocol) }
        #expect(bare?.kind == .invalid)
        let wrongKind = refusal { try f.store.recordDose(RecordDose(orderID: o.id, scheduledFor: dose.dueAt, status: .held, reason: .refusedByPatient),
                                                         session: f.session(.nurse), protocol: wardProtocol) }
        #expect(wrongKind?.kind == .invalid)
        let held = try f.store.recordDose(RecordDose(orderID: o.id, scheduledFor: dose.dueAt, status: .held, reason: .heldSedation, observationID: 42),
                                          session: f.session(.nurse), protocol: wardProtocol)
        #expect(held.observationID == 42 && held.witness == nil)
        #expect(try f.outside("SELECT status, reason, observation_id FROM administrations").out == "held|held-sedation|42")
    }

    @Test(arguments: TestBackend.both) func witnessRules(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("M1", bed: "1")
        let o = try f.store.writeOrder(WriteOrder(patientID: p.id, terms: f.taperTerms()), session: f.session(.prescriber), protocol: wardProtocol)
        let dose = try #require(f.doses(o).first)
        try f.observe(p)
        func give(_ who: StaffRole, _ w: WitnessCredentials?) -> CommandRefusal? {
            refusal { try f.store.recordDose(RecordDose(orderID: o.id, scheduledFor: dose.dueAt, status: .given, witness: w),
                                             session: f.session(who), protocol: wardProtocol) }
        }
        #expect(give(.nurse, nil)?.message.contains("needs a second-person witness") == true)
        #expect(give(.nurse, f.witness(.nurse))?.message.contains("cannot witness your own dose") == true)
        #expect(give(.nurse, f.witness(.studentNurse))?.message.contains("student nurse and cannot witness") == true)
        #expect(give(.nurse, WitnessCredentials(staffID: "C1", pin: "000000"))?.message.contains("Witness ID or PIN not accepted") == true)
        let other = try f.store.addStaff(staffID: "N9", name: "Gone, Nurse", role: .nurse, secret: "787878", policy: testPolicy,
                                         session: f.session(.admin))
        try f.store.disableStaff(staffID: other.staffID, session: f.session(.admin))
        #expect(give(.nurse, WitnessCredentials(staffID: "N9", pin: "787878"))?.message.contains("disabled") == true)
        #expect(try f.count("SELECT count(*) FROM administrations") == 0)
        #expect(try f.count("SELECT count(*) FROM audit_events WHERE action = 'witness.failed'") == 1)
        // A student gives only with a witness; the supervising nurse witnesses.
        #expect(give(.studentNurse, f.witness(.nurse)) == nil)
        #expect(try f.outside("SELECT s.staff_id, w.staff_id FROM administrations a JOIN staff s ON s.id = a.recorded_by JOIN staff w ON w.id = a.witness").out == "S1|N1")
    }

    @Test(arguments: TestBackend.both) func wrongWitnessPINsLockTheWitnessLikeFailedSignIns(_ backend: TestBackend) throws {
        let (f, _, o) = try setUp(backend); defer { f.cleanup() }
        let dose = try #require(f.doses(o).first)
        for _ in 0..<wardProtocol.security.maxFailedAttempts {
            let r = refusal { try f.store.recordDose(RecordDose(orderID: o.id, scheduledFor: dose.dueAt, status: .given,
                                                                witness: WitnessCredentials(staffID: "C1", pin: "999999")),
                                                     session: f.session(.nurse), protocol: wardProtocol) }
            #expect(r?.kind == .notPermitted)
        }
        let locked = refusal { try f.store.recordDose(RecordDose(orderID: o.id, scheduledFor: dose.dueAt, status: .given, witness: f.witness(.chargeNurse)),
                                                      session: f.session(.nurse), protocol: wardProtocol) }
        #expect(locked?.kind == .locked)
        #expect(try f.count("SELECT count(*) FROM administrations") == 0)
    }

    @Test(arguments: TestBackend.both) func wastageIsRecordedWithItsWitness(_ backend: TestBackend) throws {
        let (f, _, o) = try setUp(backend); defer { f.cleanup() }
        let dose = try #require(f.doses(o).first)
        let tooMuch = refusal { try f.store.recordDose(RecordDose(orderID: o.id, scheduledFor: dose.dueAt, status: .given, witness: f.witness(.chargeNurse),
                                                                  wastedMg: dose.mg), session: f.session(.nurse), protocol: wardProtocol) }
        #expect(tooMuch?.kind == .invalid)
        let a = try f.store.recordDose(RecordDose(orderID: o.id, scheduledFor: dose.dueAt, status: .given, witness: f.witness(.chargeNurse), wastedMg: 2.5),
                                       session: f.session(.nurse), protocol: wardProtocol)
        #expect(a.wastedMg == 2.5)
        #expect(try f.outside("SELECT wasted_mg, w.staff_id FROM administrations a JOIN staff w ON w.id = a.witness").out == "2.5|C1")
    }

    @Test(arguments: TestBackend.both) func wastageNeedsAWitnessWhereOnlyTheWastageIsWitnessedAndReadsBackWithTheWard(_ backend: TestBackend) throws {
        let (f, p, o) = try setUp(backend); defer { f.cleanup() }
        var civ = wardProtocol
        civ.witness.defaultSchedule = "us-civ"      // giving alone is allowed; wasting is witnessed
        let dose = try #require(f.doses(o).first)
        let alone = refusal { try f.store.recordDose(RecordDose(orderID: o.id, scheduledFor: dose.dueAt, status: .given, wastedMg: 2.5),
                                                     session: f.session(.nurse), protocol: civ) }
        #expect(alone?.kind == .notPermitted)
        #expect(alone?.message.contains("wasting") == true)
        #expect(try f.count("SELECT count(*) FROM administrations") == 0)
        try f.store.recordDose(RecordDose(orderID: o.id, scheduledFor: dose.dueAt, status: .given, witness: f.witness(.chargeNurse), wastedMg: 2.5),
                               session: f.session(.nurse), protocol: civ)
        let a = try #require(try f.store.loadWard(protocol: civ).administrations[p.id]?.first)
        #expect(a.wastedMg == 2.5 && a.witness?.name == "Charge nurse, Test")
        #expect(try f.count("SELECT count(*) FROM audit_events WHERE action = 'dose.given' AND details LIKE '%wastedMg%'") == 1)
    }
}

@Suite(.serialized) struct PRNStoreTests {
    /// A PRN dose as a nurse gives it: fresh observations and a score above the threshold first.
    func give(_ f: Fixture, _ o: MedicationOrder, by: StaffRole = .nurse) throws -> Administration {
        try f.observe(o.patientID)
        try f.score(o.patientID, 30)
        return try f.store.recordDose(RecordDose(orderID: o.id, scheduledFor: nil, status: .given,
                                                 witness: f.witness(by == .nurse ? .chargeNurse : .nurse)),
                                      session: f.session(by), protocol: wardProtocol)
    }

    @Test(arguments: TestBackend.both) func minimumIntervalHoldsAcrossPRNOrdersAndAFollowUpIsStarted(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("M1", bed: "1")
        let a = try f.store.writeOrder(WriteOrder(patientID: p.id, terms: f.prnTerms()), session: f.session(.prescriber), protocol: wardProtocol)
        let b = try f.store.writeOrder(WriteOrder(patientID: p.id, terms: f.prnTerms()), session: f.session(.prescriber), protocol: wardProtocol)
        let first = try give(f, a)
        #expect(first.isPRN)
        f.clock.advance(minutes: 40)
        let second = refusal { _ = try give(f, b, by: .chargeNurse) }
        #expect(second?.kind == .unsafe)
        #expect(second?.message.contains("was given by Nurse, Test") == true)
        #expect(second?.message.contains("40 min ago; minimum 120 min between PRN doses of any benzodiazepine") == true)
        f.clock.advance(minutes: 81)
        _ = try give(f, b, by: .chargeNurse)
        #expect(try f.count("SELECT count(*) FROM administrations WHERE is_prn = 1") == 2)
        let snap = try f.store.loadWard(protocol: wardProtocol)
        let fu = try #require(snap.prnFollowUps[p.id]?.last)
        #expect(fu.administrationID == first.id)
        #expect(fu.dueAt == first.at.addingTimeInterval(TimeInterval(wardProtocol.reassessment.afterPRNMinutes * 60)))
        let done = try f.store.recordPRNEffect(RecordPRNEffect(followUpID: fu.id, result: .effective), session: f.session(.nurse))
        #expect(done.result == .effective)
        #expect(refusal { try f.store.recordPRNEffect(RecordPRNEffect(followUpID: fu.id, result: .none), session: f.session(.nurse)) }?.kind == .conflict)
    }

    @Test(arguments: TestBackend.both) func theMinimumIntervalHoldsAcrossTheShiftBoundary(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        // 10 minutes before the second shift starts, ward local time.
        let change = wardProtocol.shifts.shifts[1].start
        let cal = Calendar.wardDefault
        let target = cal.date(bySettingHour: change.hour, minute: change.minute, second: 0, of: f.clock.now())!.addingTimeInterval(-600)
        f.clock.advance(minutes: target.timeIntervalSince(f.clock.now()) / 60)
        let p = try f.admit("M1", bed: "1")
        let a = try f.store.writeOrder(WriteOrder(patientID: p.id, terms: f.prnTerms(minInterval: 60)), session: f.session(.prescriber), protocol: wardProtocol)
        _ = try give(f, a)
        #expect(wardProtocol.shifts.shift(at: ClockTime(f.localHHMM(f.clock.now()))!)?.name == wardProtocol.shifts.shifts[0].name)
        f.clock.advance(minutes: 20)
        #expect(wardProtocol.shifts.shift(at: ClockTime(f.localHHMM(f.clock.now()))!)?.name == wardProtocol.shifts.shifts[1].name)
        let next = refusal { _ = try give(f, a, by: .chargeNurse) }
        #expect(next?.message.contains("20 min ago; minimum 60 min") == true)
    }

    @Test(arguments: TestBackend.both) func theOrdersOwn24hMaximumCountsEveryBenzodiazepinePRNInDiazepamEquivalents(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("M1", bed: "1")
        let diaz = try f.store.writeOrder(WriteOrder(patientID: p.id, terms: f.prnTerms(minInterval: 30, cap: 20, dose: 10)),
                                          session: f.session(.prescriber), protocol: wardProtocol)
        var lz = f.prnTerms(minInterval: 30, cap: 20, dose: 1); lz.drug = "lorazepam"   // 1 mg = 10 mg diazepam (Ashton)
        let lor = try f.store.writeOrder(WriteOrder(patientID: p.id, terms: lz), session: f.session(.prescriber), protocol: wardProtocol)
        _ = try give(f, diaz)
        f.clock.advance(minutes: 35)
        _ = try give(f, lor)
        f.clock.advance(minutes: 60)
        let over = refusal { _ = try give(f, diaz) }
        #expect(over?.kind == .unsafe)
        #expect(over?.message.contains("order #\(diaz.id) PRN maximum: 20 mg DE counted in 24 h + this 10 mg would pass 20 mg") == true)
        let snap = try f.store.loadWard(protocol: wardProtocol)
        #expect(snap.diazepamTotal(for: p.id, now: f.clock.now(), protocol: wardProtocol).prnMg == 20)
    }
}
