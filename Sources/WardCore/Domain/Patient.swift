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
    /// Nil unless the date exists on the Gregorian calendar (no 30 February).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), year > 1800, (1...Self.days(inMonth: month, year: year)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }
    public init?(_ text: String) {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }
    /// A date as stored by an earlier version, which took any day 1–31 of a
    /// month ("1980-02-30"): read as it is so that the patient stays on the
    /// ward list (the date of birth then needs correcting). Never for input.
    public init?(stored text: String) {
        if let d = CalendarDate(text) { self = d; return }
        let p = text.split(separator: "-").compactMap { Int($0) }
        guard p.count == 3, (1...12).contains(p[1]), (1...31).contains(p[2]), p[0] > 1800 else { return nil }
        year = p[0]; month = p[1]; day = p[2]
    }
    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    static func days(inMonth m: Int, year y: Int) -> Int {
        switch m {
        case 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
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

/// Where a substance entry on admission comes from.
public enum SubstanceSource: String, Sendable, Codable, CaseIterable {
    case patientReport = "patient-report"
    case prescription
    case drugScreen = "drug-screen"
    public var label: String {
        switch self { case .patientReport: "patient report"; case .prescription: "prescription"; case .drugScreen: "drug screen" }
    }
}

/// One substance the patient has been using, as recorded on admission:
/// the structured fields beside the text as it was typed. Older records
/// (before structured entries) decode with the new fields nil.
public struct SubstanceUse: Sendable, Codable, Hashable {
    public var substance: String          // e.g. "alprazolam", "alcohol"
    public var dailyAmount: String        // as reported, e.g. "4 mg", "1 bottle wine"
    public var dailyMg: Double?           // when it is a drug dose in mg (for equivalence)
    public var duration: String           // e.g. "3 years"
    /// The last day of use, when known.
    public var lastUse: CalendarDate?
    /// Where the entry comes from (nil on records made before sources were asked).
    public var source: SubstanceSource?
    /// The entry exactly as typed on the admission form.
    public var asEntered: String?
    public init(substance: String, dailyAmount: String, dailyMg: Double? = nil, duration: String,
                lastUse: CalendarDate? = nil, source: SubstanceSource? = nil, asEntered: String? = nil) {
        self.substance = substance; self.dailyAmount = dailyAmount; self.dailyMg = dailyMg; self.duration = duration
        self.lastUse = lastUse; self.source = source; self.asEntered = asEntered
    }

    /// "alprazolam 4 mg/day for 3 years, last 2026-12-03 (prescription)".
    public var summary: String {
        var t = substance
        if !dailyAmount.isEmpty { t += " \(dailyAmount)/day" }
        if !duration.isEmpty { t += " for \(duration)" }
        if let lastUse { t += ", last \(lastUse)" }
        if let source { t += " (\(source.label))" }
        return t
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
    /// ["NKDA"] = no known drug allergies; empty = not yet known (flagged).
    public var allergies: [String]
    public var seizureHistory: Bool
    /// Free-text flags the admitting nurse typed (shown as "other flags", never as seizure risk).
    public var riskFlags: [String]        // e.g. "injecting"
    /// The admission flags a detox order set asks for.
    public var admissionFlags: [AdmissionFlag]
    /// NEWS2 SpO2 scale 2 (hypercapnic respiratory failure, decided by a clinician).
    public var spo2Scale2: Bool
    public var dischargedAt: Date?

    public init(id: PatientID, mrn: String, name: String, dateOfBirth: CalendarDate, sex: Sex,
                admittedAt: Date, bed: String?, substances: [SubstanceUse] = [], allergies: [String] = [],
                seizureHistory: Bool = false, riskFlags: [String] = [], admissionFlags: [AdmissionFlag] = [],
                spo2Scale2: Bool = false, dischargedAt: Date? = nil) {
        self.id = id; self.mrn = mrn; self.name = name; self.dateOfBirth = dateOfBirth; self.sex = sex
        self.admittedAt = admittedAt; self.bed = bed; self.substances = substances; self.allergies = allergies
        self.seizureHistory = seizureHistory; self.riskFlags = riskFlags; self.admissionFlags = admissionFlags; self.spo2Scale2 = spo2Scale2
        self.dischargedAt = dischargedAt
    }

    /// Detox day, counting the day of admission as day 1 (ward local time).
    public func detoxDay(at now: Date, calendar: Calendar = .wardDefault) -> Int {
        let a = calendar.startOfDay(for: admittedAt), n = calendar.startOfDay(for: now)
        return (calendar.dateComponents([.day], from: a, to: n).day ?? 0) + 1
    }

    public var allergyStatus: AllergyStatus { AllergyStatus(allergies) }
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
