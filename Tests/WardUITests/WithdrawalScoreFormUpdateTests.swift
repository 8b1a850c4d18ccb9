import Foundation
import Testing
@testable import WardUI
import WardCore

@Suite struct WithdrawalScoreFormUpdateTests {
    /// On the chart, `b` pressed: an empty form for Müller.
    func opened() -> Driver {
        var d = Driver.onChart()
        d.key(.char("b"))
        return d
    }

    @Test func bOpensAnEmptyFormForThePatient() throws {
        let d = opened()
        let f = try #require(d.form)
        #expect(f.patientID == Fixture.mullerID)
        #expect(f.scores.count == ScaleDefinition.ciwaB.items.count)
        #expect(f.scores.allSatisfy { $0 == nil })
        #expect(f.cursor == 0)
    }

    @Test(arguments: [0, 1, 2, 3, 4])
    func aDigitInRangeScoresTheItemAndMovesOn(digit: Int) throws {
        var d = opened()
        d.key(.char(Character("\(digit)")))
        let f = try #require(d.form)
        #expect(f.scores[0] == digit)
        #expect(f.cursor == 1)
        #expect(f.runningTotal == digit)
        #expect(f.message == nil)
    }

    @Test(arguments: [5, 6, 7, 8, 9])
    func aDigitOutOfRangeIsRejectedNamingTheRange(digit: Int) throws {
        var d = opened()
        d.type("21")
        d.key(.char(Character("\(digit)")))
        let f = try #require(d.form)
        #expect(f.scores[2] == nil)
        #expect(f.cursor == 2)
        let m = try #require(f.message)
        #expect(m.role == .error)
        #expect(m.text.contains("0 to 4"))
        #expect(m.text.hasPrefix("Item 3: "))
        #expect(m.text.contains("\(digit)"))
        #expect(d.text.contains("0 to 4"))
    }

    @Test func arrowsJKAndBackspaceRevisitWithoutChangingScores() throws {
        var d = opened()
        d.type("1234")
        #expect(d.form?.cursor == 4)
        d.key(.key(.up))
        #expect(d.form?.cursor == 3)
        d.key(.char("k"))
        #expect(d.form?.cursor == 2)
        d.key(.key(.backspace))
        #expect(d.form?.cursor == 1)
        d.key(.key(.down))
        #expect(d.form?.cursor == 2)
        d.key(.char("j"))
        #expect(d.form?.cursor == 3)
        #expect(d.form?.scores.prefix(4).map { $0 } == [1, 2, 3, 4])
        // Re-scoring a revisited item replaces its score and moves on.
        d.key(.key(.up))
        d.key(.char("0"))
        #expect(d.form?.scores[2] == 0)
        #expect(d.form?.cursor == 3)
        #expect(d.form?.runningTotal == 7)
    }

    @Test func cursorStopsAtTheFirstItemAndTheSummary() throws {
        var d = opened()
        d.key(.key(.up))
        d.key(.key(.backspace))
        #expect(d.form?.cursor == 0)
        for _ in 0..<30 { d.key(.key(.down)) }
        let f = try #require(d.form)
        #expect(f.cursor == f.summaryIndex)
        #expect(f.onSummary)
    }

    @Test func aDigitOnTheSummaryChangesNothing() throws {
        var d = opened()
        d.type(String(repeating: "1", count: 20))
        d.key(.char("3"))
        let f = try #require(d.form)
        #expect(f.onSummary)
        #expect(f.runningTotal == 20)
        #expect(f.message?.text.contains("summary") == true)
    }

    @Test func saveWithAnUnscoredItemIsRefusedNamingIt() throws {
        var d = opened()
        d.type(String(repeating: "2", count: 13))   // items 1–13 scored, 14 not
        for _ in 0..<10 { d.key(.key(.down)) }      // to the summary
        #expect(d.form?.onSummary == true)
        let fx = d.key(.key(.enter))
        #expect(fx.isEmpty)
        let f = try #require(d.form)
        #expect(f.cursor == 13)
        #expect(!f.saving)
        let m = try #require(f.message)
        #expect(m.role == .error)
        #expect(m.text.contains("item 14 “Did not get enough sleep last night”"))
    }

    @Test func enterOnAnItemOfACompleteFormGoesToTheSummaryWithoutSaving() throws {
        var d = opened()
        d.type(String(repeating: "1", count: 20))
        d.key(.key(.up))
        d.key(.key(.up))
        let fx = d.key(.key(.enter))
        #expect(fx.isEmpty)
        #expect(d.form?.onSummary == true)
    }

