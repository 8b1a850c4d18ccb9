import Foundation
import Testing
@testable import WardUI
import WardCore

@Suite struct MARUpdateTests {
    /// The shipped protocol with a witness schedule that does not need one for giving.
    static var noWitness: WardProtocol {
        var p = Fixture.proto
        p.witness.defaultSchedule = "us-civ"
        return p
    }

    @Test func mFromTheChartOpensTheMAR() {
        var d = Driver.onChart()
        d.key(.char("m"))
        #expect(d.mar?.patientID == Fixture.mullerID)
        #expect(d.state.keyContext == .mar)
    }

    @Test func anOnTimeScheduledDoseIsGivenInAtMostSixKeystrokes() throws {
        var d = MARFixture.onMAR()
        d.state.wardProtocol = Self.noWitness
        d.key(.key(.down)); d.key(.key(.down))       // 08:00 → 12:00 → 14:00 (due)
        d.key(.char("g"))
        d.key(.key(.enter))
        let cmd = try #require(d.recordDose)
        #expect(d.keys <= 6)
        #expect(cmd.status == .given && cmd.reason == nil && cmd.witness == nil)
        #expect(cmd.scheduledFor == MARFixture.at("14:00"))
        #expect(cmd.orderID == MARFixture.taper.id)
    }

    @Test func withAWitnessTheNurseStillPressesSixKeysAndThePINIsNeverShown() throws {
        var d = MARFixture.onMAR()
        d.key(.key(.down)); d.key(.key(.down))
        d.key(.char("g"))
        d.key(.key(.enter))
        #expect(d.mar?.step == .witness)
        var witnessKeys = 0
        for c in "N2077" { d.key(.char(c)); witnessKeys += 1 }
        d.key(.key(.enter))
        for c in "654321" { d.key(.char(c)); witnessKeys += 1 }
        #expect(!d.text.contains("654321"))
        #expect(d.text.contains("N2077"))
        #expect(d.text.contains("••••••"))
        d.key(.key(.enter))
        let cmd = try #require(d.recordDose)
        #expect(d.keys - witnessKeys <= 6)
        #expect(cmd.witness == WitnessCredentials(staffID: "N2077", pin: "654321"))
        #expect(d.mar?.witness.pin == "")        // the PIN left the screen state with the command
        #expect(d.mar?.saving == true)
    }

    @Test func anOverdueDoseNeedsALateReasonNeverASilentGive() throws {
        var d = MARFixture.onMAR()
        d.state.wardProtocol = Self.noWitness
        d.key(.key(.down))                            // 12:00, overdue at 14:05
        d.key(.char("g"))
        #expect(d.mar?.step == .reason)
        #expect(d.mar?.pending?.reasonUse == .late)
        #expect(d.text.contains("65 min after the ±60-min window"))
        d.key(.key(.enter))                            // no reason chosen: nothing happens
        #expect(d.recordDose == nil)
        d.key(.char("2"))
        d.key(.key(.enter))
        let cmd = try #require(d.recordDose)
        #expect(cmd.reason == ReasonCode.codes(for: .late)[1])
    }

    @Test func holdAsksForAHoldReasonAndNeedsNoWitness() throws {
        var d = MARFixture.onMAR()
        d.key(.key(.down)); d.key(.key(.down))
        d.key(.char("h"))
        d.key(.char("1"))
        d.key(.key(.enter))
        let cmd = try #require(d.recordDose)
        #expect(cmd.status == .held && cmd.reason == .heldSedation && cmd.witness == nil)
    }

    @Test func aHoldForSedationLinksTheRecentSedationScore() throws {
        var w = MARFixture.ward()
        let rass = Assessment(id: 901, patientID: 1, scale: .rass, items: [-2], total: -2, band: "", recordedBy: Fixture.ann.id,
                              recordedByName: Fixture.ann.name, recordedAt: Fixture.ago(hours: 0.5))
        w.assessments[1, default: []].insert(rass, at: 0)
        var d = MARFixture.onMAR(ward: w)
        d.key(.key(.down)); d.key(.key(.down))
        d.key(.char("h")); d.key(.char("1")); d.key(.key(.enter))
        #expect(try #require(d.recordDose).observationID == 901)
    }

