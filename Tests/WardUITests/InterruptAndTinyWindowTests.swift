import Testing
import WardCore
@testable import WardUI

/// Issue 14's terminal rules, in the pure update: a key never acts on a screen
/// too small to show it, and Ctrl-C quits like `q` (asking when something is unsaved).
@Suite struct InterruptAndTinyWindowTests {
    @Test func keysDoNothingWhileTheWindowIsTooSmall() {
        var d = Driver.onChart()
        d.key(.resize(Size(cols: 40, rows: 10)))
        let before = d.state.stack
        for k: InputEvent in [.char("b"), .char("4"), .key(.enter), .char("q"), .key(.escape)] {
            #expect(d.key(k).isEmpty)
        }
        #expect(d.state.stack == before, "no CIWA-B opened, nothing typed, nothing closed")
        #expect(d.text.contains("Keys are ignored"))
        d.key(.resize(Fixture.small))
        d.key(.char("b"))
        #expect(d.form != nil, "once the window is big enough again, keys act")
    }

    @Test func ctrlCQuitsAtOnceWhenNothingIsUnsaved() {
        var d = Driver.signedIn()
        #expect(d.key(.ctrl("c")) == [.quit])
    }

    @Test func ctrlCAsksWhenAFormHasEntriesAndNoKeepsIt() {
        var d = Driver.onChart()
        d.key(.char("b"))
        d.type("21")
        #expect(d.key(.ctrl("c")).isEmpty)
        guard case .confirm(.quit)? = d.top else { Issue.record("expected the quit question, got \(String(describing: d.top))"); return }
        #expect(d.text.contains("Quit anyway? y/n"))
        d.key(.ctrl("c"))   // a second Ctrl-C is the same question, not a quit
        #expect(d.effects.allSatisfy { $0 != .quit })
        d.key(.char("n"))
        #expect(d.form?.scores.compactMap { $0 } == [2, 1], "the entries are still there")
    }

    @Test func ctrlCWithATooSmallWindowAndAFormQuitsNothing() {
        var d = Driver.onChart()
        d.key(.char("b")); d.type("3")
        d.key(.resize(Size(cols: 40, rows: 10)))
        #expect(d.key(.ctrl("c")).isEmpty)
        #expect(d.form != nil)
    }
}
