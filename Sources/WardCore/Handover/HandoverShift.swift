import Foundation

/// One occurrence of a shift on the calendar: "day" on 28 Nov, 07:30–19:30.
public struct ShiftOccurrence: Sendable, Hashable {
    /// The shift's name from the protocol ("day", "night"), or nil for a custom HH:MM-HH:MM.
    public var name: String?
    public var interval: DateInterval
    public init(name: String?, interval: DateInterval) { self.name = name; self.interval = interval }
    public var start: Date { interval.start }
    public var end: Date { interval.end }
}

/// Which shift a handover is about. Pure calendar arithmetic over the
/// protocol's `[shifts]`; no clinical numbers.
public enum HandoverShift {
    /// The occurrence of `start`–`end` that begins on the calendar day of `day`
    /// (a shift ending at or before its start runs past midnight).
    public static func occurrence(start: ClockTime, end: ClockTime, name: String?, startingOn day: Date,
                                  calendar: Calendar) -> ShiftOccurrence {
        let midnight = calendar.startOfDay(for: day)
        let s = calendar.date(byAdding: .minute, value: start.minutesSinceMidnight, to: midnight) ?? midnight
        var minutes = end.minutesSinceMidnight - start.minutesSinceMidnight
        if minutes <= 0 { minutes += 24 * 60 }
        let e = calendar.date(byAdding: .minute, value: minutes, to: s) ?? s
        return ShiftOccurrence(name: name, interval: DateInterval(start: s, end: e))
    }

    /// The latest occurrence of `start`–`end` that has begun by `now`.
    public static func latest(start: ClockTime, end: ClockTime, name: String?, atOrBefore now: Date,
                              calendar: Calendar) -> ShiftOccurrence {
        let today = occurrence(start: start, end: end, name: name, startingOn: now, calendar: calendar)
        if today.start <= now { return today }
        let yesterday = calendar.date(byAdding: .day, value: -1, to: now) ?? now
        return occurrence(start: start, end: end, name: name, startingOn: yesterday, calendar: calendar)
    }

    /// The shift whose handover is nearest in time to `now`: the current shift
    /// once it is past its middle (the outgoing nurse prepares it), else the
    /// shift that ended last (the incoming nurse receives it).
    public static func nearest(_ rules: ShiftRules, at now: Date, calendar: Calendar) -> ShiftOccurrence? {
        guard let current = current(rules, at: now, calendar: calendar) else {
            return rules.shifts.map { latest(start: $0.start, end: $0.end, name: $0.name, atOrBefore: now, calendar: calendar) }
                .max { $0.start < $1.start }
        }
        let middle = current.start.addingTimeInterval(current.interval.duration / 2)
        if now >= middle { return current }
        return previous(rules, before: current, calendar: calendar) ?? current
    }

    /// The shift on at `now` (its nurses prepare its handover); nil when no shift covers `now`.
    public static func current(_ rules: ShiftRules, at now: Date, calendar: Calendar) -> ShiftOccurrence? {
        rules.shifts.map { latest(start: $0.start, end: $0.end, name: $0.name, atOrBefore: now, calendar: calendar) }
            .filter { $0.interval.contains(now) && $0.end != now }
            .max { $0.start < $1.start }
    }

    /// The shift that ended when `occurrence` began.
    public static func previous(_ rules: ShiftRules, before occurrence: ShiftOccurrence,
                                calendar: Calendar) -> ShiftOccurrence? {
        let justBefore = occurrence.start.addingTimeInterval(-1)
        return rules.shifts.lazy
            .map { latest(start: $0.start, end: $0.end, name: $0.name, atOrBefore: justBefore, calendar: calendar) }
            .first { $0.end == occurrence.start }
    }

    /// The shift that begins when `occurrence` ends.
    public static func next(_ rules: ShiftRules, after occurrence: ShiftOccurrence,
                            calendar: Calendar) -> ShiftOccurrence? {
        rules.shifts.lazy
            .map { latest(start: $0.start, end: $0.end, name: $0.name, atOrBefore: occurrence.end, calendar: calendar) }
            .first { $0.start == occurrence.end }
    }

    /// "Day 28 Nov 07:30-19:30" style label pieces: the name capitalised, or the times.
    public static func label(_ o: ShiftOccurrence, calendar: Calendar) -> String {
        if let n = o.name, !n.isEmpty { return n.prefix(1).uppercased() + n.dropFirst() }
        let a = calendar.dateComponents([.hour, .minute], from: o.start)
        let b = calendar.dateComponents([.hour, .minute], from: o.end)
        return String(format: "%02d:%02d-%02d:%02d", a.hour ?? 0, a.minute ?? 0, b.hour ?? 0, b.minute ?? 0)
    }
}

extension HandoverShift {
    /// Reads a `--shift` / `--date` pair: a shift name from the protocol
    /// ("day"), or "HH:MM-HH:MM"; the date (YYYY-MM-DD) the shift starts on,
    /// else its latest occurrence that has begun. Neither: the nearest handover.
    /// Failure is a sentence saying what to type instead.
    public static func resolve(shift spec: String?, date: String?, rules: ShiftRules, now: Date,
                               calendar: Calendar) -> Result<ShiftOccurrence, ShiftSpecError> {
        var day: Date? = nil
        if let date {
            guard let d = CalendarDate(date),
                  let at = calendar.date(from: DateComponents(year: d.year, month: d.month, day: d.day)),
                  calendar.component(.day, from: at) == d.day else {
                return .failure(ShiftSpecError("--date \(date) is not a date; use YYYY-MM-DD, e.g. 2026-11-28"))
            }
            day = at
        }
        guard let spec else {
            if day != nil { return .failure(ShiftSpecError("--date needs --shift: say which shift of that day (\(names(rules)))")) }
            guard let o = nearest(rules, at: now, calendar: calendar) else {
                return .failure(ShiftSpecError("the ward protocol lists no shifts"))
            }
            return .success(o)
        }
        let start: ClockTime, end: ClockTime, name: String?
        if let s = rules.shifts.first(where: { $0.name.caseInsensitiveCompare(spec) == .orderedSame }) {
            (start, end, name) = (s.start, s.end, s.name)
        } else {
            let parts = spec.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, let a = ClockTime(String(parts[0])), let b = ClockTime(String(parts[1])) else {
                return .failure(ShiftSpecError("--shift \(spec) is neither a shift of the ward protocol (\(rules.shifts.map(\.name).joined(separator: ", "))) nor HH:MM-HH:MM"))
            }
            guard a != b else { return .failure(ShiftSpecError("--shift \(spec) starts and ends at the same time; give two different times")) }
            (start, end, name) = (a, b, nil)
        }
        let o = day.map { occurrence(start: start, end: end, name: name, startingOn: $0, calendar: calendar) }
            ?? latest(start: start, end: end, name: name, atOrBefore: now, calendar: calendar)
        guard o.start <= now else {
            return .failure(ShiftSpecError("that shift (starting \(date ?? "") \(start)) has not begun yet; choose one that has"))
        }
        return .success(o)
    }

    static func names(_ rules: ShiftRules) -> String {
        (rules.shifts.map(\.name) + ["HH:MM-HH:MM"]).joined(separator: ", ")
    }
}

public struct ShiftSpecError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
