import Foundation
import Testing
@testable import WardUI
import WardCore

/// A handover document as the report engine lays one out (the screen only
/// shows lines; the engine's own output is tested in WardReportsTests and
/// end to end).
enum HandoverFixture {
    static var shift: ShiftOccurrence {
        // The default protocol's day shift on the fixture's date (14:05 is past its middle: nearest).
        ShiftOccurrence(name: "day", interval: DateInterval(start: Fixture.ago(hours: 6 + 35.0 / 60),
                                                            end: Fixture.now.addingTimeInterval(5 * 3600 + 25 * 60)))
    }

    static func document(columns: Int = 80) -> HandoverDocument {
        let rule = String(repeating: "-", count: columns)
        var lines = ["Ward 3B - HANDOVER - Day shift 28 Nov 2026" + String(repeating: " ", count: columns - 54) + "page 1 of 2",
                     "Printed 28 Nov 2026 14:05 by preview.", String(repeating: "=", count: columns), "",
                     "WARD SUMMARY", rule, "Shift: Day, 28 Nov 2026 07:30 to 28 Nov 2026 19:30",
                     "Census: 6 occupied, 2 empty beds; admissions this shift: 1; discharges this", "  shift: 0", ""]
        var anchors: [HandoverAnchor] = []
        let order: [(PatientID, String, String, String)] = [
            (6, "6", "Nowak, Piotr", "UNSTABLE"), (1, "1", "Müller, Grete", "STABLE"), (2, "2", "王, 秀英", "STABLE")]
        for (id, bed, name, sev) in order {
            anchors.append(HandoverAnchor(patientID: id, line: lines.count))
            let head = "BED \(bed)  \(name)  MRN \(100_000 + id)"
            lines += [rule, head + String(repeating: " ", count: max(1, columns - DisplayWidth.of(head) - sev.count)) + sev, rule,
                      "S  Situation", "   \(sev): CIWA-B (see chart)", "B  Background", "   Substances: none recorded",
                      "R  Recommendation: if ... then ...", "   None written", ""]
        }
        return HandoverDocument(shift: shift, columns: columns, lines: lines, anchors: anchors)
    }

    /// Signed in, on the ward list, handover preview open with its document.
    static func preview(_ who: StaffMember = Fixture.ann, size: Size = Fixture.small) -> Driver {
        var d = Driver.signedIn(who, size: size)
        d.key(.char("H"))
        d.send(.handoverRendered(document(columns: size.cols >= 132 ? 132 : 80)))
        d.effects = []
        return d
    }

    static func mark(_ kind: HandoverMarkKind, _ patient: PatientID, by: StaffMember, minutesAgo: Double) -> HandoverMark {
        HandoverMark(id: patient * 10 + (kind == .accepted ? 1 : 0), patientID: patient, shiftStart: shift.start, kind: kind,
                     by: by.id, byStaffID: by.staffID, byName: by.name, at: Fixture.now.addingTimeInterval(-minutesAgo * 60))
    }
}

@Suite struct HandoverUpdateTests {
    @Test func nearestHandoverIsTheDayShiftPastItsMiddle() throws {
        let s = Fixture.fresh()
        #expect(s.handoverShift == HandoverFixture.shift)
    }

    @Test func wardListKeyOpensThePreviewOfTheSelectedPatientAndAsksForTheDocument() throws {
        var d = Driver.signedIn()
        let fx = d.key(.char("H"))
        guard case .handover(let h)? = d.top else { Issue.record("no preview"); return }
        #expect(h.selected == Fixture.mullerID)
        #expect(h.document == nil)
        #expect(fx.withoutAlertSync == [.renderHandover(HandoverFixture.shift, columns: 80)])
        #expect(d.text.contains("Preparing the handover"))
        d.send(.handoverRendered(HandoverFixture.document()))
        guard case .handover(let ready)? = d.top else { Issue.record("no preview"); return }
        #expect(ready.scroll == HandoverFixture.document().anchors[1].line)   // Müller's block at the top
        #expect(d.state.keyContext == .handover)
    }

