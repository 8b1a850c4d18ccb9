import Foundation

/// The ward's time zone in end-to-end tests. Wardline keeps ward-local time in the process's
/// time zone (`Calendar.wardDefault`: `TZ`, else the system's), so every program these tests
/// start runs with `TZ` set to this zone, and the tests compute ward-local times (a dose due
/// "now", today's date) with `calendar`, never with this process's own zone.
///
/// The zone is fixed for the whole test run and chosen when it starts so that the ward's local
/// time is between 12:00 and 13:00: no test, however slow, runs across a ward midnight (a dose
/// "due today" cannot turn into tomorrow's while processes line up for the never-twice race).
/// `Etc/GMT±N` zones have whole-hour offsets and no daylight saving.
enum WardZone {
    /// Hours east of UTC, -11…+12.
    static let offsetHours: Int = {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        return 12 - utc.component(.hour, from: Date())
    }()

    /// The `TZ` value (the Etc/GMT sign is POSIX's: Etc/GMT-5 is five hours east of UTC).
    static let identifier = offsetHours == 0 ? "Etc/UTC" : "Etc/GMT\(offsetHours > 0 ? "-" : "+")\(abs(offsetHours))"

    static let timeZone = TimeZone(secondsFromGMT: offsetHours * 3600)!

    /// Gregorian in the ward's zone: what `Calendar.wardDefault` is in the programs the tests start.
    static var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        return c
    }

    /// `environment` (default: this process's) with `TZ` pinned to the ward's zone.
    static func environment(_ environment: [String: String]? = nil) -> [String: String] {
        var env = environment ?? ProcessInfo.processInfo.environment
        env["TZ"] = identifier
        return env
    }
}
