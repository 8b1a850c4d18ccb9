import Foundation

/// The one way Wardline writes a dose, a clock time and a duration, on every
/// screen, printout, message and audit detail: a dose reads the same on the
/// MAR, the handover and the patient record.
public enum DoseText {
    /// Milligrams as a chart writes them: no trailing zeros, up to three
    /// decimals ("10", "2.5", "0.25", "0.125").
    public static func mg(_ v: Double) -> String {
        guard v.isFinite else { return "?" }
        let r = (v * 1000).rounded() / 1000
        if r == r.rounded() && abs(r) < 1e12 { return String(Int(r)) }
        var t = Substring(String(format: "%.3f", r))
        while t.hasSuffix("0") { t = t.dropLast() }
        if t.hasSuffix(".") { t = t.dropLast() }
        return String(t)
    }

    /// "14:05" in the ward's local time.
    public static func clock(_ d: Date, _ cal: Calendar = .wardDefault) -> String {
        let c = cal.dateComponents([.hour, .minute], from: d)
        return two(c.hour ?? 0) + ":" + two(c.minute ?? 0)
    }

    /// "2026-12-06 14:05" in the ward's local time.
    public static func dayTime(_ d: Date, _ cal: Calendar = .wardDefault) -> String {
        let c = cal.dateComponents([.year, .month, .day], from: d)
        return String(format: "%04d-%02d-%02d ", c.year ?? 0, c.month ?? 0, c.day ?? 0) + clock(d, cal)
    }

    /// "45 min", "2 h", "2 h 05 min", "3 d 4 h".
    public static func duration(minutes m: Int) -> String {
        let m = max(0, m), h = m / 60, d = h / 24
        if h < 1 { return "\(m) min" }
        if d < 1 { return m % 60 == 0 ? "\(h) h" : "\(h) h \(two(m % 60)) min" }
        return h % 24 == 0 ? "\(d) d" : "\(d) d \(h % 24) h"
    }

    static func two(_ n: Int) -> String { n < 10 && n >= 0 ? "0\(n)" : String(n) }
}