    @Test func chartKeyOpensThePreviewAt132ColumnsWhenWide() {
        var d = Driver.onChart(size: Fixture.large)
        #expect(d.key(.char("H")) == [.renderHandover(HandoverFixture.shift, columns: 132)])
    }

    @Test func tabMovesBetweenPatientsAndScrollingFollows() throws {
        var d = HandoverFixture.preview()
        let anchors = HandoverFixture.document().anchors
        d.key(.key(.tab))
        guard case .handover(let h)? = d.top else { Issue.record("no preview"); return }
        #expect(h.selected == 2)
        #expect(h.scroll == min(anchors[2].line, HandoverFixture.document().lines.count - AppState.handoverRows(Fixture.small)))
        d.key(.key(.backTab)); d.key(.key(.backTab))
        guard case .handover(let back)? = d.top else { Issue.record("no preview"); return }
        #expect(back.selected == 6)
        #expect(back.scroll == anchors[0].line)
        d.key(.key(.pageUp))
        guard case .handover(let top)? = d.top else { Issue.record("no preview"); return }
        #expect(top.scroll == 0)
        #expect(top.selected == 6)     // above the first block: the first patient on screen
    }

    @Test func acceptSendsTheSignedInSessionAndTheShift() throws {
        var d = HandoverFixture.preview()
        let fx = d.key(.char("a"))
        let session = try #require(d.state.session)
        #expect(fx == [.markHandover(.accepted, patientID: Fixture.mullerID, shiftStart: HandoverFixture.shift.start, session: session)])
        let g = d.key(.char("g"))
        #expect(g == [.markHandover(.handedOver, patientID: Fixture.mullerID, shiftStart: HandoverFixture.shift.start, session: session)])
        d.send(.finished(.success(.done("Müller, Grete accepted by Ann Okafor at 14:05.")), verb: .saved))
        #expect(d.effects.last == .loadWard)
        #expect(d.state.flash?.role == .saved)
    }

    @Test func acceptingTwiceOrWithoutTheRoleIsStoppedOnScreen() throws {
        var d = HandoverFixture.preview(Fixture.ann)
        var ward = try #require(d.state.ward)
        ward.handover.marks = [HandoverFixture.mark(.accepted, 1, by: Fixture.ben, minutesAgo: 5)]
        d.send(.wardLoaded(ward))
        d.effects = []
        #expect(d.key(.char("a")).isEmpty)
        #expect(d.state.flash?.text == "Müller, Grete was already accepted by Ben Lindqvist at 14:00.")

        let student = StaffMember(id: 9, staffID: "S1", name: "Sam Student", role: .studentNurse)
        var s = HandoverFixture.preview(student)
        #expect(s.key(.char("a")).isEmpty)
        #expect(s.state.flash?.text.contains("needs a nurse or a charge nurse; you are signed in as a student nurse") == true)
        #expect(s.key(.char("N")).isEmpty)
        #expect(s.state.keyContext == .handover)
    }

    @Test func aRefusalFromTheStoreIsShown() {
        var d = HandoverFixture.preview()
        d.key(.char("a"))
        d.send(.finished(.failure(CommandRefusal(.notPermitted, "You handed Müller, Grete over; the incoming nurse accepts.")), verb: .saved))
        #expect(d.state.flash?.text == "Not saved: You handed Müller, Grete over; the incoming nurse accepts.")
        #expect(d.state.flash?.role == .error)
    }

