import TestTools
import Foundation
import Testing
import WardCore
@testable import WardStore

extension Fixture {
    /// A sedation score and a set of vital signs taken now (the hold rules read them).
    func observe(_ p: Patient, sedation: SedationScore = .rass(0), rr: Int = 16, spo2: Int = 97, acvpu: ACVPU = .alert) throws {
        try observe(p.id, sedation: sedation, rr: rr, spo2: spo2, acvpu: acvpu)
    }

    func observe(_ id: PatientID, sedation: SedationScore = .rass(0), rr: Int = 16, spo2: Int = 97, acvpu: ACVPU = .alert) throws {
        _ = try store.record(RecordSedation(patientID: id, score: sedation), session: session(.nurse))
        _ = try store.record(RecordVitals(patientID: id, vitals: VitalSigns(
            respirationRate: rr, spo2: spo2, onOxygen: false, systolic: 120, diastolic: 75, pulse: 80, acvpu: acvpu,
            temperature: 36.8)), session: session(.nurse), protocol: wardProtocol)
    }

    /// A CIWA-B score with its gate answered (may guide the dose) unless `gate` is nil.
    func score(_ p: Patient, _ total: Int, gate: DoseGateAnswers? = DoseGateAnswers(recentUseConfirmed: true, canCommunicate: true)) throws {
        try score(p.id, total, gate: gate)
    }

    func score(_ id: PatientID, _ total: Int, gate: DoseGateAnswers? = DoseGateAnswers(recentUseConfirmed: true, canCommunicate: true)) throws {
        _ = try store.record(RecordGatedAssessment(RecordAssessment(patientID: id, scale: .ciwaB, items: ciwa(total)), gate: gate),
                             session: session(.nurse), protocol: wardProtocol)
    }

    func prn(_ p: Patient, drug: String = "diazepam", dose: Double = 5, cap: Double = 20, interval: Int = 120) throws -> MedicationOrder {
        var t = prnTerms(minInterval: interval, cap: cap, dose: dose)
        t.drug = drug
        return try store.writeOrder(WriteOrder(patientID: p.id, terms: t), session: session(.prescriber), protocol: wardProtocol)
    }

    func give(_ o: MedicationOrder, at due: Date? = nil, reason: ReasonCode? = nil, note: String? = nil,
              override: DoseOverride? = nil) throws -> Administration {
        try store.recordDose(RecordDose(orderID: o.id, scheduledFor: due, status: .given, reason: reason, note: note,
                                        witness: witness(.chargeNurse), override: override),
                             session: session(.nurse), protocol: wardProtocol)
    }

    var prescriberOverride: DoseOverride {
        DoseOverride(prescriberStaffID: staffID(for: .prescriber), instruction: .present, readBack: false,
                     reason: "reviewed at the bedside: withdrawal, not sedation")
    }
}

/// Every dose-safety rule, enforced by the store whatever asks (the screens bypassed).
@Suite(.serialized) struct DoseSafetyStoreTests {
    let ceiling = wardProtocol.doseSafety.ceiling24hDiazepamMg
    let hold = wardProtocol.hold

    @Test(arguments: TestBackend.both) func deepSedationRefusesAScheduledAndAPRNDoseAndWritesNothing(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("M1", bed: "1")
        let taper = try f.store.writeOrder(WriteOrder(patientID: p.id, terms: f.taperTerms()), session: f.session(.prescriber), protocol: wardProtocol)
        let prn = try f.prn(p)
        try f.score(p, 30)
        try f.observe(p, sedation: .rass(-4))
        let dose = try #require(f.doses(taper).first)
        let scheduled = refusal { _ = try f.give(taper, at: dose.dueAt) }
        #expect(scheduled?.kind == .unsafe)
        #expect(scheduled?.message.contains("RASS -4") == true)
        #expect(scheduled?.message.contains("RASS \(hold.rassAtOrBelow)") == true)
        #expect(scheduled?.message.contains("only a prescriber's recorded override") == true)
        let p2 = refusal { _ = try f.give(prn) }
        #expect(p2?.kind == .unsafe && p2?.message.contains("RASS -4") == true)
        // Not even the nurse's judgement gets past a hold.
        let judged = refusal { _ = try f.give(prn, reason: .prnClinicalJudgement, note: "very anxious") }
        #expect(judged?.kind == .unsafe)
        #expect(try f.count("SELECT count(*) FROM administrations") == 0)
        #expect(try f.count("SELECT count(*) FROM audit_events WHERE action LIKE 'dose.%'") == 0)
    }

