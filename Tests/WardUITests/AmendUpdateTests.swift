import Foundation
import Testing
@testable import WardUI
import WardCore

/// Amending a chart entry from the keyboard: select a history row, `e`, choose
/// "entered in error" or "corrected value", a mandatory reason, confirm.
@Suite struct AmendUpdateTests {
    func selected(_ d: Driver) -> Int? {
        guard case .chart(let c)? = d.state.stack.last(where: { if case .chart = $0 { true } else { false } }) else { return nil }
        return ChartSelection.clamped(d.state, c)
    }
    var amendForm: (Driver) -> AmendForm? {
        { d in if case .amend(let f)? = d.top { f } else { nil } }
    }
    /// Müller's chart with the amend dialog open on the newest CIWA-B (#107, Ann's own).
    func dialogOnNewest(_ d: inout Driver) {
        d.key(.char("e"))
    }

    @Test func arrowsMoveTheSelectionMarkerOverEntryRowsAndSkipReasonLines() {
        var d = Driver.onChart()
        #expect(selected(d) == 0)
        #expect(d.text.split(separator: "\n").contains { $0.hasPrefix("▶28 Nov 11:55") })
        d.key(.key(.down))
        #expect(selected(d) == 1)
        #expect(d.text.split(separator: "\n").contains { $0.hasPrefix("▶28 Nov 09:05") })
        d.key(.key(.down))   // the replaced value under the correction
        #expect(selected(d) == 2)
        d.key(.key(.down))   // skips the reason line
        #expect(selected(d) == 4)
        d.key(.key(.up))
        #expect(selected(d) == 2)
        #expect(d.effects.isEmpty)
    }

    @Test func eOpensTheDialogForTheSelectedEntry() {
        var d = Driver.onChart()
        d.key(.char("e"))
        let f = try? #require(amendForm(d))
        #expect(f?.target == .assessment(Fixture.ward.assessments[Fixture.mullerID]![0]))
        #expect(f?.step == .choose)
        #expect(d.state.keyContext == .amend)
        #expect(d.text.contains("Amend an entry"))
        #expect(d.text.contains("1  entered in error"))
        #expect(d.text.contains("2  corrected value"))
        #expect(d.effects.isEmpty)
    }

