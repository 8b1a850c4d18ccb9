import Foundation

/// The protocol's admission rules (`[admission.*]`): reconciliation of the
/// reported daily use against the orders, the derived risk-flag rules and
/// the date-of-birth check. Every number and list carries its provenance.
public struct AdmissionRules: Sendable, Hashable {
    public struct Reconciliation: Sendable, Hashable {
        /// Warn when the orders cut the admission DE by more than this fraction.
        public var cutWarnAbove: Double
        /// The first days of the admission whose orders are compared.
        public var firstDays: Int
        public var provenance: Provenance
    }
    public struct SeizureRisk: Sendable, Hashable {
        public var highDailyDiazepamMg: Double
        public var highPotencyShortActing: [String]
        public var abruptCessationDays: Int
        public var provenance: Provenance
    }
    public struct CoSedation: Sendable, Hashable {
        public var opioids: [String]
        public var opioidSubstitution: [String]
        public var gabapentinoids: [String]
        public var alcohol: [String]
        public var provenance: Provenance
    }
    public struct OrderSet: Sendable, Hashable {
        public var olderAdultAge: Int
        public var hepaticHint: String
        public var provenance: Provenance
    }
    public struct DateOfBirth: Sendable, Hashable {
        public var minAgeYears: Int
        public var maxAgeYears: Int
        public var provenance: Provenance
    }
    public var reconciliation: Reconciliation
    public var seizureRisk: SeizureRisk
    public var coSedation: CoSedation
    public var orderSet: OrderSet
    public var dateOfBirth: DateOfBirth
}

extension AdmissionRules.DateOfBirth {
    /// Why `dob` cannot be a patient's date of birth on `now`, or nil.
    public func problem(_ dob: CalendarDate, on now: Date, calendar: Calendar = .wardDefault) -> String? {
        let today = calendar.dateComponents([.year, .month, .day], from: now)
        if let t = CalendarDate(year: today.year ?? 0, month: today.month ?? 0, day: today.day ?? 0), dob >= t {
            return "Date of birth \(dob) is not in the past; check the year."
        }
        let age = dob.age(on: now, calendar: calendar)
        guard (minAgeYears...maxAgeYears).contains(age) else {
            return "Date of birth \(dob) gives age \(age); this ward admits ages \(minAgeYears)–\(maxAgeYears) (protocol [admission.dateOfBirth]). Check the year."
        }
        return nil
    }
}
