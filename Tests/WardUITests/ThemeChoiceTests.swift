import Foundation
import Testing
@testable import WardUI
import WardCore

/// Issue 17 item 10: the theme is chosen from inside the app, with `t` on the
/// help screen (reachable with ? or F1 from every screen, sign-in and lock too).
@Suite struct ThemeChoiceTests {
    @Test func tOnTheHelpScreenAsksForTheNextShippedTheme() {
        var d = Driver.signedIn()
        d.key(.char("?"))
        #expect(d.key(.char("t")) == [.useTheme("high-contrast")])
        #expect(d.state.showingHelp, "the help stays open, so the next t steps on")
        // Typed before the terminal has answered, the next t still steps on.
        #expect(d.key(.char("t")) == [.useTheme("night")])
        #expect(d.state.theme.current == "night")
        #expect(d.text.contains("Theme: night; next colour-blind-safe"))
    }

    @Test func theHelpLineSaysWhatIsOnAndWhetherItWasRemembered() {
        var d = Driver.signedIn()
        d.key(.char("?"))
        #expect(d.text.contains("Theme: default; next high-contrast"))
        #expect(view(d.state).textLines().last?.contains("t theme") == true)
        d.send(.themeApplied(name: "night", notRemembered: nil))
        #expect(d.text.contains("Theme: night (remembered); next colour-blind-safe"))
        #expect(d.key(.char("t")) == [.useTheme("colour-blind-safe")])
        d.send(.themeApplied(name: "colour-blind-safe", notRemembered: "read-only home"))
        #expect(d.text.contains("Theme: colour-blind-safe; next monochrome; not remembered:"))
        #expect(d.text.contains("read-only home"), "the reason wraps onto the next row, whole")
    }

    @Test func theCycleWrapsAndLeavesAThemeOfOnesOwnForTheFirstShipped() {
        var choice = ThemeChoice(current: "monochrome")
        #expect(choice.next == "default")
        choice.current = "ward7-custom"
        #expect(choice.next == "default")
        var seen: [String] = []
        choice.current = "default"
        for _ in ThemeLoader.builtinNames { seen.append(choice.current); choice.current = choice.next }
        #expect(seen == ThemeLoader.builtinNames)
        #expect(choice.current == "default")
    }

    @Test func beforeSignInAndOnTheLockScreenToo() {
        var signIn = Driver(Fixture.fresh())
        signIn.key(.key(.f1))
        #expect(signIn.key(.char("t")) == [.useTheme("high-contrast")])
        #expect(signIn.state.showingHelp)

        var lock = Driver.signedIn()
        lock.key(.char("L"))
        lock.key(.key(.f1))
        #expect(lock.key(.char("t")) == [.useTheme("high-contrast")])
        lock.key(.key(.escape))
        #expect(lock.state.keyContext == .lock, "closing the help goes back to the lock screen")
    }

    @Test func tAwayFromTheHelpScreenKeepsItsOwnMeaning() {
        var overview = Driver.signedIn(Fixture.ben)
        overview.key(.char("o"))
        let fx = overview.key(.char("t"))   // transfer on the overview
        #expect(!fx.contains { if case .useTheme = $0 { true } else { false } })
        var signIn = Driver(Fixture.fresh())
        signIn.key(.char("t"))
        if case .signIn(let form)? = signIn.state.gate { #expect(form.staffID == "t") } else { Issue.record("not on sign-in") }
    }
}
