/// How sure the sources are about a protocol value (facts.md status words).
public enum EvidenceStatus: String, Sendable, Hashable, CaseIterable {
    case confirmed = "CONFIRMED"
    case secondary = "SECONDARY"
    case unconfirmed = "UNCONFIRMED"
    case conflict = "CONFLICT"
}

/// Where a group of protocol values comes from, as the protocol file states it.
public struct Provenance: Sendable, Hashable {
    public var source: String
    public var status: EvidenceStatus
    public init(source: String, status: EvidenceStatus) { self.source = source; self.status = status }
}

/// A time of day on the ward clock, written "HH:MM" in the protocol.
public struct ClockTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour; self.minute = minute
    }
    /// Parses "07:30". Nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(hour: h, minute: m)
    }
    public var minutesSinceMidnight: Int { hour * 60 + minute }
    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
    public static func < (a: Self, b: Self) -> Bool { a.minutesSinceMidnight < b.minutesSinceMidnight }
}