    @Test func anOtherReasonNeedsANote() throws {
        var d = MARFixture.onMAR()
        d.key(.key(.down)); d.key(.key(.down))
        d.key(.char("o"))
        d.key(.char("3"))                              // omitted: other (note)
        #expect(d.mar?.step == .note)
        d.key(.key(.enter))
        #expect(d.mar?.step == .note)
        d.type("pharmacy closed")
        d.key(.key(.enter))
        d.key(.key(.enter))
        #expect(try #require(d.recordDose).note == "pharmacy closed")
    }

    @Test func aRecordedDoseSaysWhoAndWhen() {
        var d = MARFixture.onMAR()
        d.key(.char("g"))                              // 08:00, given by Ann
        #expect(d.mar?.step == .list)
        #expect(d.mar?.message?.text == "The 08:00 dose was already given by Ann Okafor at 08:10.")
    }

    @Test func lockingDropsAHalfTypedWitnessPIN() {
        var d = MARFixture.onMAR()
        d.key(.key(.down)); d.key(.key(.down))
        d.key(.char("g")); d.key(.key(.enter))
        d.type("N2077"); d.key(.key(.enter)); d.type("654")
        d.send(.tick(Fixture.now.addingTimeInterval(Double(Fixture.policy.idleLockSeconds) + 1)))   // the idle lock falls
        #expect(d.state.gate != nil)
        #expect(d.mar?.witness.pin == "" && d.mar?.step == .list)
    }

    @Test func selfWitnessIsRefusedOnTheSpot() {
        var d = MARFixture.onMAR()
        d.key(.key(.down)); d.key(.key(.down))
        d.key(.char("g")); d.key(.key(.enter))
        d.type("N1042"); d.key(.key(.enter)); d.type("123456"); d.key(.key(.enter))
        #expect(d.recordDose == nil)
        #expect(d.mar?.message?.text.contains("cannot witness your own dose") == true)
    }

    @Test func theLoserOfARaceIsToldAndNothingIsShownAsGiven() {
        var d = MARFixture.onMAR()
        d.state.wardProtocol = Self.noWitness
        d.key(.key(.down)); d.key(.key(.down)); d.key(.char("g")); d.key(.key(.enter))
        d.send(.finished(.failure(CommandRefusal(.conflict, "Not recorded: the 14:00 dose was already given by Ben Lindqvist at 14:04.")), verb: .recorded))
        // The dialog stays and says why until it is closed: keys typed now cannot reach the MAR's commands.
        #expect(d.mar?.saving == false && d.mar?.step != .list && d.mar?.pending != nil)
        #expect(d.text.contains("already given by Ben Lindqvist at 14:04"))
        #expect(d.key(.char("h")).isEmpty && d.mar?.step != .list)
        d.key(.key(.escape))
        #expect(d.mar?.step == .list && d.mar?.pending == nil)
    }

