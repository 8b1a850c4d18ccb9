import Testing
import WardCore
@testable import WardUI

/// "Not saved:" is said once (issue 16: "Not saved: Not saved:" was doubled).
@Suite struct RefusalTextTests {
    @Test func notSavedIsSaidOnce() {
        #expect(CommandRefusal(.invalid, "Not saved: pulse 400 is outside 20-300.").notSavedText
                == "Not saved: pulse 400 is outside 20-300.")
        #expect(CommandRefusal(.storage, "the disk is full").notSavedText == "Not saved: the disk is full")
        #expect(CommandRefusal(.conflict, "Not recorded: already given").notSavedText == "Not recorded: already given")
    }

    /// A store refusal that already says "Not saved:" reaches the vitals screen with the prefix once.
    @Test func aVitalsRefusalReadsOnce() {
        var d = ObsFixture.onChart()
        d.send(.finished(.failure(CommandRefusal(.invalid, "Not saved: respiration rate 200 is outside 3-60.")), verb: .saved))
        #expect(d.text.contains("Not saved: respiration rate 200") && !d.text.contains("Not saved: Not saved"), "\(d.text)")
    }
}
