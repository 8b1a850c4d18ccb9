import Foundation
import Testing
@testable import WardUI
import WardCore

/// The seizure/delirium form on the chart (`z`).
@Suite struct EventFormTests {
    static let session = Session(staff: Fixture.ann, terminal: "tty-test")

    @Test func seizureWithANoteIsRecordedAndRaisesTheAlert() throws {
        var d = ObsFixture.onChart()
        d.key(.char("z"))
        #expect(d.state.keyContext == .clinicalEvent)
        d.type("q")
        guard case .clinicalEvent(let f0) = d.top else { Issue.record("no event form"); return }
        #expect(f0.kind == nil)
        #expect(f0.message?.role == .error)
        d.type("s"); d.type("2 min?")          // ? is text here, not help
        #expect(!d.state.showingHelp)
        let fx = d.key(.key(.enter))
        #expect(fx == [.recordEvent(RecordClinicalEvent(patientID: 1, kind: .seizure, note: "2 min?"), session: Self.session)])
        let entry = ClinicalEventEntry(id: 9, patientID: 1, kind: .seizure, note: "2 min?", recordedBy: Fixture.ann.id,
                                       recordedByName: Fixture.ann.name, recordedAt: Fixture.now)
        let after = d.send(.finished(.success(.event(entry)), verb: .saved))
        #expect(after == [.loadWard])
        if case .clinicalEvent = d.top { Issue.record("form still open after save") }
        #expect(d.state.ward?.clinicalEvents[1] == [entry])
        #expect(d.state.flash?.text.hasPrefix("Seizure recorded") == true)
    }

    @Test func refusalKeepsTheFormAndBackspaceGoesBack() {
        var d = ObsFixture.onChart()
        d.key(.char("z")); d.type("d")
        d.key(.key(.backspace))
        guard case .clinicalEvent(let f) = d.top else { Issue.record("no event form"); return }
        #expect(f.step == .kind && f.kind == nil)
        d.type("d"); d.key(.key(.enter))
        _ = d.send(.finished(.failure(CommandRefusal(.notPermitted, "Recording needs a nurse.")), verb: .saved))
        guard case .clinicalEvent(let g) = d.top else { Issue.record("form closed on refusal"); return }
        #expect(!g.saving)
        #expect(g.message?.text.contains("Recording needs a nurse.") == true)
        #expect(d.text.contains("Recording needs a nurse."))     // shown on the message line
    }

    @Test(arguments: [Fixture.small, Fixture.large])
    func eventForm(size: Size) {
        var d = ObsFixture.onChart(size: size)
        d.key(.char("z")); d.type("dpulling at lines")
        assertSnapshot(view(d.state), named: "clinicalEvent_\(size)")
    }

    /// Recorded after the fact: Tab from the note to "Happened at", HH:MM.
    @Test func anEarlierTimeIsSentAsWhenItHappened() throws {
        var d = ObsFixture.onChart()
        d.key(.char("z")); d.type("s"); d.type("found on floor")
        d.key(.key(.tab))
        d.type("7x")                                   // letters are refused with what to type
        guard case .clinicalEvent(let f) = d.top else { Issue.record("no event form"); return }
        #expect(f.step == .when && f.when == "7" && f.message?.role == .error)
        d.key(.key(.backspace)); d.type("13:20")
        let at = try #require(EventForm.resolve("13:20", now: Fixture.now, calendar: d.state.calendar))
        #expect(at <= Fixture.now && Fixture.now.timeIntervalSince(at) < 86_400)
        #expect(d.text.contains("13:20_"))
        let fx = d.key(.key(.enter))
        #expect(fx == [.recordEvent(RecordClinicalEvent(patientID: 1, kind: .seizure, note: "found on floor", takenAt: at),
                                    session: Self.session)])
    }

    @Test func aTimeThatIsNotATimeKeepsTheFormWithWhatToType() {
        var d = ObsFixture.onChart()
        d.key(.char("z")); d.type("d")
        d.key(.key(.tab)); d.type("99:99")
        #expect(d.key(.key(.enter)).isEmpty)
        guard case .clinicalEvent(let f) = d.top else { Issue.record("form closed"); return }
        #expect(!f.saving && f.step == .when)
        #expect(f.message?.text.contains("HH:MM") == true)
    }

    /// Today when that time has passed, else yesterday; never the future.
    @Test func resolveGivesTheMostRecentPastMoment() throws {
        var cal = Calendar(identifier: .gregorian); cal.timeZone = TimeZone(identifier: "UTC")!
        let now = try #require(ISO8601DateFormatter().date(from: "2026-11-28T00:10:00Z"))
        #expect(EventForm.resolve("00:05", now: now, calendar: cal) == ISO8601DateFormatter().date(from: "2026-11-28T00:05:00Z"))
        #expect(EventForm.resolve("2350", now: now, calendar: cal) == ISO8601DateFormatter().date(from: "2026-11-27T23:50:00Z"))
        #expect(EventForm.resolve("00:10", now: now, calendar: cal) == now)
        for bad in ["", "7", "24:00", "12:60", "1:2:3", "ab:cd", "123456"] {
            #expect(EventForm.resolve(bad, now: now, calendar: cal) == nil, "\(bad)")
        }
    }
}
