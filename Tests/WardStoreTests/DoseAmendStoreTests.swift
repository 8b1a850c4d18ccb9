import TestTools
import Foundation
import Testing
import WardCore
@testable import WardStore

/// A dose record marked entered in error: kept, audited, no longer counted,
/// and a voided scheduled dose can be recorded again exactly once.
@Suite(.serialized) struct DoseAmendStoreTests {
    func taper(_ f: Fixture, _ p: Patient) throws -> (MedicationOrder, MARDose) {
        let o = try f.store.writeOrder(WriteOrder(patientID: p.id, terms: f.taperTerms()), session: f.session(.prescriber), protocol: wardProtocol)
        return (o, try #require(f.doses(o).first))
    }

    /// Gives a dose as a nurse would: fresh sedation and vitals first (the hold rules), and for a PRN a score above its threshold.
    func give(_ f: Fixture, _ o: MedicationOrder, _ due: Date?, by: StaffRole = .nurse) throws -> Administration {
        try f.observe(o.patientID)
        if due == nil { try f.score(o.patientID, 30) }
        return try f.store.recordDose(RecordDose(orderID: o.id, scheduledFor: due, status: .given,
                                          witness: f.witness(by == .chargeNurse ? .nurse : .chargeNurse)),
                               session: f.session(by), protocol: wardProtocol)
    }

    @Test(arguments: TestBackend.both) func voidingKeepsTheRecordAuditsItAndTheScheduledDoseIsDueAgain(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("M1", bed: "1")
        let (o, dose) = try taper(f, p)
        let a = try give(f, o, dose.dueAt)
        let v = try f.store.markDoseEnteredInError(administrationID: a.id, reason: "  charted on the wrong patient ", session: f.session(.nurse))
        #expect(v.enteredInError?.reason == "charted on the wrong patient")
        #expect(v.enteredInError?.byName == "Nurse, Test")
        #expect(try f.count("SELECT count(*) FROM administrations") == 1)
        #expect(try f.count("SELECT count(*) FROM administration_amendments WHERE administration_id = \(a.id)") == 1)
        // The audit row, in the same transaction, with the before state.
        let details = try f.outside("SELECT details FROM audit_events WHERE action = 'dose.amend';").out
        #expect(details.contains("\"administration\":\(a.id)"))
        #expect(details.contains("entered-in-error") && details.contains("charted on the wrong patient"))
        #expect(details.contains("\"status\":\"given\""))
        #expect(try f.store.auditVerify().isIntact)
        // The snapshot keeps it apart: not counted, the dose is due again, the MAR row carries it.
        let snap = try f.store.loadWard(protocol: wardProtocol)
        #expect(snap.administrations[p.id, default: []].isEmpty)
        #expect(snap.voidedAdministrations[p.id]?.map(\.id) == [a.id])
        let row = try #require(snap.marRows(for: p.id, now: f.clock.now(), protocol: wardProtocol, calendar: .wardDefault).first)
        #expect(row.administration == nil)
        #expect(row.status == .due)
        #expect(row.enteredInError.map(\.id) == [a.id])
        #expect(snap.diazepamTotal(for: p.id, now: f.clock.now(), protocol: wardProtocol).totalMg == 0)
        // The ward board (and the alert engine it feeds) reads the same: not given, nothing counted.
        let board = snap.boardExtras(for: p.id, now: f.clock.now(), protocol: wardProtocol, calendar: .wardDefault)
        #expect(board.doses?.map(\.given) == [false])
        #expect(board.diazepamEquivalent24hMg == 0)
        // Append-only.
        #expect(try f.outside("UPDATE administration_amendments SET reason = 'x';").status != 0)
        #expect(try f.outside("DELETE FROM administration_amendments;").status != 0)
        // The CLI read marks it.
        #expect(try f.store.administrations(patient: p.id).first?.isEnteredInError == true)
    }

    @Test(arguments: TestBackend.both) func aRecordIsVoidedOnceAndTheReasonIsRequired(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("M1", bed: "1")
        let (o, dose) = try taper(f, p)
        let a = try give(f, o, dose.dueAt)
        let blank = refusal { try f.store.markDoseEnteredInError(administrationID: a.id, reason: "   ", session: f.session(.nurse)) }
        #expect(blank?.kind == .invalid)
        #expect(refusal { try f.store.markDoseEnteredInError(administrationID: 9999, reason: "x", session: f.session(.nurse)) }?.kind == .notFound)
        try f.store.markDoseEnteredInError(administrationID: a.id, reason: "wrong time", session: f.session(.nurse))
        let twice = refusal { try f.store.markDoseEnteredInError(administrationID: a.id, reason: "again", session: f.session(.chargeNurse)) }
        #expect(twice?.kind == .conflict)
        #expect(twice?.message.contains("already marked entered in error by Nurse, Test") == true)
        #expect(try f.count("SELECT count(*) FROM administration_amendments") == 1)
        #expect(try f.count("SELECT count(*) FROM audit_events WHERE action = 'dose.amend'") == 1)
    }

    @Test(arguments: TestBackend.both) func someoneElsesRecordNeedsAChargeNurse(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("M1", bed: "1")
        let (o, dose) = try taper(f, p)
        let a = try give(f, o, dose.dueAt, by: .nurse)
        let student = refusal { try f.store.markDoseEnteredInError(administrationID: a.id, reason: "x", session: f.session(.studentNurse)) }
        #expect(student?.kind == .notPermitted)
        let admin = refusal { try f.store.markDoseEnteredInError(administrationID: a.id, reason: "x", session: f.session(.admin)) }
        #expect(admin?.kind == .notPermitted)
        #expect(try f.count("SELECT count(*) FROM administration_amendments") == 0)
        #expect(try f.count("SELECT count(*) FROM audit_events WHERE action = 'refused' AND details LIKE '%dose.amend%'") == 2)
        let v = try f.store.markDoseEnteredInError(administrationID: a.id, reason: "not given: tablet found in the pot", session: f.session(.chargeNurse))
        #expect(v.enteredInError?.byName == "Charge nurse, Test")
    }

    @Test(arguments: TestBackend.both) func aVoidedScheduledDoseIsRecordedAgainExactlyOnce(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("M1", bed: "1")
        let (o, dose) = try taper(f, p)
        let a = try give(f, o, dose.dueAt)
        try f.store.markDoseEnteredInError(administrationID: a.id, reason: "wrong patient", session: f.session(.nurse))
        f.clock.advance(minutes: 5)
        let again = try give(f, o, dose.dueAt, by: .chargeNurse)
        #expect(again.id != a.id && again.scheduledFor == a.scheduledFor)
        let third = refusal { _ = try give(f, o, dose.dueAt) }
        #expect(third?.kind == .conflict)
        #expect(third?.message.contains("already given by Charge nurse, Test") == true)
        // The trigger is the backstop under the command's check: a raw insert of a third live record fails.
        let raw = try f.outside("""
            INSERT INTO administrations(patient_id, order_id, order_version, is_prn, scheduled_for, status, drug, mg, route, at, recorded_by)
            SELECT patient_id, order_id, order_version, is_prn, scheduled_for, status, drug, mg, route, at, recorded_by FROM administrations WHERE id = \(again.id);
            """)
        #expect(raw.status != 0)
        #expect(raw.err.contains(f.backend == .sqlite ? "never recorded twice" : "administration_slots_pkey"))
        #expect(try f.count("SELECT count(*) FROM administrations WHERE order_id = \(o.id)") == 2)
        let snap = try f.store.loadWard(protocol: wardProtocol)
        let row = try #require(snap.marRows(for: p.id, now: f.clock.now(), protocol: wardProtocol, calendar: .wardDefault).first)
        #expect(row.administration?.id == again.id && row.status == .recorded(.given))
        #expect(row.enteredInError.map(\.id) == [a.id])
        #expect(snap.diazepamTotal(for: p.id, now: f.clock.now(), protocol: wardProtocol).scheduledMg == dose.mg)
    }

    @Test(arguments: TestBackend.both) func aVoidedPRNDoseLeavesTheIntervalTheCapAndItsFollowUp(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("M1", bed: "1")
        let o = try f.store.writeOrder(WriteOrder(patientID: p.id, terms: f.prnTerms(minInterval: 120, cap: 10, dose: 10)),
                                       session: f.session(.prescriber), protocol: wardProtocol)
        let first = try give(f, o, nil)
        f.clock.advance(minutes: 10)
        // Both the interval and the cap stop a second dose while the first counts.
        let blocked = refusal { _ = try give(f, o, nil) }
        #expect(blocked?.message.contains("minimum 120 min") == true)
        try f.store.markDoseEnteredInError(administrationID: first.id, reason: "recorded under the wrong patient", session: f.session(.nurse))
        var snap = try f.store.loadWard(protocol: wardProtocol)
        #expect(snap.diazepamTotal(for: p.id, now: f.clock.now(), protocol: wardProtocol).prnMg == 0)
        #expect(snap.openPRNFollowUps(for: p.id).isEmpty)
        #expect(snap.lastPRNGivenAt(for: p.id, now: f.clock.now()) == nil)   // no longer brings the observation clock forward
        #expect(snap.prnFollowUps[p.id]?.count == 1)   // kept on the record
        let e = snap.doseSafety(order: o, mg: 10, scheduledFor: nil, at: f.clock.now(), protocol: wardProtocol)
        #expect(!e.findings.contains { $0.rule == .classInterval || $0.rule == .orderCap })
        let second = try give(f, o, nil)
        #expect(second.isPRN)
        snap = try f.store.loadWard(protocol: wardProtocol)
        #expect(snap.diazepamTotal(for: p.id, now: f.clock.now(), protocol: wardProtocol).prnMg == 10)
        #expect(snap.openPRNFollowUps(for: p.id).map(\.administrationID) == [second.id])
        f.clock.advance(minutes: 130)
        // The 10 mg cap is now reached by the second dose alone (the voided one is not added).
        let cap = refusal { _ = try give(f, o, nil) }
        #expect(cap?.message.contains("order #\(o.id) PRN maximum: 10 mg DE counted in 24 h") == true)
    }
}
