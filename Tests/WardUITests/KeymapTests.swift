import Foundation
import Testing
@testable import WardUI
import WardCore

@Suite struct KeymapTests {
    /// A driver in each key context.
    static func drivers() -> [(KeyContext, Driver)] {
        var signIn = Driver(Fixture.fresh())
        signIn.type("N1")
        var lock = Driver.signedIn(); lock.key(.key(.f9))
        let list = Driver.signedIn()
        let chart = Driver.onChart()
        var form = Driver.onChart(); form.key(.char("b"))
        var confirm = form; confirm.key(.char("1")); confirm.key(.key(.escape))
        var help = Driver.onChart(); help.key(.char("?"))
        return [(.signIn, signIn), (.lock, lock), (.wardList, list), (.chart, chart), (.ciwaB, form),
                (.confirm, confirm), (.help, help)]
    }

    /// Every page of the help shown (it scrolls when longer than the window), sentences re-joined
    /// across wrapped rows and spaces collapsed.
    static func helpText(_ d: inout Driver) -> String {
        var pages: [String] = []
        for _ in 0..<40 {
            pages.append(d.text)
            let before = d.state.helpScroll
            d.key(.key(.pageDown))
            if d.state.helpScroll == before { break }
        }
        return pages.joined(separator: "\n").replacingOccurrences(of: "│", with: " ")
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    @Test func everyScreenShowsTheLegendOfItsKeymapContext() {
        for (context, d) in Self.drivers() {
            #expect(d.state.keyContext == context)
            let status = view(d.state).textLines().last ?? ""
            let legend = Keymap.standard.legend(in: context)
            #expect(!legend.isEmpty)
            for entry in legend {
                #expect(status.contains("\(entry.keys) \(entry.words)"), "\(context): \(entry.keys) \(entry.words) missing from \(status)")
            }
        }
    }

    @Test func helpListsEveryBindingOfTheScreenBeneath() {
        for (context, var d) in Self.drivers() where context.takesGlobals {
            d.key(.char("?"))
            #expect(d.state.contextUnderHelp == context)
            let text = Self.helpText(&d)
            for b in Keymap.standard.bindings(in: context) {
                #expect(text.contains(b.help), "\(context): help lacks \(b.help)")
            }
        }
    }

    @Test func screenBindingsWinOverGlobals() {
        let km = Keymap(screens: [.chart: [KeyBinding([.char("L")], .back, label: "L")]],
                        globals: [KeyBinding([.char("L")], .lock, label: "L")])
        #expect(km.action(for: .char("L"), in: .chart) == .back)
        #expect(km.action(for: .char("L"), in: .wardList) == .lock)
        #expect(km.action(for: .char("L"), in: .signIn) == nil)
    }

    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in KeyContext.allCases {
            let keys = Keymap.standard.bindings(in: context).flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(context) binds a key twice")
        }
    }

    @Test func aLongWardScrollsToKeepTheSelectedBedVisible() {
        var w = Fixture.ward
        w.ward.beds = (1...40).map { Bed(label: "\($0)") }
        var d = Driver.signedIn()
        d.send(.wardLoaded(w))
        for _ in 0..<39 { d.key(.key(.down)) }
        let lines = view(d.state).textLines()
        #expect(lines.contains { $0.hasPrefix("▶ 40 ") })
        #expect(!lines.contains { $0.hasPrefix("  1    Müller") })
    }
}

/// The legend leaves out what the signed-in role may not do; the keys stay in the help.
@Suite struct RoleAwareLegendTests {
    @Test func ordersShowForPrescribersOnlyAndGivingForNursesOnly() {
        let keymap = Keymap.standard
        let words = { (role: StaffRole?) in Set(keymap.legend(in: .mar, role: role).map(\.words)) }
        #expect(words(.prescriber).isSuperset(of: [Action.newOrder.defaultLegend, Action.changeOrder.defaultLegend]))
        #expect(!words(.prescriber).contains(Action.give.defaultLegend))
        #expect(words(.nurse).contains(Action.give.defaultLegend))
        #expect(words(.nurse).isDisjoint(with: [Action.newOrder.defaultLegend, Action.changeOrder.defaultLegend]))
        #expect(words(nil).isSuperset(of: [Action.newOrder.defaultLegend, Action.give.defaultLegend]), "no role, no filter")
        #expect(keymap.helpLines(in: .mar).contains { $0.help == Action.newOrder.defaultHelp })
    }

    @Test func theSpaceBarIsNamedInTheHelp() {
        #expect(Keymap.standard.helpLines(in: .overview).contains { $0.keys == "PgDn Space" })
    }
}
