/// One way a protocol's NEWS2 scoring differs from the RCP chart.
public struct NEWS2ChartDifference: Sendable, Hashable, CustomStringConvertible {
    /// The [news2] key, e.g. "respirationRate".
    public var parameter: String
    /// "band ≤ 8 scores 0, RCP chart scores 3".
    public var detail: String
    /// The protocol lists `parameter` in `localDeviations`: a deliberate local change, noted, not warned.
    public var isLocalDeviation: Bool
    public var description: String {
        "news2.\(parameter): \(detail)" + (isLocalDeviation ? " (LOCAL-DEVIATION, marked in the protocol)" : "")
    }
}

/// Compares a protocol's NEWS2 scoring with the RCP chart kept as data in
/// Resources/rcp-news2-chart.toml (RCP 2017 [S18][S19]; the RCP says the chart
/// must not be modified). A difference is a warning unless the protocol marks
/// that parameter in `[news2] localDeviations`.
public enum NEWS2ChartCheck {
    /// Parameter names a protocol may list in `localDeviations`.
    public static let parameters = [
        "respirationRate", "spo2Scale1", "spo2Scale2OnAir", "spo2Scale2OnOxygen", "systolicBP", "pulse", "temperature",
        "airScore", "oxygenScore", "alertScore", "confusionVPUScore", "redScore",
    ]

    /// The RCP chart (embedded; validated by the test suite, so a failure here is a build defect).
    public static let rcpChart: NEWS2Rules = {
        let text = String(decoding: PackageResources.rcp_news2_chart_toml, as: UTF8.self)
        guard let doc = try? TOMLParser.parse(text) else { preconditionFailure("rcp-news2-chart.toml does not parse") }
        var r = TOMLReader(doc)
        let chart = r.section(doc, "news2") { t, p, r in ProtocolDecoder.decodeNEWS2(t, p, &r) }
        r.reportUnknownKeys(doc, at: "")
        guard let chart, r.problems.isEmpty else { preconditionFailure("rcp-news2-chart.toml is invalid: \(r.problems)") }
        return chart
    }()

    /// Every difference of `rules` from the RCP chart, in chart order.
    public static func differences(_ rules: NEWS2Rules, reference rcp: NEWS2Rules = rcpChart) -> [NEWS2ChartDifference] {
        var out: [NEWS2ChartDifference] = []
        func add(_ parameter: String, _ detail: String) {
            out.append(NEWS2ChartDifference(parameter: parameter, detail: detail,
                                            isLocalDeviation: rules.localDeviations.contains(parameter)))
        }
        let banded: [(String, KeyPath<NEWS2Rules, BandedParameter>)] = [
            ("respirationRate", \.respirationRate), ("spo2Scale1", \.spo2Scale1), ("spo2Scale2OnAir", \.spo2Scale2OnAir),
            ("spo2Scale2OnOxygen", \.spo2Scale2OnOxygen), ("systolicBP", \.systolicBP), ("pulse", \.pulse),
            ("temperature", \.temperature),
        ]
        for (name, path) in banded {
            for d in bandDifferences(rules[keyPath: path], rcp[keyPath: path]) { add(name, d) }
        }
        let scalars: [(String, KeyPath<NEWS2Rules, Int>, String)] = [
            ("airScore", \.airScore, "air"), ("oxygenScore", \.oxygenScore, "oxygen"), ("alertScore", \.alertScore, "Alert"),
            ("confusionVPUScore", \.confusionVPUScore, "new confusion, V, P or U"), ("redScore", \.redScore, "a red score"),
        ]
        for (name, path, label) in scalars where rules[keyPath: path] != rcp[keyPath: path] {
            add(name, "\(label) scores \(rules[keyPath: path]), RCP chart scores \(rcp[keyPath: path])")
        }
        return out
    }

    /// Each band of `mine` whose score differs from the RCP score of any value it covers.
    static func bandDifferences(_ mine: BandedParameter, _ rcp: BandedParameter) -> [String] {
        let eps = min(mine.step, rcp.step) / 1000
        return mine.bands.compactMap { band -> String? in
            let overlapping = rcp.bands.filter { r in
                let lo = Swift.max(band.min ?? -.infinity, r.min ?? -.infinity)
                let hi = Swift.min(band.max ?? .infinity, r.max ?? .infinity)
                return lo <= hi + eps
            }
            guard overlapping.contains(where: { $0.score != band.score }) else { return nil }
            let theirs = overlapping.count == 1 ? "\(overlapping[0].score)"
                : overlapping.map { "\($0.score) (\($0.rangeText))" }.joined(separator: ", ")
            return "band \(band.rangeText) scores \(band.score), RCP chart scores \(theirs)"
        }
    }
}

extension ParameterBand {
    /// "≤ 8", "9–11", "≥ 25" (as the chart prints a band).
    public var rangeText: String {
        switch (min.map(fmt), max.map(fmt)) {
        case (nil, let h?): "≤ \(h)"
        case (let l?, nil): "≥ \(l)"
        case (let l?, let h?): l == h ? l : "\(l)–\(h)"
        default: "any value"
        }
    }
}
