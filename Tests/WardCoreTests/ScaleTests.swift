import Testing
@testable import WardCore

@Suite struct ScaleTests {
    @Test func ciwaArHasTenItemsTotalling0To67() {
        let d = ScaleDefinition.ciwaAr
        #expect(d.items.count == 10)
        #expect(d.items.prefix(9).allSatisfy { $0.range == 0...7 })
        #expect(d.items[9].range == 0...4)
        #expect(d.totalRange == 0...67)
    }

    @Test func we4CiwaArNineIsModerateUnderDefaultAndMildUnderASAM() throws {
        let total = try ScaleDefinition.ciwaAr.total([1, 2, 1, 2, 1, 0, 1, 0, 1, 0])
        #expect(total == 9)
        #expect(shipped.band(.ciwaAr, total: total)?.name == "moderate")
        // The band follows configuration: swap in the ASAM 2020 scheme.
        let asam = defaultText(replacing: """
          { name = "minimal",  min = 0,  max = 7,  level = 0 },
          { name = "moderate", min = 8,  max = 14, level = 1 },
          { name = "severe",   min = 15, max = 67, level = 3 },
        """, with: """
          { name = "mild",     min = 0,  max = 9,  level = 0 },
          { name = "moderate", min = 10, max = 18, level = 1 },
          { name = "severe",   min = 19, max = 67, level = 3 },
        """).replacingOccurrences(of: "[reassessment.intervals.ciwa-ar]\nminimal = 120", with: "[reassessment.intervals.ciwa-ar]\nmild = 240")
        let p = try ProtocolLoader.load(text: asam, file: "asam.toml").get()
        #expect(p.band(.ciwaAr, total: 9)?.name == "mild")
        #expect(p.band(.ciwaAr, total: 20)?.name == "severe")
        #expect(shipped.band(.ciwaAr, total: 20)?.name == "severe")
    }

    @Test func ciwaArOrientationAboveFourIsRejectedNamingTheItem() {
        do { _ = try ScaleDefinition.ciwaAr.total([0, 0, 0, 0, 0, 0, 0, 0, 0, 5]); Issue.record("accepted 5") } catch {
            #expect(error.message.contains("item 10"))
            #expect(error.message.contains("0–4"))
        }
        do { _ = try ScaleDefinition.ciwaAr.total([8, 0, 0, 0, 0, 0, 0, 0, 0, 0]); Issue.record("accepted 8") } catch {
            #expect(error.message.contains("item 1"))
            #expect(error.message.contains("0–7"))
        }
    }

    /// Property: any valid item vector totals within the scale's range and equals the item sum.
    @Test(arguments: [ScaleKind.ciwaB, .ciwaAr, .bwsq])
    func totalsStayInRange(kind: ScaleKind) throws {
        let def = try #require(shipped.definition(kind))
        var rng = SeededRandom(seed: 42)
        for _ in 0..<500 {
            let items = def.items.map { Int.random(in: $0.range, using: &rng) }
            let total = try def.total(items)
            #expect(def.totalRange.contains(total))
            #expect(total == items.reduce(0, +))
            #expect(shipped.band(kind, total: total) != nil)
        }
    }

    @Test func bwsqScoringIsAProtocolSetting() throws {
        #expect(shipped.definition(.bwsq)?.items.count == 20)
        #expect(shipped.definition(.bwsq)?.totalRange == 0...40)
        let text = defaultText(replacing: "itemMax = 2\n", with: "itemMax = 3\n")
            .replacingOccurrences(of: "min = 0, max = 40, level = 0", with: "min = 0, max = 60, level = 0")
        let p = try ProtocolLoader.load(text: text, file: "bwsq3.toml").get()
        #expect(p.definition(.bwsq)?.totalRange == 0...60)
        // Changing the scoring without the bands leaves a gap, reported.
        let bad = problems(defaultText(replacing: "itemMax = 2\n", with: "itemMax = 3\n"))
        #expect(bad.contains { $0.keyPath == "scales.bwsq.bands" && $0.message.contains("gap: totals 41–60") })
    }

    @Test func rassAndPossLabels() {
        #expect(SedationScale.rass.levels.count == 10)
        #expect(SedationScale.rass.label(for: .rass(-2)) == "Light sedation")
        #expect(SedationScale.rass.label(for: .rass(4)) == "Combative")
        #expect(SedationScale.rass.label(for: .rass(-5)) == "Unrousable")
        #expect(SedationScale.rass.label(for: .rass(5)) == nil)
        #expect(SedationScale.poss.levels.count == 5)
        #expect(SedationScale.poss.label(for: .poss(.frequentlyDrowsy))?.hasPrefix("Frequently drowsy") == true)
        #expect(SedationScore.rass(-2).display == "RASS -2 (Light sedation)")
        #expect(SedationScore.rass(1).display == "RASS +1 (Restless)")
    }
}