    @Test func noteIsTypedSavedAndTheFormCloses() throws {
        var d = HandoverFixture.preview()
        d.key(.char("N"))
        #expect(d.state.keyContext == .handoverEntry)
        d.key(.key(.enter))
        guard case .handoverEntry(let empty)? = d.top else { Issue.record("no form"); return }
        #expect(empty.message?.text.contains("Type the note first") == true)
        d.type("if HR > 120 then call Dr? L")         // '?' and 'L' are text here, not help or lock
        d.key(.key(.backspace)); d.key(.key(.backspace))
        #expect(d.state.gate == nil)
        #expect(!d.state.showingHelp)
        let fx = d.key(.key(.enter))
        let session = try #require(d.state.session)
        #expect(fx == [.addHandoverNote(patientID: Fixture.mullerID, shiftStart: HandoverFixture.shift.start,
                                        text: "if HR > 120 then call Dr?", session: session)])
        #expect(d.key(.char("x")).isEmpty)                 // keys wait while saving
        d.send(.finished(.success(.done("Note saved for the handover.")), verb: .saved))
        guard case .handover? = d.top else { Issue.record("form still open"); return }
        #expect(d.state.flash?.text == "Note saved for the handover.")
    }

    @Test func aRefusedNoteKeepsTheTextForCorrection() {
        var d = HandoverFixture.preview()
        d.key(.char("N")); d.type("if x then y"); d.key(.key(.enter))
        d.send(.finished(.failure(CommandRefusal(.invalid, "The note is longer than 500 characters; shorten it")), verb: .saved))
        guard case .handoverEntry(let f)? = d.top else { Issue.record("form closed"); return }
        #expect(f.text == "if x then y")
        #expect(!f.saving)
        #expect(f.message?.text == "Not saved: The note is longer than 500 characters; shorten it")
    }

    @Test func severityCyclesAndNeedsAReason() throws {
        var d = Driver.onChart()
        d.key(.char("S"))
        guard case .handoverEntry(let f)? = d.top else { Issue.record("no form"); return }
        #expect(f.kind == .severity)
        #expect(f.level == .watcher)
        d.key(.key(.tab))
        d.key(.key(.tab))
        guard case .handoverEntry(let g)? = d.top else { Issue.record("no form"); return }
        #expect(g.level == nil)                           // back to the rule
        d.key(.key(.tab))
        d.type("new confusion")
        let fx = d.key(.key(.enter))
        let session = try #require(d.state.session)
        #expect(fx == [.overrideSeverity(patientID: Fixture.mullerID, shiftStart: HandoverFixture.shift.start, level: .unstable,
                                         reason: "new confusion", session: session)])
    }

    @Test func leavingATypedNoteSaysItWasNotSaved() {
        var d = Driver.onChart()
        d.key(.char("N")); d.type("if"); d.key(.key(.escape))
        guard case .chart? = d.top else { Issue.record("not back on the chart"); return }
        #expect(d.state.flash?.text == "Note not saved (left without Enter).")
    }

    @Test func printRunsOnceAndReportsTheSavedPath() throws {
        var d = HandoverFixture.preview()
        let session = try #require(d.state.session)
        #expect(d.key(.char("P")) == [.printHandover(HandoverFixture.shift, session: session)])
        #expect(d.key(.char("P")).isEmpty)
        d.send(.handoverPrinted(message: "Not printed: no printer. The document is saved at /tmp/h.txt; print it from there.", ok: false))
        #expect(d.state.flash?.role == .alertWarning)
        #expect(d.state.flash?.text.contains("/tmp/h.txt") == true)
        #expect(d.key(.char("P")).count == 1)
    }

    @Test func aReloadedWardReRendersAnOpenPreview() throws {
        var d = HandoverFixture.preview()
        let fx = d.send(.wardLoaded(try #require(d.state.ward)))
        #expect(fx.withoutAlertSync == [.renderHandover(HandoverFixture.shift, columns: 80)])
        d.key(.key(.escape))
        #expect(d.send(.wardLoaded(try #require(d.state.ward))).isEmpty)
        #expect(d.state.keyContext == .wardList)
    }

    @Test func wardListMarksHandedOverAndAccepted() throws {
        var d = Driver.signedIn()
        var ward = try #require(d.state.ward)
        ward.handover.marks = [HandoverFixture.mark(.handedOver, 1, by: Fixture.ann, minutesAgo: 20),
                               HandoverFixture.mark(.accepted, 1, by: Fixture.ben, minutesAgo: 5),
                               HandoverFixture.mark(.handedOver, 2, by: Fixture.ann, minutesAgo: 20)]
        d.send(.wardLoaded(ward))
        let rows = view(d.state).textLines()
        #expect(rows[1].contains("H/O"))
        #expect(rows[2].contains("1    ✓   Müller"))
        #expect(rows[3].contains("2    H   王"))
        #expect(rows[4].contains("3        "))
    }
}

@Suite struct HandoverRerenderTests {
    @Test func theSelectedPatientStaysInViewWhenTheOrderChanges() throws {
        var d = HandoverFixture.preview()
        var doc = HandoverFixture.document()
        // Müller moves to the end of the document (e.g. her severity was overridden downwards).
        let block = Array(doc.lines[doc.anchors[1].line..<doc.anchors[2].line])
        doc.lines.removeSubrange(doc.anchors[1].line..<doc.anchors[2].line)
        let at = doc.lines.count
        doc.lines += block + Array(repeating: "", count: 30)
        doc.anchors = [HandoverAnchor(patientID: 6, line: doc.anchors[0].line), HandoverAnchor(patientID: 2, line: doc.anchors[1].line),
                       HandoverAnchor(patientID: 1, line: at)]
        d.send(.handoverRendered(doc))
        guard case .handover(let h)? = d.top else { Issue.record("no preview"); return }
        #expect(h.selected == Fixture.mullerID)
        #expect(h.scroll == at)                        // her bar still at the top of the view
    }
}

@Suite struct HandoverNoteWithdrawTests {
    static func withNotes(_ d: inout Driver) {
        guard var ward = d.state.ward else { return }
        let s = HandoverFixture.shift.start
        ward.handover.notes = [
            HandoverNote(id: 41, patientID: 1, shiftStart: s, text: "if tremor then score CIWA-B", writtenBy: 1,
                         writtenByName: "Ann Okafor", writtenAt: Fixture.ago(hours: 2)),
            HandoverNote(id: 42, patientID: 1, shiftStart: s, text: "if HR over 120 then call the doctor", writtenBy: 2,
                         writtenByName: "Ben Lindqvist", writtenAt: Fixture.ago(hours: 1))]
        d.send(.wardLoaded(ward))
        d.effects = []
    }

    @Test func upChoosesANoteAndEnterWithdrawsItWithTheReason() throws {
        var d = HandoverFixture.preview()
        Self.withNotes(&d)
        d.key(.char("N"))
        d.key(.key(.up))
        guard case .handoverEntry(let newest)? = d.top else { Issue.record("no form"); return }
        #expect(newest.withdrawing == 42)
        d.key(.key(.up)); d.key(.key(.up))            // stops at the oldest
        guard case .handoverEntry(let oldest)? = d.top else { Issue.record("no form"); return }
        #expect(oldest.withdrawing == 41)
        d.key(.key(.enter))
        guard case .handoverEntry(let empty)? = d.top else { Issue.record("no form"); return }
        #expect(empty.message?.text == "Type why the note is withdrawn first.")
        d.type("wrong patient")
        let session = try #require(d.state.session)
        #expect(d.key(.key(.enter)) == [.withdrawHandoverNote(noteID: 41, reason: "wrong patient", session: session)])
    }

    @Test func downReturnsToANewNote() throws {
        var d = HandoverFixture.preview()
        Self.withNotes(&d)
        d.key(.char("N")); d.key(.key(.up)); d.key(.key(.down))
        guard case .handoverEntry(let f)? = d.top else { Issue.record("no form"); return }
        #expect(f.withdrawing == nil)
        d.type("if x then y")
        let session = try #require(d.state.session)
        #expect(d.key(.key(.enter)) == [.addHandoverNote(patientID: 1, shiftStart: HandoverFixture.shift.start, text: "if x then y",
                                                         session: session)])
    }

    @Test func withdrawingSnapshot() {
        var d = HandoverFixture.preview()
        Self.withNotes(&d)
        d.key(.char("N")); d.key(.key(.up))
        d.type("duplicate")
        assertSnapshot(view(d.state), named: "handoverNoteWithdraw_80x24")
    }
}

