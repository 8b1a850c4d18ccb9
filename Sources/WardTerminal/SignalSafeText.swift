/// Text built inside a signal handler: into a buffer allocated beforehand,
/// with integer arithmetic only. No String, no Array, no malloc, no locale,
/// no gmtime (none of them is async-signal-safe: a fault inside malloc
/// would deadlock a handler that allocates, leaving the terminal raw).
struct SignalSafeText {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int
    private(set) var count = 0

    init(base: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    mutating func append(_ byte: UInt8) {
        guard count < capacity else { return }
        base[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafePointer<UInt8>, _ n: Int) {
        for i in 0..<max(0, n) { append(bytes[i]) }
    }

    /// `value` (0 or more; a negative value is written as 0) in decimal,
    /// left-padded with zeros to `width` digits. Nothing when it would not fit.
    mutating func appendDecimal(_ value: Int, width: Int = 1) {
        let v = max(0, value)
        var digits = 1
        var rest = v / 10
        while rest > 0 { digits += 1; rest /= 10 }
        let total = max(digits, width)
        guard count + total <= capacity else { return }
        var x = v
        var i = count + total - 1
        for _ in 0..<total { base[i] = UInt8(48 + x % 10); x /= 10; i -= 1 }
        count += total
    }

    /// "2026-12-05T04:53:52Z" for seconds since 1970 (UTC), as the log stamps
    /// its lines; civil-from-days after H. Hinnant, integers only.
    mutating func appendUTCStamp(secondsSince1970 t: Int) {
        let days = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
        let secs = t - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        appendDecimal(year, width: 4); append(45)
        appendDecimal(month, width: 2); append(45)
        appendDecimal(day, width: 2); append(84)
        appendDecimal(secs / 3_600, width: 2); append(58)
        appendDecimal(secs / 60 % 60, width: 2); append(58)
        appendDecimal(secs % 60, width: 2); append(90)
    }
}
