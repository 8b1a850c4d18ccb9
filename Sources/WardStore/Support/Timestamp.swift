import Foundation

/// Every time the store writes is UTC text with milliseconds,
/// "2026-11-28T14:05:00.000Z": readable in the sqlite3 shell, sortable as
/// text, and byte-for-byte stable for the audit hash.
enum Timestamp {
    static func text(_ date: Date) -> String { text(milliseconds: Int64((date.timeIntervalSince1970 * 1000).rounded(.down))) }

    /// As `text`, but rounded up to the next millisecond: the stored time is
    /// never earlier than `date` (`text` rounds down, so it is never later).
    static func textRoundedUp(_ date: Date) -> String {
        text(milliseconds: Int64((date.timeIntervalSince1970 * 1000).rounded(.up)))
    }

    private static func text(milliseconds ms: Int64) -> String {
        var secs = time_t(ms >= 0 ? ms / 1000 : (ms - 999) / 1000)
        let milli = Int(ms - Int64(secs) * 1000)
        var t = tm()
        gmtime_r(&secs, &t)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                      Int(t.tm_year) + 1900, Int(t.tm_mon) + 1, Int(t.tm_mday),
                      Int(t.tm_hour), Int(t.tm_min), Int(t.tm_sec), milli)
    }

    static func date(_ text: String) -> Date? {
        let u = Array(text.utf8)
        guard u.count == 24, u[4] == 45, u[7] == 45, u[10] == 84, u[13] == 58, u[16] == 58,
              u[19] == 46, u[23] == 90 else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r { guard (48...57).contains(u[i]) else { return nil }; v = v * 10 + Int(u[i] - 48) }
            return v
        }
        guard let y = num(0..<4), let mo = num(5..<7), let d = num(8..<10), let h = num(11..<13),
              let mi = num(14..<16), let s = num(17..<19), let ms = num(20..<23) else { return nil }
        var t = tm()
        t.tm_year = Int32(y - 1900); t.tm_mon = Int32(mo - 1); t.tm_mday = Int32(d)
        t.tm_hour = Int32(h); t.tm_min = Int32(mi); t.tm_sec = Int32(s)
        let secs = timegm(&t)
        return Date(timeIntervalSince1970: Double(secs) + Double(ms) / 1000)
    }

    /// The date as it will read back from the database (millisecond precision).
    static func stored(_ date: Date) -> Date { Self.date(text(date)) ?? date }
}