@Suite struct HandoverEntryLockTests {
    @Test func ctrlLLocksFromTheNoteFormAndTheTextSurvives() {
        var d = Driver.onChart()
        d.key(.char("N")); d.type("if L")
        d.key(.key(.f9))
        guard case .locked? = d.state.gate else { Issue.record("not locked"); return }
        guard case .handoverEntry(let f)? = d.top else { Issue.record("form lost"); return }
        #expect(f.text == "if L")
        #expect(!d.text.contains("Müller"))           // patient data hidden behind the lock
    }
}

/// The charge nurse's overview shows who was handed over and accepted (issue #8).
@Suite struct OverviewHandoverMarkTests {
    @Test func acceptedAndHandedOverPatientsAreMarkedOnTheOverview() throws {
        var d = Driver.signedIn(Fixture.ben, size: Size(cols: 132, rows: 43))
        guard case .overview? = d.state.stack.last else { Issue.record("charge nurse did not land on the overview"); return }
        HandoverSnapshotTests.withMarks(&d)
        let lines = d.text.split(separator: "\n")
        let header = try #require(lines.first { $0.contains("Bed") && $0.contains("Patient") })
        #expect(header.contains("H/O"))
        let muller = try #require(lines.first { $0.contains("Müller, Grete") })
        #expect(muller.contains("✓"))
        let six = try #require(lines.first { $0.range(of: #"^\S?\s+6\s"#, options: .regularExpression) != nil })
        #expect(six.contains(" H "))
        let other = try #require(lines.first { $0.range(of: #"^\S?\s+3\s"#, options: .regularExpression) != nil })
        #expect(!other.contains("✓") && !other.contains(" H "))
    }
}

