import Foundation
import WardCore

/// Times as a nurse reads them, in the ward's calendar. Month and day names
/// are fixed English abbreviations so screens don't depend on the locale.
public enum Format {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// "14:05"
    public static func clock(_ d: Date, _ cal: Calendar) -> String { DoseText.clock(d, cal) }

    /// Zero-padded to two digits ("05"); cheaper than String(format:) in a frame.
    static func two(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : String(n) }

    /// "28 Nov 14:05"
    public static func dayClock(_ d: Date, _ cal: Calendar) -> String {
        let c = cal.dateComponents([.day, .month], from: d)
        return String(format: "%2d ", c.day ?? 0) + months[((c.month ?? 1) - 1) % 12] + " " + clock(d, cal)
    }

    /// "26 Nov"
    public static func dayMonth(_ d: Date, _ cal: Calendar) -> String {
        let c = cal.dateComponents([.day, .month], from: d)
        return "\(c.day ?? 0) " + months[((c.month ?? 1) - 1) % 12]
    }

    /// "Sat 28 Nov 14:05"
    public static func longClock(_ d: Date, _ cal: Calendar) -> String {
        let w = cal.component(.weekday, from: d)
        return weekdays[(w - 1) % 7] + " " + dayClock(d, cal).trimmingCharacters(in: .whitespaces)
    }

    /// "just now", "45m ago", "2h10m ago", "3d4h ago"; "in the future" for clock skew.
    public static func ago(_ then: Date, now: Date) -> String {
        let s = Int(now.timeIntervalSince(then))
        if s < 0 { return "in the future" }
        let m = s / 60, h = m / 60, d = h / 24
        if m < 1 { return "just now" }
        if h < 1 { return "\(m)m ago" }
        if d < 1 { return "\(h)h\(two(m % 60))m ago" }
        return "\(d)d\(h % 24)h ago"
    }
}