    @Test func enteredInErrorNeedsAReasonThenConfirmsAndSavesThroughTheAmendEffect() throws {
        var d = Driver.onChart()
        d.key(.char("e"))
        d.key(.char("1"))
        #expect(amendForm(d)?.step == .reason)
        #expect(amendForm(d)?.change == .enteredInError)

        // An empty (or blank) reason is refused with a message saying so.
        d.key(.key(.enter))
        d.type("   ")
        d.key(.key(.enter))
        #expect(amendForm(d)?.step == .reason)
        #expect(d.text.contains("A reason is required"))
        #expect(d.effects.isEmpty)

        for _ in 0..<3 { d.key(.key(.backspace)) }
        d.type("scored for bed 2 by mistake")
        d.key(.key(.enter))
        #expect(amendForm(d)?.step == .confirm)
        #expect(d.text.contains("ENTERED IN ERROR"))
        #expect(d.text.contains("scored for bed 2 by mistake"))
        let fx = d.key(.key(.enter))
        #expect(fx == [.amend(AmendEntry(entryID: 107, change: .enteredInError, reason: "scored for bed 2 by mistake"),
                              session: Session(staff: Fixture.ann, terminal: "tty-test"))])
        #expect(amendForm(d)?.saving == true)
        // Keys wait while saving.
        #expect(d.key(.key(.enter)).isEmpty)
    }

    @Test func successClosesTheDialogAndTheReloadedChartShowsBoth() throws {
        var d = Driver.onChart()
        d.key(.char("e")); d.key(.char("1")); d.type("duplicate entry"); d.key(.key(.enter)); d.key(.key(.enter))
        #expect(d.send(.finished(.success(.amendment(108)), verb: .amended)) == [.loadWard])
        #expect(d.top == .chart(ChartState(patientID: Fixture.mullerID)))
        #expect(d.text.contains("Amended: CIWA-B 12 mild marked entered in error"))
        d.send(.wardLoaded(AmendFixture.wardAfterVoiding107()))
        let text = d.text
        #expect(text.contains("ENTERED IN ERROR"))
        #expect(text.contains("Reason: duplicate entry"))
        #expect(text.contains("latest 22 moderate"))   // the current value: the voided 12 no longer counts
    }

    @Test func aRefusalIsShownInTheDialogAndNothingChanges() {
        var d = Driver.onChart()
        let before = d.state.ward
        d.key(.char("e")); d.key(.char("1")); d.type("wrong patient"); d.key(.key(.enter)); d.key(.key(.enter))
        let refusal = CommandRefusal(.notPermitted, StaffRole.refusalText(.amendAnyEntry, role: .studentNurse))
        // Only a reload follows (every answer reloads: a refusal may be news, "already amended by …").
        #expect(d.send(.finished(.failure(refusal), verb: .amended)) == [.loadWard])
        let f = amendForm(d)
        #expect(f?.saving == false)
        #expect(f?.step == .confirm)
        // The whole refusal is in the dialog (it is longer than the message line).
        #expect(d.text.contains("Not amended: Amending another person's entry needs a"))
        #expect(d.text.contains("signed in as a student nurse."))
        #expect(d.state.ward == before)
    }

    @Test func escCancelsAtEveryStepAndNothingIsSent() {
        for steps in [[], ["1"], ["1", "x", "\r"]] {
            var d = Driver.onChart()
            d.key(.char("e"))
            for k in steps { if k == "\r" { d.key(.key(.enter)) } else { d.type(k) } }
            d.key(.key(.escape))
            #expect(d.top == .chart(ChartState(patientID: Fixture.mullerID)))
            #expect(d.text.contains("Amendment cancelled: nothing was changed."))
            #expect(d.effects.isEmpty)
        }
    }

    @Test func backspaceStepsBackFromConfirmToReasonAndFromAnEmptyReasonToTheChoice() {
        var d = Driver.onChart()
        d.key(.char("e")); d.key(.char("1")); d.type("ab"); d.key(.key(.enter))
        d.key(.key(.backspace))
        #expect(amendForm(d)?.step == .reason)
        d.key(.key(.backspace)); d.key(.key(.backspace)); d.key(.key(.backspace))
        #expect(amendForm(d)?.step == .choose)
        #expect(amendForm(d)?.change == nil)
    }

    @Test func otherKeysAtTheChoiceSayWhatToPress() {
        var d = Driver.onChart()
        d.key(.char("e")); d.key(.char("3"))
        #expect(amendForm(d)?.step == .choose)
        #expect(d.text.contains("Press 1 (entered in error) or 2 (corrected value)"))
    }

    @Test func correctedValueReopensTheFormWithTheOldScoresAndShowsOldToNewTotal() throws {
        var d = Driver.onChart()
        let old = Fixture.ward.assessments[Fixture.mullerID]![0]
        d.key(.char("e")); d.key(.char("2"))
        let form = try #require(d.form)
        #expect(form.amending == WithdrawalScoreForm.Amending(entryID: 107, items: old.items, total: 12))
        #expect(form.scores == old.items.map { Optional($0) })
        #expect(d.text.contains("Correcting CIWA-B"))

        // Saving unchanged scores is refused: nothing to correct.
        for _ in 0..<20 { d.key(.key(.down)) }
        d.key(.key(.enter))
        #expect(d.form?.amending != nil)
        #expect(d.text.contains("No score changed yet"))

        // Item 1 was 4, should have been 1: only that changes.
        for _ in 0..<20 { d.key(.key(.up)) }
        d.key(.char("1"))
        for _ in 0..<20 { d.key(.key(.down)) }
        #expect(d.text.contains("total was 12 → now 9"))
        d.key(.key(.enter))
        let f = try #require(amendForm(d))
        var corrected = old.items; corrected[0] = 1
        #expect(f.change == .correctedItems(corrected))
        #expect(f.step == .reason)
        #expect(d.text.contains("CIWA-B total 12 → 9"))
        d.type("item 1 was scored for the wrong patient"); d.key(.key(.enter))
        let fx = d.key(.key(.enter))
        #expect(fx == [.amend(AmendEntry(entryID: 107, change: .correctedItems(corrected), reason: "item 1 was scored for the wrong patient"),
                              session: Session(staff: Fixture.ann, terminal: "tty-test"))])
    }

    @Test func escOnTheCorrectionFormGoesBackToTheDialog() {
        var d = Driver.onChart()
        d.key(.char("e")); d.key(.char("2")); d.key(.char("0"))
        d.key(.key(.escape))
        #expect(amendForm(d)?.step == .choose)
        #expect(d.effects.isEmpty)
    }

    @Test func supersededAndVoidedEntriesCannotBeAmendedAgain() {
        var d = Driver.onChart()
        d.key(.key(.down)); d.key(.key(.down))       // the replaced 31
        d.key(.char("e"))
        #expect(amendForm(d) == nil)
        #expect(d.text.contains("Already corrected"))
        #expect(d.text.contains("cannot be amended again"))

        var n = Driver.signedIn()
        for _ in 0..<5 { n.key(.key(.down)) }          // bed 6: Nowak, newest entry voided
        n.key(.key(.enter))
        n.key(.char("e"))
        #expect(amendForm(n) == nil)
        #expect(n.text.contains("Already marked entered in error: it cannot be amended again"))
    }

    @Test func aNurseCannotOpenTheDialogOnSomeoneElsesEntryButTheChargeNurseCan() {
        var d = Driver.onChart()
        d.key(.key(.down))                              // #106, by Ben
        d.key(.char("e"))
        #expect(amendForm(d) == nil)
        #expect(d.text.contains("Not yours to amend: another person's entry needs a charge nurse."))

        var b = Driver.signedIn(Fixture.ben)
        b.key(.key(.escape))                            // a charge nurse lands on the overview
        b.key(.key(.enter))
        b.key(.char("e"))                               // #107, by Ann
        #expect(amendForm(b)?.target.entryID == 107)
    }

    @Test func vitalSignsAndSedationEntriesAreMarkedEnteredInErrorThroughTheObservationEffect() {
        var d = ObsFixture.onChart()
        d.key(.key(.tab))                               // vital signs, newest #904 (Ann)
        d.key(.char("e"))
        #expect(amendForm(d)?.target.entryID == 904)
        d.key(.char("1")); d.type("wrong patient"); d.key(.key(.enter))
        let fx = d.key(.key(.enter))
        #expect(fx == [.amendObservation(AmendObservation(.vitals, entryID: 904, change: .enteredInError, reason: "wrong patient"),
                                         session: Session(staff: Fixture.ann, terminal: "tty-test"))])

        var s = ObsFixture.onChart()
        s.key(.key(.tab)); s.key(.key(.tab))            // sedation: #971 (check not done), then #952
        s.key(.key(.down))
        s.key(.char("e"))
        #expect(amendForm(s)?.target.entryID == 952)
        s.key(.key(.escape))
        s.key(.key(.up))
        s.key(.char("e"))
        #expect(amendForm(s)?.target.entryID == 971)

        var r = ObsFixture.onChart()
        r.key(.key(.tab)); r.key(.key(.down))           // #903: replaced by #904
        r.key(.char("e"))
        #expect(amendForm(r) == nil)
        #expect(r.text.contains("cannot be amended again"))
    }

    @Test func aCorrectedSedationScoreReopensTheFormOnTheOldLevel() throws {
        var d = ObsFixture.onChart()
        d.key(.key(.tab)); d.key(.key(.tab)); d.key(.key(.down))   // #952: RASS -1 (Ann)
        d.key(.char("e")); d.key(.char("2"))
        guard case .sedation(let form)? = d.top else { Issue.record("no sedation form"); return }
        #expect(form.choice == .rass(-1))
        #expect(form.amendingFrom == .rass(-1))
        #expect(d.text.contains("Correcting sedation score"))
        d.key(.key(.enter))
        #expect(d.text.contains("No change yet"))
        d.key(.char("0"))
        d.key(.key(.enter))
        let f = try #require(amendForm(d))
        #expect(f.change == .correctedSedation(.rass(0)))
        #expect(f.step == .reason)
        d.type("score was for the patient in bed 2"); d.key(.key(.enter))
        #expect(d.key(.key(.enter)) == [.amendObservation(
            AmendObservation(.sedation, entryID: 952, change: .correctedSedation(.rass(0)), reason: "score was for the patient in bed 2"),
            session: Session(staff: Fixture.ann, terminal: "tty-test"))])
    }

    @Test func aCorrectedVitalSignsSetReopensTheFormFilledWithTheOldSet() throws {
        var d = ObsFixture.onChart()
        d.key(.key(.tab))                                            // #904: pulse 112 (Ann)
        d.key(.char("e")); d.key(.char("2"))
        guard case .vitals(let form)? = d.top else { Issue.record("no vitals form"); return }
        let old = ObsFixture.vitals(pulse: 112)
        #expect(form.vitals == old)
        #expect(form.field == .summary)
        #expect(d.text.contains("Correcting vital signs"))
        d.key(.key(.enter))
        #expect(d.text.contains("No value changed yet"))
        for _ in 0..<3 { d.key(.key(.up)) }                         // temperature, ACVPU, pulse
        for _ in 0..<3 { d.key(.key(.backspace)) }
        d.type("98")
        for _ in 0..<4 { d.key(.key(.enter)) }                      // pulse, ACVPU, temperature, summary
        let f = try #require(amendForm(d))
        var corrected = old; corrected.pulse = 98
        #expect(f.change == .correctedVitals(corrected))
        d.type("pulse mistyped"); d.key(.key(.enter))
        #expect(d.key(.key(.enter)) == [.amendObservation(
            AmendObservation(.vitals, entryID: 904, change: .correctedVitals(corrected), reason: "pulse mistyped"),
            session: Session(staff: Fixture.ann, terminal: "tty-test"))])
    }

    @Test func aCheckNotDoneNoteCanOnlyBeMarkedEnteredInError() {
        var d = ObsFixture.onChart()
        d.key(.key(.tab)); d.key(.key(.tab))                        // #971: sedation not done
        d.key(.char("e")); d.key(.char("2"))
        #expect(amendForm(d)?.step == .choose)
        #expect(d.text.contains("To correct this note: mark it entered in error (1), then record it again."))
    }

    @Test func ctrlLLocksFromTheDialogAndItComesBackAfterUnlock() throws {
        var d = Driver.onChart()
        d.key(.char("e")); d.key(.char("1")); d.type("L?q")      // letters that are keys elsewhere are typed here
        let f = try #require(amendForm(d))
        #expect(f.reason == "L?q")
        d.key(.key(.f9))
        guard case .locked = d.state.gate else { Issue.record("not locked"); return }
        #expect(!d.text.contains("Müller"))
        d.type("123456"); d.key(.key(.enter))
        d.send(.signInResult(.success(Fixture.ann)))
        #expect(amendForm(d) == f)
    }

    @Test func switchUserParksTheAmendDraftForItsOwnerOnly() throws {
        var d = Driver.onChart()
        d.key(.char("e")); d.key(.char("1")); d.type("duplicate")
        let annsDraft = try #require(amendForm(d))
        d.key(.key(.f9))
        d.key(.key(.tab))
        d.type("N2077"); d.key(.key(.enter)); d.type("654321"); d.key(.key(.enter))
        d.send(.signInResult(.success(Fixture.ben)))
        // Ben is a charge nurse: a clean landing on the overview, none of Ann's screens.
        #expect(d.state.stack == [.wardList(WardListState()), .overview(OverviewState())])
        #expect(d.state.drafts[Fixture.ann.id]?.contains(.amend(annsDraft)) == true)
        #expect(!d.text.contains("duplicate"))

        d.key(.char("L")); d.key(.key(.tab))
        d.type("N1042"); d.key(.key(.enter)); d.type("123456"); d.key(.key(.enter))
        d.send(.signInResult(.success(Fixture.ann)))
        #expect(amendForm(d) == annsDraft)
        #expect(d.state.drafts.isEmpty)
        #expect(d.text.contains("Your unsaved amendment is back."))
        #expect(!d.effects.contains { if case .amend = $0 { true } else { false } })
    }
}

/// Müller's ward after #107 was marked entered in error by Ann (#108).
enum AmendFixture {
    static func wardAfterVoiding107() -> WardSnapshot {
        var w = Fixture.ward
        var list = w.assessments[Fixture.mullerID]!
        list[0].supersededBy = 108
        var voiding = Fixture.ciwa(108, Fixture.mullerID, total: 12, hoursAgo: 2 + 10.0 / 60, supersedes: 107,
                                   reason: "duplicate entry", enteredInError: true)
        voiding.items = list[0].items
        list.insert(voiding, at: 0)
        w.assessments[Fixture.mullerID] = list
        return w
    }
}