/// `[` and `]` step between handovers: back to earlier shifts, forward up to the shift on now.
@Suite struct HandoverShiftStepTests {
    @Test func bracketsStepBetweenShiftsButNotPastNow() throws {
        var d = HandoverFixture.preview()
        let day = HandoverFixture.shift
        let night = try #require(HandoverShift.previous(d.state.wardProtocol.shifts, before: day, calendar: d.state.calendar))
        d.key(.char("["))
        guard case .handover(let h)? = d.top else { Issue.record("no preview"); return }
        #expect(h.shift == night && h.document == nil)
        #expect(d.effects == [.renderHandover(night, columns: 80)])
        #expect(d.text.contains("(ended \(Format.clock(night.end, d.state.calendar)))"))
        d.effects = []
        d.key(.char("]"))
        guard case .handover(let back)? = d.top else { Issue.record("no preview"); return }
        #expect(back.shift == day && d.effects == [.renderHandover(day, columns: 80)])
        d.effects = []
        d.key(.char("]"))                               // the day shift is on now: nothing later
        guard case .handover(let still)? = d.top else { Issue.record("no preview"); return }
        #expect(still.shift == day && d.effects.isEmpty)
        #expect(d.state.flash?.text.contains("no later handover") == true)
    }
}

extension HandoverUpdateTests {
    /// End then Home: `a`/`g` act on the patient shown, never on one scrolled out of sight.
    @Test func homeSelectsAPatientOnScreenNotTheOneScrolledAway() throws {
        var d = HandoverFixture.preview()
        d.key(.key(.end))
        guard case .handover(let end)? = d.top else { Issue.record("no preview"); return }
        d.key(.key(.home))
        guard case .handover(let home)? = d.top else { Issue.record("no preview"); return }
        #expect(home.scroll == 0)
        let anchors = HandoverFixture.document().anchors
        let onScreen = anchors.filter { $0.line < AppState.handoverRows(Fixture.small) }.map(\.patientID)
        #expect(home.selected.map { onScreen.contains($0) } ?? true, "selected \(String(describing: home.selected)), on screen \(onScreen)")
        #expect(home.selected != end.selected || onScreen.contains(end.selected ?? -1))
    }
}