    @Test(arguments: TestBackend.both) func possThreeAndRespirationTenAndLowSpO2Hold(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("M1", bed: "1")
        let prn = try f.prn(p)
        try f.score(p, 30)
        try f.observe(p, sedation: .poss(.frequentlyDrowsy))
        #expect(refusal { _ = try f.give(prn) }?.message.contains("POSS") == true)
        f.clock.advance(minutes: 1)
        try f.observe(p, rr: hold.respirationRateBelow - 2)
        let rr = refusal { _ = try f.give(prn) }
        #expect(rr?.message.contains("respiration rate \(hold.respirationRateBelow - 2)/min") == true)
        f.clock.advance(minutes: 1)
        try f.observe(p, spo2: hold.spo2Below - 1)
        #expect(refusal { _ = try f.give(prn) }?.message.contains("SpO2 \(hold.spo2Below - 1)%") == true)
        f.clock.advance(minutes: 1)
        try f.observe(p)
        #expect(try f.give(prn).status == .given)
    }

    @Test(arguments: TestBackend.both) func observationsOlderThanTheLimitMeanObserveFirstAndNoOverrideGetsPast(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("M1", bed: "1")
        let prn = try f.prn(p)
        try f.observe(p)
        f.clock.advance(minutes: Double(hold.observationMaxAgeMinutes + 1))
        try f.score(p, 30)
        let stale = refusal { _ = try f.give(prn) }
        #expect(stale?.kind == .unsafe)
        #expect(stale?.message.contains("no sedation score in the last \(hold.observationMaxAgeMinutes) min") == true)
        #expect(refusal { _ = try f.give(prn, override: f.prescriberOverride) }?.message.contains("no sedation score") == true)
        try f.observe(p)
        #expect(try f.give(prn).status == .given)
    }

    @Test(arguments: TestBackend.both) func theCeilingCountsATaperAndALorazepamPRNInDiazepamEquivalents(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("M1", bed: "1")
        // A scheduled diazepam dose that leaves less than one lorazepam PRN under the ceiling.
        let lorazepamDE = try wardProtocol.equivalence.convert(drug: "lorazepam", mg: 1).diazepamMgHigh
        let taperMg = ceiling - lorazepamDE / 2
        let taper = try f.store.writeOrder(WriteOrder(patientID: p.id, terms: f.taperTerms(dailyMg: taperMg)),
                                           session: f.session(.prescriber), protocol: wardProtocol)
        let lorazepam = try f.prn(p, drug: "lorazepam", dose: 1, cap: 100)
        try f.score(p, 30)
        try f.observe(p)
        let dose = try #require(f.doses(taper).first)
        #expect(dose.mg == taperMg)
        _ = try f.give(taper, at: dose.dueAt)
        let over = refusal { _ = try f.give(lorazepam) }
        #expect(over?.kind == .unsafe)
        #expect(over?.message.contains("24-h ceiling") == true)
        #expect(over?.message.contains("above the ward's \(DoseText.mg(ceiling)) mg") == true)
        // A prescriber's override lets it through, and is recorded for co-signature.
        let a = try f.give(lorazepam, override: f.prescriberOverride)
        #expect(try f.count("SELECT count(*) FROM dose_overrides WHERE administration_id = \(a.id)") == 1)
        #expect(try f.outside("SELECT rules FROM dose_overrides").out.contains("ceiling-24h"))
        // 24 h later the window has moved on.
        f.clock.advance(minutes: 24 * 60 + 1)
        try f.observe(p)
        try f.score(p, 30)
        #expect(try f.give(lorazepam).status == .given)
    }

    @Test(arguments: TestBackend.both) func thePRNIntervalHoldsAcrossDrugsAndCannotBeOverridden(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("M1", bed: "1")
        let diazepam = try f.prn(p, interval: 120)
        let lorazepam = try f.prn(p, drug: "lorazepam", dose: 0.5, cap: 100, interval: 60)
        try f.score(p, 30)
        try f.observe(p)
        _ = try f.give(diazepam)
        f.clock.advance(minutes: 1)
        let soon = refusal { _ = try f.give(lorazepam) }
        #expect(soon?.kind == .unsafe)
        #expect(soon?.message.contains("a benzodiazepine PRN (diazepam 5 mg) was given by Nurse, Test") == true)
        #expect(soon?.message.contains("minimum 60 min") == true)
        #expect(refusal { _ = try f.give(lorazepam, override: f.prescriberOverride) }?.kind == .unsafe)
        f.clock.advance(minutes: 60)
        try f.observe(p)
        try f.score(p, 30)
        #expect(try f.give(lorazepam).drug == "lorazepam")
    }