    /// A witness refused by the store (wrong PIN, a student, locked) stays in the witness dialog, which
    /// says why; the witness's next keys are typed there, never read as the MAR's h / r / o commands.
    @Test func aRefusedWitnessStaysInTheDialog() {
        var d = MARFixture.onMAR()
        d.key(.key(.down)); d.key(.key(.down))
        d.key(.char("g")); d.key(.key(.enter))
        d.type("S3001"); d.key(.key(.enter)); d.type("123456"); d.key(.key(.enter))
        #expect(d.recordDose != nil)
        d.send(.finished(.failure(CommandRefusal(.notPermitted, "Not recorded: a student nurse cannot witness a dose.")), verb: .recorded))
        #expect(d.mar?.step == .witness && d.mar?.witness.staffID == "" && d.mar?.witness.pin == "")
        #expect(d.text.contains("a student nurse cannot witness a dose"))
        for c in "hro" { #expect(d.key(.char(c)).isEmpty) }
        #expect(d.mar?.step == .witness && d.mar?.witness.staffID == "hro")
    }

    @Test func aPRNInsideTheMinimumIntervalIsBlockedWithTheReason() {
        var d = MARFixture.onMAR(ward: MARFixture.ward(prnAt: "13:25"))
        d.key(.key(.down)); d.key(.key(.down)); d.key(.key(.down)); d.key(.key(.down))   // the PRN order
        d.key(.char("g"))
        #expect(d.mar?.pending == nil)
        #expect(d.mar?.message?.text.contains("40 min ago; minimum 120 min between PRN doses of any benzodiazepine") == true)
    }

    @Test func aPRNNotMeetingItsCriteriaNeedsTheNursesJudgementWithANoteOrAnOverride() throws {
        var d = MARFixture.onMAR()
        d.state.wardProtocol = Self.noWitness
        for _ in 0..<4 { d.key(.key(.down)) }
        d.key(.char("g"))
        #expect(d.mar?.pending?.reasonUse == .prnOverride)
        // 2: the nurse's clinical judgement, with a note.
        d.key(.char("2"))
        #expect(d.mar?.step == .note)
        for c in "shaking, sweating" { d.key(.char(c)) }
        d.key(.key(.enter)); d.key(.key(.enter))
        let cmd = try #require(d.recordDose)
        #expect(cmd.scheduledFor == nil && cmd.reason == .prnClinicalJudgement && cmd.note == "shaking, sweating")
        #expect(cmd.override == nil && cmd.orderID == MARFixture.prn.id)
        // 1: a prescriber's instruction is the override form, not a reason code.
        var e = MARFixture.onMAR()
        for _ in 0..<4 { e.key(.key(.down)) }
        e.key(.char("g")); e.key(.char("1"))
        #expect(e.mar?.step == .override && e.mar?.pending?.reason == nil)
    }

    @Test func thePRNFollowUpIsRecordedAsItsEffect() throws {
        var d = MARFixture.onMAR()
        d.key(.char("e"))
        #expect(d.mar?.step == .effect)
        #expect(d.text.contains("Effect of PRN 10:00 diazepam 5 mg"))
        d.key(.char("2"))
        let cmd = try #require(d.effects.compactMap { if case .recordPRNEffect(let c, _) = $0 { c } else { nil } }.first)
        #expect(cmd == RecordPRNEffect(followUpID: 1, result: .partial))
        d.send(.finished(.success(.prnEffect(PRNFollowUp(id: 1, administrationID: 2, patientID: 1, dueAt: MARFixture.at("11:00"), result: .partial))), verb: .recorded))
        #expect(d.mar?.step == .list && d.state.flash?.text == "PRN effect recorded for Müller, Grete (bed 1): partial")
    }

    /// With two PRN orders each waiting for a follow-up, `e` on an order's line records that order's
    /// follow-up (not whichever is newest); off the PRN lines, the one due first.
    @Test func theEffectRecordedIsTheSelectedPRNOrders() throws {
        var w = MARFixture.ward()
        var lorazepam = MARFixture.prn
        lorazepam.id = 31; lorazepam.versionID = 32; lorazepam.terms.drug = "lorazepam"
        w.orders[1]?.append(lorazepam); w.orderVersions[1]?.append(lorazepam)
        var late = MARFixture.given(3, order: lorazepam, scheduled: nil, at: "12:30")
        late.drug = "lorazepam"; late.mg = 1
        w.administrations[1] = ([late] + (w.administrations[1] ?? [])).sorted { $0.at > $1.at }
        w.prnFollowUps[1] = [PRNFollowUp(id: 7, administrationID: 3, patientID: 1, dueAt: late.at.addingTimeInterval(3600))]
            + (w.prnFollowUps[1] ?? [])
        var d = MARFixture.onMAR(ward: w)
        let lines = MARScreen.lines(d.state, 1)
        let diazepamLine = try #require(lines.firstIndex { if case .prn(let o) = $0 { o.id == MARFixture.prn.id } else { false } })
        let lorazepamLine = try #require(lines.firstIndex { if case .prn(let o) = $0 { o.id == 31 } else { false } })
        for _ in 0..<lorazepamLine { d.key(.key(.down)) }
        d.key(.char("e"))
        #expect(d.mar?.followUp?.id == 7)
        d.key(.key(.escape))
        d.key(.key(.home))
        for _ in 0..<diazepamLine { d.key(.key(.down)) }
        d.key(.char("e"))
        #expect(d.mar?.followUp?.id == 1)
        d.key(.key(.escape))
        d.key(.key(.home))   // a scheduled dose's line: the follow-up due first (the 10:00 diazepam's, due 11:00)
        d.key(.char("e"))
        #expect(d.mar?.followUp?.id == 1)
    }

    @Test func onlyPrescribersOpenOrderEntry() {
        var n = MARFixture.onMAR()
        n.key(.char("n"))
        #expect(n.top.map { if case .orderEntry = $0 { true } else { false } } == false)
        #expect(n.mar?.message?.text.contains("needs a prescriber") == true)
        var p = MARFixture.onMAR(MARFixture.prescriber)
        p.key(.char("n"))
        guard case .orderEntry = p.top else { Issue.record("no order form"); return }
    }

    @Test func aPrescriberSignsATaperAfterSeeingThePreview() throws {
        var d = MARFixture.onMAR(MARFixture.prescriber)
        d.key(.char("n"))
        d.key(.key(.tab)); d.key(.key(.tab)); d.key(.key(.tab)); d.key(.key(.tab))   // kind → drug → route → indication → start mg
        d.type("50")
        d.key(.key(.tab)); d.type("20:5:7 0:2:14")
        d.key(.key(.enter))
        #expect(d.effects.isEmpty)
        #expect(d.text.contains("above the stabilisation cap"))
        d.key(.key(.enter))
        let cmd = try #require(d.effects.compactMap { if case .writeOrder(let c, _) = $0 { c } else { nil } }.first)
        #expect(cmd.terms.taper?.startDailyMg == 50)
        #expect(cmd.terms.taper?.phases == [OrderPhase(untilMg: 20, step: 5, everyDays: 7), OrderPhase(untilMg: 0, step: 2, everyDays: 14)])
        #expect(cmd.terms.doseTimes == Fixture.proto.taper.doseTimes.map(\.description))
    }

    /// Enter moves to the next field while the order is incomplete (as in
    /// every other form); once complete, Enter checks and a second Enter signs.
    @Test func enterWalksTheFieldsUntilTheOrderIsComplete() throws {
        var d = MARFixture.onMAR(MARFixture.prescriber)
        d.key(.char("n"))
        for _ in 0..<4 { d.key(.key(.enter)) }        // kind, drug, route, indication kept as they are
        guard case .orderEntry(let f) = d.top else { Issue.record("no order form"); return }
        #expect(f.field == .startMg && f.message == nil)
        d.type("20"); d.key(.key(.enter))
        d.type("0:5:7"); d.key(.key(.enter))
        #expect(d.effects.isEmpty)
        #expect(d.text.contains("Enter again to sign"))
        d.key(.key(.enter))
        let cmd = try #require(d.effects.compactMap { if case .writeOrder(let c, _) = $0 { c } else { nil } }.first)
        #expect(cmd.terms.taper?.startDailyMg == 20)
        #expect(cmd.terms.taper?.phases == [OrderPhase(untilMg: 0, step: 5, everyDays: 7)])
    }

    @Test func changingAnOrderNeedsAReason() throws {
        var d = MARFixture.onMAR(MARFixture.prescriber)
        d.key(.char("c"))
        guard case .orderEntry(let f) = d.top else { Issue.record("no order form"); return }
        #expect(f.changingID == MARFixture.taper.id && f.changingVersion == 2)
        d.key(.char(" "))                              // status: active → held
        d.key(.key(.enter))
        #expect(d.effects.isEmpty)
        d.type("drowsy")
        d.key(.key(.enter)); d.key(.key(.enter))
        let cmd = try #require(d.effects.compactMap { if case .changeOrder(let c, _) = $0 { c } else { nil } }.first)
        #expect(cmd.basedOn == 2 && cmd.reason == "drowsy" && cmd.terms.status == .held)
    }
}

@Suite struct MARSnapshotTests {
    @Test(arguments: ScreenSnapshotTests.sizes)
    func mar(size: Size) {
        let d = MARFixture.onMAR(size: size)
        assertSnapshot(view(d.state), named: "mar_\(size)")
    }

