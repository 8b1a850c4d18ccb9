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
        let after = d.send(.eventSaved(.success(entry)))
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
        _ = d.send(.eventSaved(.failure(CommandRefusal(.notPermitted, "Recording needs a nurse."))))
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
}
