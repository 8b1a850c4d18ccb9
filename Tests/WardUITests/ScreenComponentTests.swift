import Foundation
import Testing
@testable import WardUI
import WardCore

/// What the routing table gives every screen: keys wait while its command runs, the answer goes to
/// the screen that was saving, and each kind of screen is reached through `Screen.component`.
@Suite struct ScreenComponentTests {
    @Test func keysWaitWhileAFormsCommandRunsAndTheFormSaysSo() {
        var d = ObsFixture.onChart()
        ObservationFormUpdateTests.fullSet(&d)
        guard case .vitals(let saving) = d.top, saving.saving else { Issue.record("the set is saving"); return }
        d.effects = []
        d.type("9"); d.key(.key(.escape)); d.key(.key(.enter))
        guard case .vitals(let after) = d.top else { Issue.record("the form stays while saving: \(String(describing: d.top))"); return }
        #expect(d.effects.isEmpty, "no second save, no discard")
        #expect(after.text == saving.text)
        #expect(after.message?.text == "Saving… please wait for the store to confirm.")
    }

    @Test func theAnswerGoesToTheSavingFormNotTheScreenOnTop() {
        // A refusal reaches the vitals form even when a dialog opened above it meanwhile.
        var d = ObsFixture.onChart()
        ObservationFormUpdateTests.fullSet(&d)
        d.state.stack.append(.confirm(.quit(unsaved: ["set of vital signs"])))
        d.send(.finished(.failure(CommandRefusal(.storage, "The disk is full.")), verb: .saved))
        let form = d.state.stack.compactMap { if case .vitals(let f) = $0 { f } else { nil } }.first
        #expect(form?.saving == false)
        #expect(form?.message?.text == "Not saved: The disk is full.")
        #expect(d.state.flash == nil)
    }

    @Test func aRefusalWithNoScreenWaitingIsSaidOnTheMessageLineWithItsVerb() {
        var d = ObsFixture.onChart()
        let fx = d.send(.finished(.failure(CommandRefusal(.notPermitted, "Co-signing needs a prescriber.")), verb: .coSigned))
        #expect(d.state.flash?.text == "Not co-signed: Co-signing needs a prescriber.")
        #expect(fx == [.loadWard])
    }

    @Test(arguments: [CommandVerb.saved, .recorded, .signed, .amended, .coSigned])
    func theRefusalPrefixIsSaidOnce(verb: CommandVerb) {
        let own = CommandRefusal(.conflict, "Not recorded: already given by Ann at 08:02.")
        #expect(own.text(verb) == "Not recorded: already given by Ann at 08:02.")
        let bare = CommandRefusal(.conflict, "already given by Ann at 08:02.")
        #expect(bare.text(verb) == "Not \(verb.rawValue): already given by Ann at 08:02.")
    }
}
