import Testing
@testable import WardCore

/// `[taper.stock.<drug>]` in the protocol file, and the older `[taper.tablets]`
/// that existing ward files still use.
@Suite struct TaperStockProtocolTests {
    static let newSection = """
        [taper.stock.diazepam]
        \(shippedDiazepamStock)
        """
    static func legacySection(halves: Bool) -> String {
        """
        [taper.tablets]
        drug = "diazepam"
        strengthsMg = [2, 5, 10]
        allowHalves = \(halves)
        """
    }

    @Test func shippedStockIsDiazepamTwoFiveTenScored() {
        let t = shipped.taper
        #expect(Array(t.stock.keys) == ["diazepam"])
        let s = t.stock(for: "Diazepam")
        #expect(s?.strengths == [TabletStrength(mg: 2, scored: true), TabletStrength(mg: 5, scored: true), TabletStrength(mg: 10, scored: true)])
        #expect(s?.provenance.status == .unconfirmed)
        #expect(s?.provenance.source.contains("check ward stock") == true)
        #expect(t.defaultDrug == "diazepam")
        // The one-drug view older callers use.
        #expect(t.tabletDrug == "diazepam" && t.tabletStrengthsMg == [2, 5, 10] && t.allowHalves)
    }

    /// A ward file written before per-drug stock still loads, as that drug's
    /// stock with every strength scored exactly when halves were allowed, and
    /// plans as the new form does.
    @Test(arguments: [true, false]) func olderTabletsTableStillLoads(halves: Bool) throws {
        let text = defaultText(replacing: Self.newSection, with: Self.legacySection(halves: halves))
        let old = try ProtocolLoader.load(text: text, file: "ward-2026.toml").get()
        let s = try #require(old.taper.stock(for: "diazepam"))
        #expect(s.strengths.map(\.mg) == [2, 5, 10])
        #expect(s.strengths.allSatisfy { $0.scored == halves })
        #expect(s.provenance == shipped.taper.stock(for: "diazepam")?.provenance)
        #expect(old.taper.defaultDrug == "diazepam")
        let req = TaperRequest(startMg: 20, phases: [TaperPhase(untilMg: 10, reduction: .mg(2.5), everyDays: 14)])
        let p = try TaperPlanner.plan(req, rules: old.taper, equivalence: old.equivalence)
        if halves {
            #expect(p == (try TaperPlanner.plan(req, rules: shipped.taper, equivalence: shipped.equivalence)))
        } else {
            #expect(!p.steps.contains { $0.dailyMg == 17.5 })
        }
        #expect(!ProtocolSummary.lines(old).isEmpty)
    }