    @Test func marWitnessOverlay() {
        var d = MARFixture.onMAR()
        d.key(.key(.down)); d.key(.key(.down)); d.key(.char("g")); d.key(.key(.enter))
        d.type("N2077"); d.key(.key(.enter)); d.type("65")
        assertSnapshot(view(d.state), named: "marWitness_80x24")
    }

    /// The 12:00 dose given at 13:25, after its window, for a reason: the status
    /// column says "given late" (not "given"), and the reason is shown whole.
    @Test(arguments: ScreenSnapshotTests.sizes)
    func marGivenLate(size: Size) {
        var w = MARFixture.ward()
        var late = MARFixture.given(3, order: MARFixture.taper, scheduled: "12:00", at: "13:25")
        late.reason = .latePatientUnavailable
        late.note = "in X-ray until 13:20"
        w.administrations[1] = ((w.administrations[1] ?? []) + [late]).sorted { $0.at > $1.at }
        let d = MARFixture.onMAR(size: size, ward: w)
        let screen = view(d.state)
        let rows = screen.textLines()
        let row = rows.first { $0.contains("12:00") } ?? ""
        #expect(row.contains("given late") && !row.contains("OVERDUE"), "\(row)")
        let whole = rows.joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(whole.contains("patient unavailable (asleep, off ward, in a procedure) “in X-ray until 13:20”"),
                "\(rows.joined(separator: "\n"))")
        assertSnapshot(screen, named: "marGivenLate_\(size)")
    }