    @Test func enterOnTheSummarySavesAsTheSignedInNurse() throws {
        var d = opened()
        d.type("01234012340123401234")
        let fx = d.key(.key(.enter))
        let expected = RecordAssessment(patientID: Fixture.mullerID, scale: .ciwaB,
                                        items: [0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4])
        #expect(fx == [.record(expected, session: Session(staff: Fixture.ann, terminal: "tty-test"))])
        #expect(d.form?.saving == true)
        #expect(d.text.contains("Saving…"))
        // Keys while saving change nothing and send nothing.
        #expect(d.key(.key(.enter)).isEmpty)
        d.key(.key(.up))
        #expect(d.form?.onSummary == true)
    }

    @Test func savedSuccessReturnsToTheChartWithTheEntryOnTop() throws {
        var d = opened()
        d.type(String(repeating: "2", count: 20))
        d.key(.key(.enter))
        let saved = Fixture.ciwa(999, Fixture.mullerID, total: 40, hoursAgo: 0)
        let fx = d.send(.finished(.success(.assessment(saved)), verb: .saved))
        #expect(fx == [.loadWard])
        #expect(d.form == nil)
        #expect(d.top == .chart(ChartState(patientID: Fixture.mullerID)))
        let name = try #require(d.state.ward?.patient(Fixture.mullerID)?.name)
        let said = "Saved 14:05: CIWA-B 40 \(saved.band) for \(name) (bed 1)."
        #expect(d.state.flash == Flash(said, role: .saved))
        #expect(ChartHistory.lines(d.state.ward, Fixture.mullerID).first?.entry.id == 999)
        #expect(d.text.contains(said))
    }

    @Test func savedFailureKeepsTheFormAndShowsTheMessage() throws {
        var d = opened()
        d.type(String(repeating: "3", count: 20))
        d.key(.key(.enter))
        d.send(.finished(.failure(CommandRefusal(.storage, "The database could not be written: disk full.")), verb: .saved))
        let f = try #require(d.form)
        #expect(!f.saving)
        #expect(f.scores.allSatisfy { $0 == 3 })
        #expect(f.message?.text == "Not saved: The database could not be written: disk full.")
        #expect(f.message?.role == .error)
        // The nurse can try again.
        let fx = d.key(.key(.enter))
        #expect(fx.count == 1)
    }

    @Test func escOnAnUntouchedFormLeavesAtOnce() {
        var d = opened()
        d.key(.key(.escape))
        #expect(d.top == .chart(ChartState(patientID: Fixture.mullerID)))
    }

    @Test(arguments: [InputEvent.char("n"), .key(.escape)])
    func escOnAStartedFormAsksAndNoKeepsIt(cancel: InputEvent) throws {
        var d = opened()
        d.type("342")
        d.key(.key(.escape))
        #expect(d.top == .confirm(.discardScores(.ciwaB)))
        #expect(d.text.contains("Discard this CIWA-B? y/n"))
        // Other keys do nothing while the question is open.
        d.key(.char("4"))
        #expect(d.top == .confirm(.discardScores(.ciwaB)))
        d.key(cancel)
        let f = try #require(d.form)
        #expect(d.top == .withdrawalScore(f))
        #expect(f.scores.prefix(3).map { $0 } == [3, 4, 2])
        #expect(f.cursor == 3)
    }

    @Test func escOnAStartedFormThenYesDiscards() {
        var d = opened()
        d.type("342")
        d.key(.key(.escape))
        d.key(.char("y"))
        #expect(d.form == nil)
        #expect(d.top == .chart(ChartState(patientID: Fixture.mullerID)))
        #expect(d.effects.isEmpty)
    }

    @Test func aCompleteCIWABFromTheChartTakesAtMost22Keys() throws {
        var d = Driver.onChart()
        #expect(d.keys == 0)
        d.key(.char("b"))
        for c in "21032104321032104321" { d.key(.char(c)) }
        d.key(.key(.enter))
        #expect(d.keys <= 22)
        #expect(d.keys == 22)
        let records = d.effects.filter { if case .record = $0 { true } else { false } }
        #expect(records.count == 1)
        guard case .record(let cmd, _) = records.first else { Issue.record("no record effect"); return }
        #expect(cmd.items == "21032104321032104321".map { $0.wholeNumberValue! })
    }
}
