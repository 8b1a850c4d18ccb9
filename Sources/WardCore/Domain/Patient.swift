import Foundation

public enum Sex: String, Sendable, Codable, CaseIterable {
    case female, male, other, unknown
    public var letter: String {
        switch self { case .female: "F"; case .male: "M"; case .other: "X"; case .unknown: "U" }
    }
}

/// A date without a time (dates of birth), stored as "YYYY-MM-DD".
public struct CalendarDate: Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...31).contains(day), year > 1800 else { return nil }
        self.year = year; self.month = month; self.day = day
    }
    public init?(_ text: String) {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }
    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }
    public static func < (a: Self, b: Self) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// Whole years of age on `date`, in `calendar`'s time zone.
    public func age(on date: Date, calendar: Calendar = .wardDefault) -> Int {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        var age = (c.year ?? year) - year
        if (c.month ?? 0, c.day ?? 0) < (month, day) { age -= 1 }
        return max(0, age)
    }
}

extension Calendar {
    /// Gregorian calendar in the process's time zone (the ward's local time).
    public static var wardDefault: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone.current
        return c
    }
}

/// One substance the patient has been using, as recorded on admission.
public struct SubstanceUse: Sendable, Codable, Hashable {
    public var substance: String          // e.g. "alprazolam", "alcohol"
    public var dailyAmount: String        // as reported, e.g. "4 mg", "1 bottle wine"
    public var dailyMg: Double?           // when it is a drug dose in mg (for equivalence)
    public var duration: String           // e.g. "3 years"
    public init(substance: String, dailyAmount: String, dailyMg: Double? = nil, duration: String) {
        self.substance = substance; self.dailyAmount = dailyAmount; self.dailyMg = dailyMg; self.duration = duration
    }
}

public typealias PatientID = Int64

public struct Patient: Sendable, Codable, Hashable, Identifiable {
    public var id: PatientID
    public var mrn: String
    public var name: String               // "Family, Given"
    public var dateOfBirth: CalendarDate
    public var sex: Sex
    public var admittedAt: Date
    public var bed: String?               // nil once discharged
    public var substances: [SubstanceUse]
    public var allergies: [String]        // empty = none known (NKDA shown)
    public var seizureHistory: Bool
    public var riskFlags: [String]        // e.g. "other CNS depressants", "injecting"
    /// NEWS2 SpO2 scale 2 (hypercapnic respiratory failure, decided by a clinician).
    public var spo2Scale2: Bool
    public var dischargedAt: Date?

    public init(id: PatientID, mrn: String, name: String, dateOfBirth: CalendarDate, sex: Sex,
                admittedAt: Date, bed: String?, substances: [SubstanceUse] = [], allergies: [String] = [],
                seizureHistory: Bool = false, riskFlags: [String] = [], spo2Scale2: Bool = false,
                dischargedAt: Date? = nil) {
        self.id = id; self.mrn = mrn; self.name = name; self.dateOfBirth = dateOfBirth; self.sex = sex
        self.admittedAt = admittedAt; self.bed = bed; self.substances = substances; self.allergies = allergies
        self.seizureHistory = seizureHistory; self.riskFlags = riskFlags; self.spo2Scale2 = spo2Scale2
        self.dischargedAt = dischargedAt
    }

    /// Detox day, counting the day of admission as day 1 (ward local time).
    public func detoxDay(at now: Date, calendar: Calendar = .wardDefault) -> Int {
        let a = calendar.startOfDay(for: admittedAt), n = calendar.startOfDay(for: now)
        return (calendar.dateComponents([.day], from: a, to: n).day ?? 0) + 1
    }

    /// True when anything on record raises seizure risk (history or a flag).
    public var hasSeizureRisk: Bool { seizureHistory || !riskFlags.isEmpty }
}

public struct Bed: Sendable, Codable, Hashable {
    public var label: String              // "1", "12A"
    public init(label: String) { self.label = label }
}

public struct Ward: Sendable, Codable, Hashable {
    public var name: String
    public var beds: [Bed]
    public init(name: String, beds: [Bed]) { self.name = name; self.beds = beds }
}
