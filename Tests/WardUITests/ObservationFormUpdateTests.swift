import Foundation
import Testing
@testable import WardUI
import WardCore

@Suite struct ObservationFormUpdateTests {
    static let session = Session(staff: Fixture.ann, terminal: "tty-test")
    var proto: WardProtocol { Fixture.proto }

    func vitalsForm(_ d: Driver) -> VitalsForm? { if case .vitals(let f) = d.top { f } else { nil } }
    func sedationForm(_ d: Driver) -> SedationForm? { if case .sedation(let f) = d.top { f } else { nil } }

    /// Types a full set from the chart: v, then each field, then Enter on the summary.
    static func fullSet(_ d: inout Driver) {
        d.key(.char("v"))
        for (value, enter) in [("16", true), ("97", true), ("a", false), ("128", true), ("78", true), ("84", true), ("a", false), ("36.8", true)] {
            d.type(value)
            if enter { d.key(.key(.enter)) }
        }
        d.key(.key(.enter))
    }

    // MARK: CIWA-Ar and the dose gate

    @Test func ciwaArInTwelveKeysFromTheChartWithTheGatePassed() {
        var d = ObsFixture.onChart()
        d.key(.char("a"))
        #expect(d.state.keyContext == .ciwaAr)
        d.type("1210300014")      // 10 items, orientation last (0-4)
        #expect(d.form?.onSummary == true)
        let fx = d.key(.char("y"))
        #expect(d.keys <= 12)
        #expect(d.keys == 12)
        let items = [1, 2, 1, 0, 3, 0, 0, 0, 1, 4]
        #expect(fx == [.recordGated(RecordGatedAssessment(RecordAssessment(patientID: 1, scale: .ciwaAr, items: items),
                                                          gate: DoseGateAnswers(recentUseConfirmed: true, canCommunicate: true)),
                                    session: Self.session)])
        #expect(d.form?.saving == true)
    }

    @Test func ciwaArRejectsAScoreOutsideTheItemRange() {
        var d = ObsFixture.onChart()
        d.key(.char("a"))
        d.type("8")
        #expect(d.form?.cursor == 0)
        #expect(d.form?.message?.text.contains("is not a CIWA-Ar score. Type 0 to 7") == true)
        d.type("121030001")
        d.type("5")              // orientation is 0-4
        #expect(d.form?.cursor == 9)
        #expect(d.form?.message?.text.contains("Type 0 to 4") == true)
    }

    @Test func gateNoMakesTheScoreMonitoringOnlyAndOffersTheObserverScale() {
        var d = ObsFixture.onChart()
        d.key(.char("a"))
        d.type("0000000000")
        d.key(.char("n"))
        #expect(d.form?.gate == .askingWhichNo)
        d.key(.char("x"))        // not an answer: asks again
        #expect(d.form?.gate == .askingWhichNo)
        d.key(.char("c"))
        #expect(d.form?.gate == .answered(DoseGateAnswers(recentUseConfirmed: true, canCommunicate: false)))
        #expect(d.text.contains("MONITORING ONLY"))
        d.key(.char("r"))
        #expect(sedationForm(d)?.scale == proto.appropriateness.observerScale)
        d.key(.key(.escape))     // back to the CIWA-Ar summary
        let fx = d.key(.key(.enter))
        guard case .recordGated(let cmd, _) = fx.first else { Issue.record("no gated record: \(fx)"); return }
        #expect(cmd.gate == DoseGateAnswers(recentUseConfirmed: true, canCommunicate: false))
    }

    @Test func enterWithoutTheGateSavesAPlainAssessment() {
        var d = ObsFixture.onChart()
        d.key(.char("a"))
        d.type("0000000000")
        let fx = d.key(.key(.enter))
        #expect(fx == [.record(RecordAssessment(patientID: 1, scale: .ciwaAr, items: Array(repeating: 0, count: 10)), session: Self.session)])
    }

    @Test func leavingAStartedCIWAArAsksFirst() {
        var d = ObsFixture.onChart()
        d.key(.char("a"))
        d.type("12")
        d.key(.key(.escape))
        #expect(d.top == .confirm(.discardScores(.ciwaAr)))
        d.key(.char("y"))
        if case .chart = d.top {} else { Issue.record("not back on the chart") }
        #expect(d.state.flash?.text == "CIWA-Ar discarded (nothing was saved).")
    }

    // MARK: vital signs

    @Test func aFullSetInAtMost25KeysWithNEWS2() {
        var d = ObsFixture.onChart()
        Self.fullSet(&d)
        #expect(d.keys <= 25)
        let v = VitalSigns(respirationRate: 16, spo2: 97, onOxygen: false, systolic: 128, diastolic: 78, pulse: 84, acvpu: .alert, temperature: 36.8)
        #expect(d.effects.withoutAlertSync == [.recordVitals(RecordVitals(patientID: 1, vitals: v), session: Self.session)])
        let score = proto.news2.score(v, scale2: false)
        #expect(d.text.contains("NEWS2 \(score.total) \(score.risk.rawValue.uppercased())"))
        #expect(d.text.contains(String(score.response.response.prefix(30))))
    }

    @Test func outOfRangeIsRefusedWithTheRangeAndUnusualAsksToConfirm() {
        var d = ObsFixture.onChart()
        d.key(.char("v"))
        let limits = proto.entryLimits.respirationRate
        d.type(String(Int(limits.upperBound) + 1)); d.key(.key(.enter))
        #expect(vitalsForm(d)?.field == .respirationRate)
        #expect(vitalsForm(d)?.message?.role == .error)
        #expect(vitalsForm(d)?.message?.text.contains("\(Int(limits.lowerBound))–\(Int(limits.upperBound))") == true)
        d.key(.key(.backspace)); d.key(.key(.backspace)); d.key(.key(.backspace))
        let unusual = Int(proto.bedside.usual.respirationRate.upperBound) + 1
        d.type(String(unusual)); d.key(.key(.enter))
        #expect(vitalsForm(d)?.confirming == true)
        #expect(vitalsForm(d)?.message?.text.contains("confirm? y/n") == true)
        d.key(.char("n"))
        #expect(vitalsForm(d)?.text[.respirationRate] == "")
        #expect(vitalsForm(d)?.field == .respirationRate)
        d.type(String(unusual)); d.key(.key(.enter)); d.key(.char("y"))
        #expect(vitalsForm(d)?.field == .spo2)
        // Going back and Enter again keeps the confirmed value without asking twice.
        d.key(.key(.up)); d.key(.key(.enter))
        #expect(vitalsForm(d)?.confirming == false)
        #expect(vitalsForm(d)?.field == .spo2)
    }

    @Test func digitsOnlyAndOneDecimalForTemperature() {
        var d = ObsFixture.onChart()
        d.key(.char("v"))
        d.type("1.")             // no decimal in a whole-number field
        #expect(vitalsForm(d)?.text[.respirationRate] == "1")
        #expect(vitalsForm(d)?.message?.text.contains("whole number") == true)
        d.type("234")            // at most 3 digits
        #expect(vitalsForm(d)?.text[.respirationRate] == "123")
        d.key(.key(.enter))      // Enter on an empty required field says what to type
        var f = vitalsForm(d)!
        f.field = .temperature
        f.text[.respirationRate] = "16"
        d.state.stack[d.state.stack.count - 1] = .vitals(f)
        d.type("37.25")
        #expect(vitalsForm(d)?.text[.temperature] == "37.2")
        d.type(".")
        #expect(vitalsForm(d)?.text[.temperature] == "37.2")
        d.key(.key(.enter))
        #expect(vitalsForm(d)?.field == .summary)
        d.key(.key(.enter))      // missing fields: save goes to the first one
        #expect(vitalsForm(d)?.field == .spo2)
        #expect(vitalsForm(d)?.message?.text == "Not saved: SpO2 has no value yet.")
        #expect(!d.effects.contains { if case .recordVitals = $0 { true } else { false } })
    }

    @Test func emptyRequiredFieldAndOptionalDiastolic() {
        var d = ObsFixture.onChart()
        d.key(.char("v"))
        d.key(.key(.enter))
        #expect(vitalsForm(d)?.field == .respirationRate)
        #expect(vitalsForm(d)?.message?.text.hasPrefix("Resp rate: type a value") == true)
        d.type("16"); d.key(.key(.tab)); d.type("97"); d.key(.key(.tab)); d.type("o"); d.type("120"); d.key(.key(.tab))
        #expect(vitalsForm(d)?.onOxygen == true)
        d.key(.key(.enter))      // diastolic left empty
        #expect(vitalsForm(d)?.field == .pulse)
        d.type("x")
        #expect(vitalsForm(d)?.message?.role == .error)
        d.key(.key(.backTab)); d.key(.key(.backTab))
        #expect(vitalsForm(d)?.field == .systolic)
    }

    @Test func acvpuAndOxygenTakeOneLetter() {
        var d = ObsFixture.onChart()
        d.key(.char("v"))
        d.type("16"); d.key(.key(.enter)); d.type("97"); d.key(.key(.enter))
        d.type("z")
        #expect(vitalsForm(d)?.field == .oxygen)
        #expect(vitalsForm(d)?.message?.text.contains("a for air") == true)
        d.type("a")
        d.type("128"); d.key(.key(.enter)); d.key(.key(.enter)); d.type("84"); d.key(.key(.enter))
        d.type("v")
        #expect(vitalsForm(d)?.acvpu == .voice)
        #expect(vitalsForm(d)?.field == .temperature)
        d.key(.key(.backspace)); d.key(.key(.backspace))   // empty temperature: back to ACVPU, then clear it
        #expect(vitalsForm(d)?.field == .acvpu)
    }

    @Test func scale2OnlyWhenThePatientIsSetToIt() {
        var d = ObsFixture.onChart()
        d.key(.char("v"))
        #expect(vitalsForm(d)?.scale2 == false)
        #expect(d.text.contains("SpO2 scale 1"))
        var w = ObsFixture.ward
        w.patients[0].spo2Scale2 = true
        var e = Driver.onChart()
        e.send(.wardLoaded(w))
        e.key(.char("v"))
        #expect(vitalsForm(e)?.scale2 == true)
        #expect(e.text.contains("SpO2 scale 2 (this patient)"))
    }

    @Test func cancelAStartedSetAsksAndAnEmptyOneLeaves() {
        var d = ObsFixture.onChart()
        d.key(.char("v")); d.key(.key(.escape))
        if case .chart = d.top {} else { Issue.record("an empty form should just close") }
        d.key(.char("v")); d.type("1"); d.key(.key(.escape))
        #expect(d.top == .confirm(.discardForm("set of vital signs")))
        d.key(.char("n"))
        #expect(vitalsForm(d)?.text[.respirationRate] == "1")
    }

    @Test func aRefusedSaveKeepsTheFormWithTheReason() {
        var d = ObsFixture.onChart()
        Self.fullSet(&d)
        d.send(.finished(.failure(CommandRefusal(.notPermitted, "Recording an observation needs a nurse.")), verb: .saved))
        #expect(vitalsForm(d)?.saving == false)
        #expect(vitalsForm(d)?.message?.text == "Not saved: Recording an observation needs a nurse.")
    }

    // MARK: sedation and exceptions

    @Test func sedationOneKeyThenEnter() {
        var d = ObsFixture.onChart()
        d.key(.char("s"))
        d.key(.key(.enter))
        #expect(sedationForm(d)?.message?.role == .error)
        d.type("-6")
        #expect(sedationForm(d)?.choice == nil)
        #expect(sedationForm(d)?.message?.text.contains("-5 to +4") == true)
        d.type("-2")
        #expect(sedationForm(d)?.choice == .rass(-2))
        #expect(d.text.contains("Light sedation"))
        d.type("3")
        #expect(sedationForm(d)?.choice == .rass(3))
        d.key(.key(.tab))
        #expect(sedationForm(d)?.scale == .poss)
        d.type("x")
        #expect(sedationForm(d)?.message?.text == "POSS: press s, 1, 2, 3 or 4.")
        d.type("s")
        let fx = d.key(.key(.enter))
        #expect(fx == [.recordSedation(RecordSedation(patientID: 1, score: .poss(.sleepEasyToArouse)), session: Self.session)])
    }

    @Test func sedationArrowsMoveThroughTheLevels() {
        var d = ObsFixture.onChart()
        d.key(.char("s")); d.key(.key(.down)); d.key(.key(.down))
        #expect(sedationForm(d)?.choice == SedationScale.rass.levels[1].score)
    }

    @Test func checkNotDoneNeedsWhichWhyAndAReason() {
        var d = ObsFixture.onChart()
        d.key(.char("x"))
        d.type("q")
        guard case .exception(let f0) = d.top else { Issue.record("no exception form"); return }
        #expect(f0.message?.role == .error)
        d.type("v"); d.type("4")
        guard case .exception(let f1) = d.top else { return }
        #expect(f1.reason == nil)
        d.type("1")
        d.key(.key(.enter))
        guard case .exception(let f2) = d.top else { return }
        #expect(f2.message?.text.hasPrefix("Type the reason") == true)
        #expect(d.text.contains("Type the reason"))    // on the screen, not only in the state
        d.type("asleep?")       // ? and L are text here, not help or lock
        #expect(!d.state.showingHelp)
        let fx = d.key(.key(.enter))
        #expect(fx == [.recordException(RecordMonitoringException(patientID: 1, kind: .vitals, reason: .asleep, note: "asleep?"),
                                        session: Self.session)])
        let minutes = proto.bedside.recheckMinutes[.asleep]!
        #expect(d.text.contains(Format.clock(Fixture.now.addingTimeInterval(Double(minutes * 60)), d.state.calendar)))
    }

    @Test func f9LocksEvenWhileTypingAReason() {
        var d = ObsFixture.onChart()
        d.key(.char("x")); d.type("s2"); d.type("L")
        guard case .exception(let f) = d.top else { Issue.record("no exception form"); return }
        #expect(f.note == "L")
        #expect(d.state.gate == nil)
        d.key(.key(.f9))
        if case .locked = d.state.gate {} else { Issue.record("F9 did not lock") }
    }

    // MARK: obs round

    @Test func obsRoundGoesWithdrawalThenVitalsThenSedation() {
        var d = ObsFixture.onChart()
        d.key(.char("o"))
        #expect(d.form?.round == true)
        #expect(d.form?.kind == .ciwaB)
        d.type("00000000000000000000")
        d.key(.key(.enter))
        let a = Assessment(id: 500, patientID: 1, scale: .ciwaB, items: Array(repeating: 0, count: 20), total: 0, band: "none",
                           recordedBy: 1, recordedByName: "Ann Okafor", recordedAt: Fixture.now)
        d.send(.finished(.success(.assessment(a)), verb: .saved))
        #expect(vitalsForm(d)?.round == true)
        for (value, enter) in [("16", true), ("97", true), ("a", false), ("128", true), ("78", true), ("84", true), ("a", false), ("36.8", true)] {
            d.type(value); if enter { d.key(.key(.enter)) }
        }
        d.key(.key(.enter))
        guard case .recordVitals(let cmd, _) = d.effects.last else { Issue.record("no vitals saved"); return }
        let e = VitalSignsEntry(stamp: EntryStamp(id: 600, patientID: 1, recordedBy: 1, recordedByName: "Ann Okafor", recordedAt: Fixture.now),
                                vitals: cmd.vitals, scale2: false)
        d.send(.finished(.success(.vitals(e)), verb: .saved))
        #expect(sedationForm(d)?.round == true)
        d.type("0"); d.key(.key(.enter))
        let s = SedationEntry(stamp: EntryStamp(id: 700, patientID: 1, recordedBy: 1, recordedByName: "Ann Okafor", recordedAt: Fixture.now),
                              score: .rass(0))
        d.send(.finished(.success(.sedation(s)), verb: .saved))
        if case .chart = d.top {} else { Issue.record("round should end on the chart") }
        #expect(d.state.flash?.text.hasPrefix("Obs round complete.") == true)
        #expect(d.state.ward?.currentVitals(for: 1).first?.id == 600)
    }

    // MARK: the chart's clock, panes and trends

    @Test func chartShowsNextDueFromTheProtocolAndTurnsOverdueInWords() throws {
        var d = ObsFixture.onChart()
        let last = try #require(d.state.ward?.latest(.ciwaB, for: 1))
        let band = try #require(proto.band(.ciwaB, total: last.total))
        let minutes = try #require(proto.reassessment.interval(.ciwaB, band: band.name))
        let due = last.recordedAt.addingTimeInterval(Double(minutes * 60))
        let left = Int(due.timeIntervalSince(Fixture.now) / 60)
        #expect(d.text.contains("CIWA-B due \(Format.clock(due, d.state.calendar)) (in \(Format.span(minutes: left)))"))
        let later = due.addingTimeInterval(10 * 60)
        d.state.lastInputAt = later          // a nurse at the terminal: no idle lock
        d.send(.tick(later))
        #expect(d.text.contains("CIWA-B OVERDUE 10 min (due \(Format.clock(due, d.state.calendar)))"))
    }

    @Test func tabCyclesThePanesAndTheVitalsPaneMarksAmendments() {
        var d = ObsFixture.onChart()
        d.key(.key(.tab))
        guard case .chart(let cs) = d.top else { Issue.record("not on the chart"); return }
        #expect(cs.pane == .vitals)
        #expect(d.text.contains("AMENDED"))
        #expect(d.text.contains("REPLACED"))
        d.key(.key(.tab)); d.key(.key(.tab))
        guard case .chart(let back) = d.top else { return }
        #expect(back.pane == .scores)
    }

    @Test func trendsKeepOnlyTheLast72Hours() {
        var w = ObsFixture.ward
        let old = VitalSignsEntry(stamp: ObsFixture.stamp(890, hoursAgo: 73), vitals: ObsFixture.vitals(rr: 30), scale2: false)
        w.vitals[1]?.append(old)
        var d = Driver.onChart()
        d.send(.wardLoaded(w))
        d.key(.key(.tab))
        let line = d.text.split(separator: "\n").first { $0.contains("NEWS2 72 h") } ?? ""
        let current = w.currentVitals(for: 1).filter { $0.stamp.recordedAt >= Fixture.now.addingTimeInterval(-72 * 3600) }
        let spark = Sparkline.render(current.reversed().map { Fixture.proto.news2.score($0.vitals, scale2: false).total },
                                     range: 0...Fixture.proto.news2.maxTotal, width: 8, asciiOnly: false)
        #expect(line.contains(": \(spark) "))
    }
}