    @Test func olderTabletsMistakesKeepTheirKeyPath() {
        let text = defaultText(replacing: Self.newSection, with: Self.legacySection(halves: true))
            .replacingOccurrences(of: "strengthsMg = [2, 5, 10]", with: "strengthsMg = [0, 5, 10]")
        let found = problems(text)
        #expect(found.contains { $0.keyPath == "taper.tablets.strengthsMg[0]" && $0.line == line(of: "strengthsMg = [0, 5, 10]", in: text) },
                "\(found)")
    }

    @Test func bothFormsAtOnceAreRefused() {
        let text = defaultText(replacing: Self.newSection, with: Self.newSection + "\n" + "source = \"x\"\n\n" + Self.legacySection(halves: true))
        let found = problems(text)
        let header = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "[taper.tablets]" }.map { $0 + 1 }
        #expect(found.contains { $0.keyPath == "taper.tablets" && $0.message.contains("not both") && $0.line == header },
                "\(found)")
    }

    @Test func noStockAtAllIsMissing() {
        let text = defaultText(replacing: Self.newSection + "\n", with: "")
            .replacingOccurrences(of: "source = \"Local formulary - check ward stock; NHS Lothian supplies only 2 mg and 5 mg tablets [S35]\"\nstatus = \"UNCONFIRMED\"\n", with: "")
        #expect(problems(text).contains { $0.keyPath == "taper.stock" && $0.message.contains("missing") })
    }

    /// Each mistake in a stock table, with the key path and line it is reported at.
    @Test(arguments: [
        ("{ mg = 5, scored = true }", "{ mg = 0, scored = true }", "taper.stock.diazepam.strengths[1].mg", "out of range"),
        ("{ mg = 5, scored = true }", "{ mg = 5, scored = \"yes\" }", "taper.stock.diazepam.strengths[1].scored", "true or false"),
        ("{ mg = 5, scored = true }", "{ mg = 5 }", "taper.stock.diazepam.strengths[1].scored", "missing"),
        ("{ mg = 5, scored = true }", "{ mg = 5, scored = true, colour = \"blue\" }", "taper.stock.diazepam.strengths[1].colour", "unknown key"),
        ("{ mg = 5, scored = true }", "{ mg = 2, scored = false }", "taper.stock.diazepam.strengths[1].mg", "listed twice"),
        ("{ mg = 5, scored = true }", "{ mg = 5.0001, scored = true }", "taper.stock.diazepam.strengths[1].mg", "3 decimals"),
        ("{ mg = 5, scored = true }", "5", "taper.stock.diazepam.strengths[1]", "expected { mg"),
    ]) func stockMistakeIsReportedWithKeyPathAndLine(old: String, new: String, keyPath: String, message: String) {
        let text = defaultText(replacing: old, with: new)
        let found = problems(text)
        let match = found.first { $0.keyPath == keyPath && $0.message.contains(message) }
        #expect(match != nil, "expected \(keyPath) '\(message)', got \(found)")
        #expect(match?.line == line(of: "strengths = [", in: text))
    }

    @Test func emptyStrengthsAreReported() {
        let text = defaultText(replacing: shippedDiazepamStock, with: "strengths = []")
        #expect(problems(text).contains { $0.keyPath == "taper.stock.diazepam.strengths" && $0.message.contains("at least one") })
    }

    @Test func aStockTableNeedsItsSource() {
        let text = defaultText(replacing: "# When scheduled doses are given",
                               with: "[taper.stock.lorazepam]\nstrengths = [ { mg = 1, scored = true } ]\n\n# When scheduled doses are given")
        #expect(problems(text).contains { $0.keyPath == "taper.stock.lorazepam.source" && $0.message.contains("missing") })
    }

    /// A second drug's stock is read, listed by `protocol show`, and the default
    /// drug for a new taper stays diazepam.
    @Test func aSecondDrugStockIsReadAndShown() throws {
        let p = try protocolWithStock(extra: """
            [taper.stock.lorazepam]
            strengths = [ { mg = 1, scored = true }, { mg = 2.5, scored = false } ]
            source = "test fixture"
            status = "UNCONFIRMED"
            """)
        let s = try #require(p.taper.stock(for: "lorazepam"))
        #expect(s.strengths == [TabletStrength(mg: 1, scored: true), TabletStrength(mg: 2.5, scored: false)])
        #expect(p.taper.defaultDrug == "diazepam")
        let lines = ProtocolSummary.lines(p)
        #expect(lines.contains { $0.contains("ward stock of lorazepam") })
        #expect(lines.contains { $0.contains("1 mg (scored), 2.5 mg") })
        #expect(lines.contains { $0.contains("ward stock of diazepam (default drug for a new taper)") })
    }

    @Test func summaryDescribesWhatTheShippedStockMakes() {
        let lines = ProtocolSummary.lines(shipped)
        // Pieces 1 (half of 2), 2, 2.5 (half of 5), 5, 10: 1.5 cannot be made, every half mg from 2 mg can.
        #expect(lines.contains { $0.contains("2 mg (scored), 5 mg (scored), 10 mg (scored)") && $0.contains("every 0.5 mg from 2 mg, and 1 mg") })
    }
}
