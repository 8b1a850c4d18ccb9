import Foundation

/// The one source of "now". Every rule that depends on time takes a clock,
/// so tests and snapshots run at a fixed moment.
public protocol WardClock: Sendable {
    func now() -> Date
}

public struct SystemClock: WardClock {
    public init() {}
    public func now() -> Date { Date() }
}

public struct FixedClock: WardClock {
    public let instant: Date
    public init(_ instant: Date) { self.instant = instant }
    /// ISO-8601 UTC, e.g. "2026-11-28T14:05:00Z". Traps on a malformed literal (tests only).
    public init(iso8601: String) {
        guard let d = ISO8601DateFormatter().date(from: iso8601) else {
            preconditionFailure("bad ISO-8601 literal \(iso8601)")
        }
        self.instant = d
    }
    public func now() -> Date { instant }
}
