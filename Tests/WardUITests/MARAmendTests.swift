import Foundation
import Testing
@testable import WardUI
import WardCore

/// `E` on the MAR: the selected dose record is marked entered in error with a reason.
@Suite struct MARAmendTests {
    func amendCommand(_ d: Driver) -> MarkDoseEnteredInError? {
        for case .markDoseEnteredInError(let c, _) in d.effects.reversed() { return c }
        return nil
    }

    @Test func eOnAGivenDoseAsksTheReasonThenSavesAndSaysTheDoseIsDueAgain() throws {
        var d = MARFixture.onMAR()                       // Ann, 08:00 line selected (given by Ann at 08:10)
        d.key(.char("E"))
        guard case .amend(let f) = d.top, case .dose(let a, _) = f.target else { Issue.record("no amend dialog"); return }
        #expect(a.id == 1 && f.step == .reason && f.change == .enteredInError)
        #expect(d.text.contains("Dose record entered in error"))
        #expect(d.text.contains("08:00 diazepam 5 mg oral given"))
        d.key(.key(.enter))                              // no reason yet
        #expect(amendCommand(d) == nil)
        #expect(d.state.keyContext == .amend)
        if case .amend(let f) = d.top { #expect(f.message?.text.contains("A reason is required") == true) }
        d.type("charted for the wrong patient")
        d.key(.key(.enter))                              // → confirm
        #expect(d.text.contains("the dose is due again"))
        d.key(.key(.enter))
        let cmd = try #require(amendCommand(d))
        #expect(cmd == MarkDoseEnteredInError(administrationID: 1, reason: "charted for the wrong patient"))
        _ = d.send(.finished(.success(.amendment(1)), verb: .amended))
        #expect(d.state.keyContext == .mar)
        let flash = try #require(d.state.flash)
        #expect(flash.role == .saved)
        #expect(flash.text == "Entered in error: 08:00 diazepam 5 mg given 08:10; the 08:00 dose is due again (OVERDUE). Record kept, not counted.")
        // At once (before the reload) the record no longer counts and the line is overdue again, the record shown struck.
        #expect(d.state.ward?.administrations[1]?.contains { $0.id == 1 } == false)
        #expect(d.state.ward?.voidedAdministrations[1]?.first?.enteredInError?.reason == "charted for the wrong patient")
        #expect(d.text.contains("✗ given 08:10 by Ann Okafor — ENTERED IN ERROR: charted for the wrong"))
        #expect(d.text.contains("OVERDUE"))
    }

    @Test func aDoseWithNoRecordHasNothingToAmend() {
        var d = MARFixture.onMAR()
        d.key(.key(.down)); d.key(.key(.down))          // 14:00, due, nothing recorded
        d.key(.char("E"))
        #expect(d.state.keyContext == .mar)
        #expect(d.mar?.message?.text == "The 14:00 dose has no record to amend: it is due.")
    }

    @Test func someoneElsesRecordNeedsAChargeNurse() throws {
        // The PRN dose at 10:00 was given by Ben (charge nurse): Ann may not amend it, Ben may.
        var d = MARFixture.onMAR()
        let prnLine = try #require(MARScreen.lines(d.state, 1).firstIndex { if case .prn = $0 { true } else { false } })
        for _ in 0..<prnLine { d.key(.key(.down)) }
        d.key(.char("E"))
        #expect(d.state.keyContext == .mar)
        #expect(d.mar?.message?.text.contains("Not yours to amend: Ben Lindqvist's dose record needs a charge nurse") == true)

        // (A charge nurse signs in to the overview: put Müller's MAR on top directly.)
        var b = Driver.signedIn(Fixture.ben)
        _ = b.send(.wardLoaded(MARFixture.ward()))
        b.state.stack.append(.mar(MARState(patientID: Fixture.mullerID)))
        for _ in 0..<prnLine { b.key(.key(.down)) }
        b.key(.char("E"))
        guard case .amend(let f) = b.top, case .dose(let a, let summary) = f.target else {
            Issue.record("no amend dialog: \(b.mar?.message?.text ?? "-")"); return
        }
        #expect(a.id == 2 && a.isPRN && summary == "PRN diazepam 5 mg oral given")
        b.type("double charted"); b.key(.key(.enter)); b.key(.key(.enter))
        #expect(amendCommand(b)?.administrationID == 2)
        _ = b.send(.finished(.success(.amendment(2)), verb: .amended))
        #expect(b.state.flash?.text == "Entered in error: PRN diazepam 5 mg given 10:00. Record kept, not counted.")
        #expect(b.text.contains("Entered in error today:"))
        // Its follow-up no longer waits for an effect.
        b.key(.char("e"))
        #expect(b.mar?.message?.text == "No PRN dose is waiting for its follow-up re-assessment.")
    }

    @Test func aStudentMayAmendOnlyTheirOwnRecordAndAPrescriberNone() {
        var s = MARFixture.onMAR(MARFixture.student)
        s.key(.char("E"))
        #expect(s.state.keyContext == .mar)
        #expect(s.mar?.message?.text.contains("Not yours to amend") == true)
        var p = MARFixture.onMAR(MARFixture.prescriber)
        p.key(.char("E"))
        #expect(p.state.keyContext == .mar)
        #expect(p.mar?.message?.text.contains("Not yours to amend") == true)
    }

    @Test func aRefusalStaysInTheDialogAndEscCancels() throws {
        var d = MARFixture.onMAR()
        d.key(.char("E")); d.type("wrong time"); d.key(.key(.enter)); d.key(.key(.enter))
        _ = d.send(.finished(.failure(CommandRefusal(.conflict, "Dose record #1 was already marked entered in error by Ben Lindqvist at 14:00 (\"x\"); nothing to change.")), verb: .amended))
        guard case .amend(let f) = d.top else { Issue.record("dialog closed on a refusal"); return }
        #expect(f.message?.text.contains("Not amended: Dose record #1 was already marked") == true)
        #expect(!f.saving)
        d.key(.key(.escape))
        #expect(d.state.keyContext == .mar)
        #expect(d.state.flash?.text == "Amendment cancelled: nothing was changed.")
        #expect(d.state.ward?.administrations[1]?.contains { $0.id == 1 } == true)
    }

    @Test func bkspOnAnEmptyReasonStaysOnTheReason() {
        var d = MARFixture.onMAR()
        d.key(.char("E")); d.key(.key(.backspace))
        guard case .amend(let f) = d.top else { Issue.record("no dialog"); return }
        #expect(f.step == .reason && f.change == .enteredInError)
    }
}

@Suite struct MARAmendSnapshotTests {
    /// 08:00 given, marked entered in error, given again; 12:00 held, marked
    /// entered in error (overdue again); the 10:00 PRN dose marked entered in error.
    static func ward() -> WardSnapshot {
        var w = MARFixture.ward()
        let mark = { (a: Administration, why: String, at: String) -> Administration in
            var v = a
            v.enteredInError = DoseEnteredInError(reason: why, by: Fixture.ben.id, byName: Fixture.ben.name, at: MARFixture.at(at))
            return v
        }
        let first = MARFixture.given(1, order: MARFixture.taper, scheduled: "08:00", at: "08:10")
        var held = MARFixture.given(3, order: MARFixture.taper, scheduled: "12:00", at: "12:02")
        held.status = .held; held.reason = .heldSedation; held.witness = nil
        let prn = MARFixture.given(2, order: MARFixture.prn, scheduled: nil, at: "10:00", by: Fixture.ben, witness: Fixture.ann)
        let again = MARFixture.given(4, order: MARFixture.taper, scheduled: "08:00", at: "08:40")
        w.administrations[1] = [again]
        w.voidedAdministrations[1] = [mark(held, "wrong patient", "12:30"), mark(prn, "double charted", "10:20"),
                                      mark(first, "tablet found in the pot", "08:35")]
        return w
    }

    @Test(arguments: ScreenSnapshotTests.sizes)
    func marWithRecordsEnteredInError(size: Size) {
        let d = MARFixture.onMAR(size: size, ward: Self.ward())
        assertSnapshot(view(d.state), named: "marEnteredInError_\(size)")
    }

    @Test func theAmendDialogOverTheMAR() {
        var d = MARFixture.onMAR()
        d.key(.char("E")); d.type("tablet found in the pot")
        assertSnapshot(view(d.state), named: "marAmendDialog_80x24")
    }
}
