import Foundation

/// A nurse assigned to a bed for one shift.
public struct BedAssignment: Sendable, Hashable, Codable {
    public var bed: String
    public var staff: StaffKey
    public var staffID: String
    public var staffName: String
    public var shift: String
    public var shiftStart: Date
    public var assignedAt: Date
    public init(bed: String, staff: StaffKey, staffID: String, staffName: String, shift: String, shiftStart: Date, assignedAt: Date) {
        self.bed = bed; self.staff = staff; self.staffID = staffID; self.staffName = staffName
        self.shift = shift; self.shiftStart = shiftStart; self.assignedAt = assignedAt
    }
}

/// The shift in force at a moment and when it started.
public struct ShiftInstance: Sendable, Hashable {
    public var name: String
    public var start: Date
}

extension ShiftRules {
    /// The shift covering `date` and its start (a night shift that began
    /// yesterday evening starts yesterday). Nil when no shift covers it.
    public func instance(at date: Date, calendar: Calendar) -> ShiftInstance? {
        let c = calendar.dateComponents([.hour, .minute], from: date)
        guard let t = ClockTime(hour: c.hour ?? 0, minute: c.minute ?? 0), let s = shift(at: t) else { return nil }
        let day = calendar.startOfDay(for: date)
        guard var start = calendar.date(byAdding: .minute, value: s.start.minutesSinceMidnight, to: day) else { return nil }
        if start > date { start = calendar.date(byAdding: .day, value: -1, to: start) ?? start }
        return ShiftInstance(name: s.name, start: start)
    }
}