    @Test(arguments: TestBackend.both) func anOverrideNamesARealPrescriberSaysHowAndWhyAndIsCoSignedOnlyByThem(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("M1", bed: "1")
        let prn = try f.prn(p)
        try f.score(p, 30)
        try f.observe(p, sedation: .rass(hold.rassAtOrBelow))
        var o = f.prescriberOverride
        o.prescriberStaffID = ""
        #expect(refusal { _ = try f.give(prn, override: o) }?.message.contains("names the prescriber") == true)
        o.prescriberStaffID = "NOBODY"
        #expect(refusal { _ = try f.give(prn, override: o) }?.message.contains("no staff member has the ID NOBODY") == true)
        o.prescriberStaffID = staffID(for: .chargeNurse)
        #expect(refusal { _ = try f.give(prn, override: o) }?.message.contains("not a prescriber") == true)
        o = f.prescriberOverride
        o.instruction = .telephone
        #expect(refusal { _ = try f.give(prn, override: o) }?.message.contains("read back") == true)
        o.reason = "   "
        o.readBack = true
        #expect(refusal { _ = try f.give(prn, override: o) }?.kind == .invalid)
        #expect(try f.count("SELECT count(*) FROM administrations") == 0)
        // The old one-key "prescriber instructed" reason is no longer an override.
        #expect(refusal { _ = try f.give(prn, reason: .prnPrescriberInstructed) }?.message.contains("override naming the prescriber") == true)

        o.reason = "telephone review: tremor and sweating, RASS -2 from sleep"
        let a = try f.give(prn, override: o)
        let snap = try f.store.loadWard(protocol: wardProtocol)
        let rec = try #require(snap.doseOverrides[p.id]?.first)
        #expect(rec.administrationID == a.id && !rec.isSigned && rec.instruction == .telephone)
        #expect(rec.rules.contains { $0.hasPrefix("hold:") })
        // Shown on the board as an alert and on the prescriber's worklist.
        let alerts = AlertEngine(wardProtocol).alerts(BoardInput(snap), now: f.clock.now())
        #expect(alerts.contains { $0.rule == .overrideUnsigned && $0.patientID == p.id })
        let tasks = Worklist.tasks(for: f.session(.prescriber).staff.id, input: BoardInput(snap), assignments: [],
                                   proto: wardProtocol, now: f.clock.now())
        #expect(tasks.contains { $0.kind == .cosign(rec.id) })
        #expect(try f.outside("SELECT details FROM audit_events WHERE action = 'dose.given'").out.contains("\"instruction\":\"telephone\""))

        // Only the named prescriber co-signs; once.
        #expect(refusal { try f.store.cosignOverride(CosignOverride(overrideID: rec.id), session: f.session(.nurse)) }?.kind == .notPermitted)
        let signed = try f.store.cosignOverride(CosignOverride(overrideID: rec.id), session: f.session(.prescriber))
        #expect(signed.isSigned)
        #expect(refusal { try f.store.cosignOverride(CosignOverride(overrideID: rec.id), session: f.session(.prescriber)) }?.kind == .conflict)
        let after = try f.store.loadWard(protocol: wardProtocol)
        #expect(!AlertEngine(wardProtocol).alerts(BoardInput(after), now: f.clock.now()).contains { $0.rule == .overrideUnsigned })
        #expect(try f.outside("UPDATE dose_overrides SET reason = 'x';").status != 0)
        #expect(try f.outside("DELETE FROM override_cosignatures;").status != 0)
    }

    @Test(arguments: TestBackend.both) func anOverrideWhenNothingHoldsTheDoseIsRefusedRatherThanLeftDangling(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("M1", bed: "1")
        let prn = try f.prn(p)
        try f.score(p, 30)
        try f.observe(p)
        #expect(refusal { _ = try f.give(prn, override: f.prescriberOverride) }?.message.contains("nothing to override") == true)
        #expect(try f.give(prn).status == .given)
    }

    @Test(arguments: TestBackend.both) func aScoreSavedWithoutTheGateQuestionsIsMonitoringOnly(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("M1", bed: "1")
        let prn = try f.prn(p)
        try f.observe(p)
        try f.score(p, 40, gate: nil)
        let r = refusal { _ = try f.give(prn) }
        #expect(r?.message.contains("monitoring only") == true)
        // The nurse's judgement with a note is a recorded decision for a PRN criterion.
        let a = try f.give(prn, reason: .prnClinicalJudgement, note: "distressed, tremor; gate not asked in a hurry")
        #expect(a.reason == .prnClinicalJudgement)
    }

    @Test(arguments: TestBackend.both) func anOrderWrittenAtTwoInTheAfternoonDoesNotMakeTheMorningDosesDue(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("M1", bed: "1")
        var terms = f.taperTerms()
        terms.doseTimes = ["08:00", f.localHHMM(f.clock.now().addingTimeInterval(2 * 3600))]
        let o = try f.store.writeOrder(WriteOrder(patientID: p.id, terms: terms), session: f.session(.prescriber), protocol: wardProtocol)
        let snap = try f.store.loadWard(protocol: wardProtocol)
        let rows = snap.marRows(for: p.id, now: f.clock.now(), protocol: wardProtocol, calendar: .wardDefault)
        #expect(rows.count == 1 && rows.allSatisfy { $0.dose.dueAt > f.clock.now() })
        let morning = try #require(f.doses(o).first { f.localHHMM($0.dueAt) == "08:00" })
        try f.observe(p)
        let r = refusal { _ = try f.give(o, at: morning.dueAt) }
        #expect(r?.message.contains("came before it and is not due") == true)
    }
}
