import Foundation

/// Fixed-format times for printouts (no locale surprises): "14:05",
/// "28 Nov 14:05", "28 Nov 2026 14:05", in the ward's time zone.
public struct ReportTime: Sendable, Hashable {
    public var timeZone: TimeZone
    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private func parts(_ d: Date) -> DateComponents {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        return c.dateComponents([.year, .month, .day, .hour, .minute], from: d)
    }
    public func time(_ d: Date) -> String {
        let c = parts(d)
        return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }
    public func dayMonth(_ d: Date) -> String {
        let c = parts(d)
        return "\(c.day ?? 0) \(Self.months[((c.month ?? 1) - 1) % 12])"
    }
    public func date(_ d: Date) -> String { "\(dayMonth(d)) \(parts(d).year ?? 0)" }
    public func dateTime(_ d: Date) -> String { "\(date(d)) \(time(d))" }
    /// "14:05" when on the same calendar day as `reference`, else "27 Nov 22:10".
    public func timeOrDateTime(_ d: Date, relativeTo reference: Date) -> String {
        let a = parts(d), b = parts(reference)
        return (a.year, a.month, a.day) == (b.year, b.month, b.day) ? time(d) : "\(dayMonth(d)) \(time(d))"
    }
}