@Suite struct ObservationKeymapTests {
    @Test(arguments: [KeyContext.ciwaAr, .vitals, .sedation, .exception])
    func legendFitsAndHelpListsEveryBinding(context: KeyContext) {
        let key: Character = switch context { case .ciwaAr: "a"; case .vitals: "v"; case .sedation: "s"; default: "x" }
        var d = ObsFixture.onChart()
        d.key(.char(key))
        #expect(d.state.keyContext == context)
        let status = view(d.state).textLines().last ?? ""
        for entry in Keymap.standard.legend(in: context) {
            #expect(status.contains("\(entry.keys) \(entry.words)"), "\(context): \(entry.keys) \(entry.words) missing")
        }
        d.key(.char("?"))
        #expect(d.state.showingHelp)
        let text = KeymapTests.helpText(&d)
        for b in Keymap.standard.bindings(in: context) {
            #expect(text.contains(b.help), "\(context): help lacks \(b.help)")
        }
    }
}

@Suite struct ObservationDraftTests {
    @Test func aStartedVitalsSetIsKeptForItsAuthorAcrossASwitchOfUser() throws {
        var d = ObsFixture.onChart()
        d.key(.char("v")); d.type("16"); d.key(.key(.enter))
        guard case .vitals(let annsForm)? = d.top else { Issue.record("no vitals form"); return }
        d.key(.key(.f9)); d.key(.key(.tab))
        d.type("N2077"); d.key(.key(.enter)); d.type("654321"); d.key(.key(.enter))
        d.send(.signInResult(.success(Fixture.ben)))
        // Ben is a charge nurse: a clean landing on the overview, none of Ann's screens.
        #expect(d.state.stack == [.wardList(WardListState()), .overview(OverviewState())])
        #expect(d.state.drafts[Fixture.ann.id]?.contains(.vitals(annsForm)) == true)
        d.key(.char("L")); d.key(.key(.tab))
        d.type("N1042"); d.key(.key(.enter)); d.type("123456"); d.key(.key(.enter))
        d.send(.signInResult(.success(Fixture.ann)))
        #expect(d.top == .vitals(annsForm))
    }
}
