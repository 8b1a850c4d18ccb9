import Testing
@testable import WardCore

/// `protocol check` compares [news2] with the RCP chart kept as data (Resources/rcp-news2-chart.toml).
@Suite struct NEWS2ChartCheckTests {
    static let rrLow = "{ max = 8, score = 3 }, { min = 9, max = 11, score = 1 }"

    @Test func theShippedProtocolIsTheRCPChart() {
        #expect(NEWS2ChartCheck.differences(shipped.news2).isEmpty)
    }

    /// The RCP reference scores facts.md §4.1's chart (not an echo of the protocol).
    @Test(arguments: [(8.0, 3), (9.0, 1), (20.0, 0), (21.0, 2), (25.0, 3)])
    func theReferenceScoresRespirationRateAsChart1(rr: Double, score: Int) {
        #expect(NEWS2ChartCheck.rcpChart.respirationRate.score(rr) == score)
    }

    @Test func respirationRateEightRescoredZeroIsAWarningNamingTheBand() throws {
        let text = defaultText(replacing: Self.rrLow, with: "{ max = 8, score = 0 }, { min = 9, max = 11, score = 1 }")
        let p = try ProtocolLoader.load(text: text, file: "rr.toml").get()
        let d = NEWS2ChartCheck.differences(p.news2)
        #expect(d.map(\.description) == ["news2.respirationRate: band ≤ 8 scores 0, RCP chart scores 3"])
        #expect(d.allSatisfy { !$0.isLocalDeviation })
    }

    @Test func aMovedBoundaryNamesEveryRCPScoreTheBandCovers() throws {
        // Pulse 41–50 widened to 41–55: 51–55 scores 0 on the chart.
        let text = defaultText(replacing: "{ min = 41, max = 50, score = 1 }, { min = 51, max = 90, score = 0 }",
                               with: "{ min = 41, max = 55, score = 1 }, { min = 56, max = 90, score = 0 }")
        let p = try ProtocolLoader.load(text: text, file: "pulse.toml").get()
        #expect(NEWS2ChartCheck.differences(p.news2).map(\.description)
                == ["news2.pulse: band 41–55 scores 1, RCP chart scores 1 (41–50), 0 (51–90)"])
    }

    @Test func aChangedScalarScoreIsAWarning() throws {
        let p = try ProtocolLoader.load(text: defaultText(replacing: "airScore = 0", with: "airScore = 1"), file: "air.toml").get()
        #expect(NEWS2ChartCheck.differences(p.news2).map(\.description) == ["news2.airScore: air scores 1, RCP chart scores 0"])
    }

    @Test func aLocalDeviationIsNotedNotWarned() throws {
        let text = defaultText(replacing: Self.rrLow, with: "{ max = 8, score = 0 }, { min = 9, max = 11, score = 1 }")
            .replacingOccurrences(of: "temperatureStep = 0.1 ", with: "localDeviations = [\"respirationRate\"]\ntemperatureStep = 0.1 ")
        let p = try ProtocolLoader.load(text: text, file: "local.toml").get()
        let d = NEWS2ChartCheck.differences(p.news2)
        #expect(d.count == 1 && d[0].isLocalDeviation)
        #expect(d[0].description.contains("LOCAL-DEVIATION"))
    }

    @Test func anUnknownLocalDeviationNameIsAProblem() {
        let text = defaultText(replacing: "temperatureStep = 0.1 ", with: "localDeviations = [\"resp\"]\ntemperatureStep = 0.1 ")
        guard case .failure(let e) = ProtocolLoader.load(text: text, file: "bad.toml") else { Issue.record("accepted"); return }
        #expect(e.problems.map(\.keyPath) == ["news2.localDeviations[0]"])
    }
}
