import Testing
import WardCore
@testable import WardUI

/// Safety text is never cut at 80 columns (issue 17, item 3): a message too long for its line
/// wraps above the legend, and the screen is laid out above it rather than covered by it.
@Suite struct MessageLineTests {
    static let refusal = "Not saved: recording a dose needs a registered nurse; you are signed in as a student nurse, "
        + "so ask the nurse in charge of bed 1 to give it and witness it."

    @Test func aLongRefusalIsShownWholeAt80Columns() {
        var d = ObsFixture.onChart()
        d.state.flash = Flash(Self.refusal, role: .alertWarning)
        let lines = view(d.state).textLines()
        let shown = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(shown.contains(Self.refusal), "\(lines.joined(separator: "\n"))")
        #expect(!lines.suffix(4).joined().contains("…"), "the message is cut:\n\(lines.joined(separator: "\n"))")
        // The patient's line stays, and the legend keeps the last row.
        #expect(lines[1].contains("Müller, Grete"))
        #expect(lines[23].contains("help"), "\(lines[23])")
    }

    @Test func theScreenIsLaidOutAboveTheMessageNotCoveredByIt() {
        var d = ObsFixture.onChart()
        let before = view(d.state).textLines()
        d.state.flash = Flash(Self.refusal, role: .alertWarning)
        let after = view(d.state).textLines()
        let extra = Chrome.messageLines(d.state.flash, size: d.state.size) - 1
        #expect(extra >= 1)
        // The rows above the message are the screen drawn in a window `extra` rows shorter: the title
        // and the patient's line unchanged.
        #expect(after[0] == before[0] && after[1] == before[1])
        // A one-line message is drawn on the message line alone.
        d.state.flash = Flash("Saved.", role: .saved)
        #expect(Chrome.messageLines(d.state.flash, size: d.state.size) == 1)
        #expect(view(d.state).textLines()[22].contains("Saved."))
    }

    @Test func onlyAWindowTooSmallEndsTheMessageWithAnEllipsis() {
        let long = Flash(String(repeating: "word ", count: 200), role: .alertWarning)
        #expect(Chrome.messageLines(long, size: Size(cols: 80, rows: 24)) == 7)
        var s = Surface(size: Size(cols: 80, rows: 24))
        Chrome.messageLine(&s, long)
        let rows = s.textLines().map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(rows[15].isEmpty && rows[16].hasPrefix("word"), "seven lines, from row 16")
        #expect(rows[22].hasSuffix("…"), "\(rows[22])")
    }
}

extension MessageLineTests {
    @Test func aPathWiderThanTheLineIsBrokenOverLinesNotCut() {
        let path = "/var/lib/wardline/" + String(repeating: "handovers/", count: 9) + "handover-20261205-0730-day.txt"
        let lines = Chrome.messageWrap("Saved at \(path); NOT printed: the print service is not running.", width: 78)
        #expect(lines.allSatisfy { Text.width($0) <= 78 })
        #expect(lines.joined(separator: " ").replacingOccurrences(of: " ", with: "")
                == "Savedat\(path);NOTprinted:theprintserviceisnotrunning.")
    }
}

/// A PRN order's terms on the MAR are never cut at 80 columns, and a held order says so first.
@Suite struct PRNTermsAt80Tests {
    @Test func theTermsWrapUnderTheirColumn() {
        let d = MARFixture.onMAR()
        let text = d.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(text.contains("every ≥120 min, max 20 mg DE/24 h"), "\(d.text)")
    }

    @Test func aHeldPRNOrderSaysHeldFirst() {
        var w = MARFixture.ward()
        var held = MARFixture.prn
        held.terms.status = .held
        w.orders[1] = [MARFixture.taper, held]
        let d = MARFixture.onMAR(ward: w)
        let row = d.text.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("PRN    diazepam") }
        #expect(row?.contains("HELD — CIWA-B") == true, "\(d.text)")
    }
}

/// Allergies are never cut on the patient banner (issue 17 item 3): a long list takes rows of its own.
@Suite struct AllergyBannerTests {
    static let allergies = ["penicillin", "co-trimoxazole", "chlorpromazine", "carbamazepine", "latex", "chlordiazepoxide"]

    static func ward() -> WardSnapshot {
        var w = MARFixture.ward()
        let i = w.patients.firstIndex { $0.id == Fixture.mullerID }!
        w.patients[i].allergies = allergies
        return w
    }

    @Test(arguments: [Fixture.small, Fixture.large])
    func theWholeListShowsOnTheChartAndTheMAR(size: Size) {
        var d = Driver.signedIn(Fixture.ann, size: size)
        d.send(.wardLoaded(Self.ward()))
        d.key(.key(.enter))
        for screen in ["chart", "MAR"] {
            if screen == "MAR" { d.key(.char("m")) }
            let lines = d.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let banner = lines[2...4].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            #expect(banner.contains(PatientBanner.allergyText(Self.allergies)), "\(screen) at \(size):\n\(d.text)")
            #expect(lines[1].contains("Müller, Grete"))
            #expect(!lines[2...3].joined().contains("…"), "\(screen) at \(size):\n\(d.text)")
            #expect(d.text.contains("SEIZURE RISK"), "the risk flags moved below, still shown:\n\(d.text)")
        }
    }
}
