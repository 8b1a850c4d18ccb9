import Foundation
import Testing
@testable import WardUI
import WardCore

@Suite struct LockUpdateTests {
    /// Ann on Müller's chart with a half-filled CIWA-B (7 items scored).
    func annWithDraft() -> Driver {
        var d = Driver.onChart()
        d.key(.char("b"))
        d.type("2101432")
        return d
    }

    func isLocked(_ d: Driver) -> Bool { if case .locked = d.state.gate { true } else { false } }

    @Test func idleTicksLockAfterThePolicyTimeAndNotBefore() {
        var d = annWithDraft()
        let idle = Double(Fixture.policy.idleLockSeconds)
        d.send(.tick(Fixture.now.addingTimeInterval(idle - 1)))
        #expect(d.state.gate == nil)
        d.send(.tick(Fixture.now.addingTimeInterval(idle)))
        #expect(isLocked(d))
    }

    @Test func theIdleDeadlineFollowsTheLastKey() {
        var d = annWithDraft()
        let idle = Double(Fixture.policy.idleLockSeconds)
        #expect(d.state.idleLockDeadline == Fixture.now.addingTimeInterval(idle))
        d.send(.tick(Fixture.now.addingTimeInterval(30)))
        d.key(.char("1"))
        #expect(d.state.idleLockDeadline == Fixture.now.addingTimeInterval(30 + idle))
        d.key(.key(.f9))
        #expect(d.state.idleLockDeadline == nil)
    }

    @Test func aKeyRestartsTheIdleTime() {
        var d = annWithDraft()
        let idle = Double(Fixture.policy.idleLockSeconds)
        d.send(.tick(Fixture.now.addingTimeInterval(idle - 10)))
        d.key(.char("3"))
        d.send(.tick(Fixture.now.addingTimeInterval(idle + 5)))
        #expect(d.state.gate == nil)
        d.send(.tick(Fixture.now.addingTimeInterval(2 * idle - 10)))
        #expect(isLocked(d))
    }

    @Test func noIdleLockBeforeAnyoneSignsIn() {
        var d = Driver(Fixture.fresh())
        d.send(.tick(Fixture.now.addingTimeInterval(86_400)))
        #expect(d.state.gate == .signIn(SignInForm()))
    }

    @Test(arguments: [InputEvent.key(.f9), .char("L")])
    func ctrlLOrLLocksAtOnceAndHidesPatientData(key: InputEvent) {
        var d = annWithDraft()
        d.key(key)
        #expect(isLocked(d))
        let text = d.text
        for secret in ["Müller", "Grete", "MRN", "penicillin", "SEIZURE", "Irritable", "Tense", "total", "Bed 1"] {
            #expect(!text.contains(secret), "locked screen shows \(secret)")
        }
        #expect(text.contains("Ann Okafor"))
    }

    @Test func unlockChecksTheSignedInPersonsPINAndGivesTheFormBack() throws {
        var d = annWithDraft()
        let before = try #require(d.form)
        d.key(.key(.f9))
        d.type("123456")
        #expect(d.text.contains("●●●●●●"))
        #expect(!d.text.contains("123456"))
        let fx = d.key(.key(.enter))
        #expect(fx == [.signIn(staffID: "N1042", secret: "123456")])
        d.send(.signInResult(.success(Fixture.ann)))
        #expect(d.state.gate == nil)
        #expect(d.form == before)
        #expect(d.top == .withdrawalScore(before))
    }

    @Test func aWrongPINKeepsItLockedWithTheMessage() {
        var d = annWithDraft()
        d.key(.key(.f9))
        d.type("999999")
        d.key(.key(.enter))
        d.send(.signInResult(.failure(CommandRefusal(.locked, "Wrong PIN. 4 tries left before this account locks."))))
        #expect(isLocked(d))
        #expect(d.text.contains("Wrong PIN. 4 tries left before this account locks."))
        #expect(!d.text.contains("Müller"))
    }

    @Test func workKeysDoNothingWhileLocked() {
        var d = annWithDraft()
        d.key(.key(.f9))
        d.key(.char("b"))
        d.key(.char("q"))
        #expect(isLocked(d))
        #expect(d.form?.scoredCount == 7)
        #expect(d.effects.isEmpty)
    }

    @Test func switchUserParksTheDraftForItsOwnerAndRestoresIt() throws {
        var d = annWithDraft()
        let annsForm = try #require(d.form)
        d.key(.key(.f9))
        d.key(.key(.tab))                      // switch user
        #expect(d.text.contains("Ann Okafor stays signed in behind the lock"))
        d.type("N2077")
        d.key(.key(.enter))
        d.type("654321")
        #expect(d.key(.key(.enter)) == [.signIn(staffID: "N2077", secret: "654321")])
        d.send(.signInResult(.success(Fixture.ben)))
        d.key(.key(.escape))   // charge nurses land on the overview: back to the ward list

        // Ben works from the ward list; Ann's form is nowhere on his screens.
        #expect(d.state.session?.staff == Fixture.ben)
        #expect(d.state.stack == [.wardList(WardListState())])
        #expect(d.form == nil)
        #expect(d.state.drafts[Fixture.ann.id]?.contains(.withdrawalScore(annsForm)) == true)
        #expect(!d.text.contains("Irritable"))

        // Ben scores his own CIWA-B: it carries his session and his items only.
        d.key(.key(.enter))
        d.key(.char("b"))
        #expect(d.form?.scoredCount == 0)
        d.type(String(repeating: "1", count: 20))
        let fx = d.key(.key(.enter))
        guard case .record(let cmd, let session)? = fx.first else { Issue.record("no save"); return }
        #expect(session.staff == Fixture.ben)
        #expect(cmd.items == Array(repeating: 1, count: 20))
        d.send(.finished(.success(.assessment(Fixture.ciwa(900, Fixture.mullerID, total: 20, hoursAgo: 0, by: Fixture.ben))), verb: .saved))
        #expect(d.state.drafts[Fixture.ann.id]?.contains(.withdrawalScore(annsForm)) == true)

        // Ben locks; Ann switches back in and gets her form exactly as she left it.
        d.key(.char("L"))
        d.key(.key(.tab))
        d.type("N1042")
        d.key(.key(.enter))
        d.type("123456")
        d.key(.key(.enter))
        d.send(.signInResult(.success(Fixture.ann)))
        #expect(d.state.session?.staff == Fixture.ann)
        #expect(d.form == annsForm)
        #expect(d.top == .withdrawalScore(annsForm))
        #expect(d.state.drafts.isEmpty)
        #expect(d.text.contains("Your unsaved CIWA-B is back (7 of 20 items scored)."))
    }

