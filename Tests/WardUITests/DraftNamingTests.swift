import Foundation
import Testing
@testable import WardUI
import WardCore

/// Unsaved work is named by kind wherever a message counts or returns it (issue 16, item 2): a
/// CIWA-Ar is a CIWA-Ar, a vital-signs set is not a "CIWA-B draft".
@Suite struct DraftNamingTests {
    /// Ann signs out to Ben by switching user, then Ben locks and Ann switches back in.
    static func switchToBenAndBack(_ d: inout Driver) {
        d.key(.key(.f9)); d.key(.key(.tab))
        d.type("N2077"); d.key(.key(.enter)); d.type("654321"); d.key(.key(.enter))
        d.send(.signInResult(.success(Fixture.ben)))
        d.key(.char("L")); d.key(.key(.tab))
        d.type("N1042"); d.key(.key(.enter)); d.type("123456"); d.key(.key(.enter))
        d.send(.signInResult(.success(Fixture.ann)))
    }

    @Test func aParkedCIWAArComesBackAsACIWAAr() throws {
        var d = ObsFixture.onChart()
        d.key(.char("a"))
        d.type("123")
        let form = try #require(d.form)
        #expect(form.kind == .ciwaAr)
        d.key(.key(.f9))
        #expect(d.text.contains("Your unsaved CIWA-Ar (3 of \(form.scores.count) items) is kept."))
        d.key(.key(.tab))
        d.type("N2077"); d.key(.key(.enter)); d.type("654321"); d.key(.key(.enter))
        d.send(.signInResult(.success(Fixture.ben)))
        d.key(.char("L")); d.key(.key(.tab))
        d.type("N1042"); d.key(.key(.enter)); d.type("123456"); d.key(.key(.enter))
        d.send(.signInResult(.success(Fixture.ann)))
        #expect(d.top == .withdrawalScore(form))
        #expect(d.text.contains("Your unsaved CIWA-Ar is back (3 of \(form.scores.count) items scored)."))
        #expect(!d.text.contains("CIWA-B is back"))
    }

    @Test func aParkedVitalsSetComesBackByName() {
        var d = ObsFixture.onChart()
        d.key(.char("v")); d.type("16"); d.key(.key(.enter))
        Self.switchToBenAndBack(&d)
        #expect(d.text.contains("Your unsaved set of vital signs is back."))
    }

    @Test func quittingNamesEachDraftByKind() throws {
        var d = ObsFixture.onChart()
        d.key(.char("v")); d.type("16"); d.key(.key(.enter))
        let vitals = try #require(d.top)
        var ciwa = WithdrawalScoreForm(patientID: Fixture.mullerID)
        ciwa.scores[0] = 1
        d.state.drafts = [Fixture.ann.id: [.wardList(WardListState()), vitals],
                          Fixture.ben.id: [.wardList(WardListState()), .withdrawalScore(ciwa)]]
        d.state.stack = [.wardList(WardListState())]
        d.key(.char("q"))
        let work = AppState.unsavedWork(in: [vitals]) + AppState.unsavedWork(in: [.withdrawalScore(ciwa)])
        #expect(Set(work) == ["set of vital signs", "CIWA-B"])
        guard case .confirm(.quit(let unsaved))? = d.top else { Issue.record("no quit question"); return }
        #expect(Set(unsaved) == Set(work))
        #expect(d.text.contains("2 unsaved drafts (\(unsaved.joined(separator: ", "))) will be lost. Quit anyway? y/n"))
        #expect(!d.text.contains("CIWA-B drafts"))
    }

    @Test func theSignInScreenNamesTheDraftsKeptForColleagues() throws {
        var d = ObsFixture.onChart()
        d.key(.char("v")); d.type("16"); d.key(.key(.enter))
        let vitals = try #require(d.top)
        var fresh = Driver(Fixture.fresh())
        fresh.state.drafts = [Fixture.ann.id: [.wardList(WardListState()), vitals]]
        fresh.key(.key(.f10))
        guard case .signIn(let form)? = fresh.state.gate else { Issue.record("not on sign-in"); return }
        #expect(form.message?.text == "1 unsaved draft (set of vital signs) kept for colleagues: sign in and press q to quit.")
        #expect(!fresh.state.quitting)
    }

    @Test func ctrlCOnAStartedVitalsSetAsksFirst() {
        var d = ObsFixture.onChart()
        d.key(.char("v")); d.type("16"); d.key(.key(.enter))
        #expect(d.key(.ctrl("c")).isEmpty)
        #expect(d.top == .confirm(.quit(unsaved: ["set of vital signs"])))
        #expect(d.text.contains("1 unsaved draft (set of vital signs) will be lost. Quit anyway? y/n"))
    }

    @Test func discardingACIWAArNamesIt() {
        var d = ObsFixture.onChart()
        d.key(.char("a")); d.type("1")
        d.key(.key(.escape))
        #expect(d.top == .confirm(.discardScores(.ciwaAr)))
        #expect(d.text.contains("Discard this CIWA-Ar? y/n"))
        d.key(.char("y"))
        #expect(d.text.contains("CIWA-Ar discarded (nothing was saved)."))
    }
}
