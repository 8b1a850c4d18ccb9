import Foundation
import Testing
import TestTools
@testable import WardUI
import WardCore

/// What the help overlay and the status-line legend say in every key context, one golden file per
/// context (`__Snapshots__/helpEntries_CONTEXT.txt`): a help sentence that is wrong for its screen
/// fails here, and a changed sentence shows in review as one line of one file.
@Suite struct HelpSnapshotTests {
    /// The help entries of a context as the overlay lists them (keys, then what they do there),
    /// and the legend words the status line shows for them.
    static func entries(_ context: KeyContext, keymap: Keymap = .standard) -> String {
        let lines = keymap.helpLines(in: context)
        let width = lines.map { Text.width($0.keys) }.max() ?? 0
        var out = ["Help — keys on the \(context.rawValue) screen"]
        out += lines.map { Text.pad($0.keys, width) + "  " + $0.help }
        out.append("Legend: " + keymap.legend(in: context).map { "\($0.keys) \($0.words)" }.joined(separator: "  "))
        return out.joined(separator: "\n") + "\n"
    }

    @Test(arguments: KeyContext.allCases)
    func helpOfEachContextMatchesItsGolden(context: KeyContext) {
        assertGolden(Self.entries(context), named: "helpEntries_\(context.rawValue)")
    }

    @Test(arguments: KeyContext.allCases)
    func everyBindingSaysWhatItDoes(context: KeyContext) {
        for b in Keymap.standard.bindings(in: context) {
            #expect(!b.help.isEmpty, "\(context): \(b.label) \(b.action) has no help sentence")
            #expect(!b.legend.isEmpty, "\(context): \(b.label) \(b.action) has no legend word")
        }
    }

    /// The sentences issue 16 found wrong: one action's sentence shown on screens where it was not true.
    @Test func eachFormNamesItselfAndItsOwnScores() {
        let help = { (c: KeyContext) in Keymap.standard.helpLines(in: c).map(\.help).joined(separator: "\n") }
        #expect(help(.ciwaB).contains("save the CIWA-B"))
        #expect(help(.ciwaAr).contains("save the CIWA-Ar"))
        #expect(!help(.ciwaAr).contains("CIWA-B"))
        #expect(!help(.ciwaAr).contains("very severe"), "CIWA-Ar anchors differ by item: the form shows them")
        let ar = ScaleDefinition.ciwaAr.items.map(\.range.upperBound).max() ?? 0
        #expect(help(.ciwaAr).contains("to \(ar)"))
        for context in KeyContext.allCases where context != .ciwaB && context != .chart {
            #expect(!help(context).contains("CIWA-B"), "\(context) help names the CIWA-B")
        }
        #expect(help(.sedation).contains("Save the sedation score"))
        #expect(!help(.sedation).contains("asks before"), "Esc on the sedation form leaves without asking")
        #expect(!help(.textForm).contains("score"))
        #expect(!help(.picker).contains("save"))
    }

    /// The per-binding sentence wins over the action's default: one action, two screens, two sentences.
    @Test func aBindingCarriesItsOwnSentence() {
        let km = Keymap(screens: [.sedation: [KeyBinding([.key(.enter)], .save, label: "Enter", help: "Save the sedation score")],
                                  .exception: [KeyBinding([.key(.enter)], .save, label: "Enter", legend: "done", help: "Save the note")]],
                        globals: [])
        #expect(km.helpLines(in: .sedation).map(\.help) == ["Save the sedation score"])
        #expect(km.helpLines(in: .exception).map(\.help) == ["Save the note"])
        #expect(km.legend(in: .exception).map(\.words) == ["done"])
        #expect(km.legend(in: .sedation).map(\.words) == [Action.save.defaultLegend])
    }
}