    @Test func escOnAnEmptySwitchUserFormGoesBackToTheLock() {
        var d = annWithDraft()
        d.key(.key(.f9))
        d.key(.key(.tab))
        d.key(.key(.escape))
        #expect(d.state.gate == .locked(UnlockForm()))
        #expect(d.state.session?.staff == Fixture.ann)
    }

    @Test func theSamePersonThroughSwitchUserJustUnlocks() throws {
        var d = annWithDraft()
        let form = try #require(d.form)
        d.key(.key(.f9))
        d.key(.key(.tab))
        d.type("N1042")
        d.key(.key(.enter))
        d.type("123456")
        d.key(.key(.enter))
        d.send(.signInResult(.success(Fixture.ann)))
        #expect(d.top == .withdrawalScore(form))
        #expect(d.state.drafts.isEmpty)
    }

    @Test func aSaveThatFinishesWhileLockedStillLandsWhenUnlocked() {
        var d = annWithDraft()
        d.type(String(repeating: "0", count: 13))
        d.key(.key(.enter))
        #expect(d.form?.saving == true)
        d.key(.key(.f9))
        d.send(.finished(.success(.assessment(Fixture.ciwa(901, Fixture.mullerID, total: 12, hoursAgo: 0))), verb: .saved))
        #expect(d.form == nil)
        #expect(!d.text.contains("Müller"))
        d.type("123456")
        d.key(.key(.enter))
        d.send(.signInResult(.success(Fixture.ann)))
        #expect(d.top == .chart(ChartState(patientID: Fixture.mullerID)))
    }

    @Test func quittingWithAParkedDraftAsksFirst() {
        var d = annWithDraft()
        d.key(.key(.f9))
        d.key(.key(.tab))
        d.type("N2077")
        d.key(.key(.enter))
        d.type("654321")
        d.key(.key(.enter))
        d.send(.signInResult(.success(Fixture.ben)))
        d.key(.key(.escape))   // charge nurses land on the overview: back to the ward list
        #expect(d.key(.char("q")).isEmpty)
        #expect(d.top == .confirm(.quit(unsaved: ["CIWA-B"])))
        #expect(d.text.contains("1 unsaved draft (CIWA-B) will be lost. Quit anyway? y/n"))
        d.key(.char("n"))
        #expect(d.top == .wardList(WardListState()))
        d.key(.char("q"))
        #expect(d.key(.char("y")) == [.quit])
    }
}

@Suite struct ParkedSaveTests {
    /// Ann saves, the terminal is locked and Ben switches in before the store
    /// answers: the answer lands on Ann's parked form, never on Ben's screens.
    @Test func aSaveAnsweredAfterSwitchUserClearsOnlyTheOwnersDraft() {
        var d = Driver.onChart()
        d.key(.char("b"))
        d.type(String(repeating: "1", count: 20))
        d.key(.key(.enter))
        d.key(.key(.f9))
        d.key(.key(.tab))
        d.type("N2077")
        d.key(.key(.enter))
        d.type("654321")
        d.key(.key(.enter))
        d.send(.signInResult(.success(Fixture.ben)))
        d.key(.key(.escape))   // charge nurses land on the overview: back to the ward list
        #expect(d.state.drafts[Fixture.ann.id] != nil)
        d.send(.finished(.success(.assessment(Fixture.ciwa(950, Fixture.mullerID, total: 20, hoursAgo: 0))), verb: .saved))
        #expect(d.state.drafts.isEmpty)
        #expect(d.state.stack == [.wardList(WardListState())])
    }

    @Test func aFailedSaveAnsweredAfterSwitchUserStaysWithTheOwner() throws {
        var d = Driver.onChart()
        d.key(.char("b"))
        d.type(String(repeating: "1", count: 20))
        d.key(.key(.enter))
        d.key(.key(.f9))
        d.key(.key(.tab))
        d.type("N2077")
        d.key(.key(.enter))
        d.type("654321")
        d.key(.key(.enter))
        d.send(.signInResult(.success(Fixture.ben)))
        d.key(.key(.escape))   // charge nurses land on the overview: back to the ward list
        d.send(.finished(.failure(CommandRefusal(.storage, "disk full")), verb: .saved))
        #expect(d.state.flash?.text.contains("disk full") != true)   // not shown to Ben
        let parked = try #require(d.state.drafts[Fixture.ann.id])
        guard case .withdrawalScore(let f)? = parked.last else { Issue.record("no parked form"); return }
        #expect(!f.saving)
        #expect(f.message?.text == "Not saved: disk full")
    }
}