    @Test func marLateReason() {
        var d = MARFixture.onMAR()
        d.key(.key(.down)); d.key(.char("g"))
        assertSnapshot(view(d.state), named: "marLateReason_80x24")
    }

    @Test(arguments: ScreenSnapshotTests.sizes)
    func orderEntryTaper(size: Size) {
        var d = MARFixture.onMAR(MARFixture.prescriber, size: size)
        d.key(.char("n"))
        for _ in 0..<4 { d.key(.key(.tab)) }
        d.type("30")
        d.key(.key(.tab)); d.type("10:5:7 0:2:14")
        assertSnapshot(view(d.state), named: "orderEntry_\(size)")
    }
}

/// A prescriber moves a patient to SpO2 scale 2 from the chart (O), with a reason; a nurse may not.
@Suite struct SpO2ScaleDialogTests {
    @Test func aPrescriberSetsScale2WithAReasonAndANurseIsTold() throws {
        var d = Driver.signedIn(MARFixture.prescriber)
        d.send(.wardLoaded(MARFixture.ward()))
        d.key(.key(.enter))                       // Müller's chart
        d.key(.char("O"))
        guard case .spo2Scale(let f)? = d.top else { Issue.record("no SpO2 scale dialog"); return }
        #expect(f.toScale2 && f.patientID == Fixture.mullerID)
        #expect(d.text.contains("Move Müller, Grete (bed 1) to SpO2 scale 2"))
        d.effects = []
        d.key(.key(.enter))
        #expect(d.effects.isEmpty && d.text.contains("Type the reason"))
        for c in "COPD, target 88-92" { d.key(.char(c)) }
        d.key(.key(.enter))
        guard case .setSpO2Scale(let p, let two, let reason, _)? = d.effects.last else { Issue.record("no effect"); return }
        #expect(p == Fixture.mullerID && two && reason == "COPD, target 88-92")

        var n = Driver.signedIn(Fixture.ann)
        n.send(.wardLoaded(MARFixture.ward()))
        n.key(.key(.enter))
        n.key(.char("O"))
        if case .spo2Scale? = n.top { Issue.record("a nurse opened the prescriber's dialog") }
        #expect(n.text.contains("prescriber"))
    }
}
