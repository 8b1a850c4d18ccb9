/// Who rates an item: the patient reports it, or the nurse observes it.
public enum Rater: String, Sendable, Codable {
    case patient, observer
}

/// One item of a published instrument.
public struct ScaleItem: Sendable, Hashable {
    public var key: String                 // "a" … "t", or "nausea"
    public var label: String
    public var rater: Rater
    public var range: ClosedRange<Int>
    /// Anchor texts for some or all points, shown while the item is being scored.
    public var anchors: [Int: String]
    /// Provenance of the item wording (facts.md status).
    public var status: String

    public init(key: String, label: String, rater: Rater, range: ClosedRange<Int>,
                anchors: [Int: String], status: String) {
        self.key = key; self.label = label; self.rater = rater; self.range = range
        self.anchors = anchors; self.status = status
    }
}

/// A published instrument: its items and how its total is formed.
/// Instrument definitions are the published scales themselves, not ward
/// choices; every ward-set number (bands, intervals, thresholds) is in the
/// protocol.
public struct ScaleDefinition: Sendable {
    public var kind: ScaleKind
    public var name: String
    public var items: [ScaleItem]
    public var source: String

    public var totalRange: ClosedRange<Int> {
        items.map(\.range.lowerBound).reduce(0, +)...items.map(\.range.upperBound).reduce(0, +)
    }
}

public struct ItemScoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension ScaleDefinition {
    /// Validates `scores` against the items and returns the total, or a message
    /// naming the item and its range.
    public func total(_ scores: [Int]) throws(ItemScoreError) -> Int {
        guard scores.count == items.count else {
            throw ItemScoreError(message: "\(name) needs \(items.count) item scores, got \(scores.count)")
        }
        for (n, (item, score)) in zip(items, scores).enumerated() where !item.range.contains(score) {
            throw ItemScoreError(message: "\(name) item \(n + 1) (\(item.label)): \(score) is outside \(item.range.lowerBound)–\(item.range.upperBound)")
        }
        return scores.reduce(0, +)
    }
}
