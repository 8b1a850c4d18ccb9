import Foundation
@testable import WardCore

/// A board at a fixed moment: Sat 28 Nov 2026 14:05 UTC.
enum Board {
    static let now = FixedClock(iso8601: "2026-11-28T14:05:00Z").now()
    static func ago(minutes m: Double) -> Date { now.addingTimeInterval(-m * 60) }

    static func patient(_ id: PatientID, bed: String, name: String = "Test, Patient", admittedMinutesAgo: Double = 3000) -> Patient {
        Patient(id: id, mrn: "M\(id)", name: name, dateOfBirth: CalendarDate("1970-01-01")!, sex: .female,
                admittedAt: ago(minutes: admittedMinutesAgo), bed: bed)
    }

    /// A settled patient: every observation fresh and unremarkable, nothing due, no alert.
    static func calm(_ id: PatientID, bed: String, name: String = "Calm, Patient") -> PatientBoardInput {
        PatientBoardInput(patient: patient(id, bed: bed, name: name),
                          scores: [TimedTotal(scale: .ciwaB, total: 10, takenAt: ago(minutes: 10)),
                                   TimedTotal(scale: .ciwaB, total: 12, takenAt: ago(minutes: 200))],
                          vitals: [TimedVitals(vitals(), at: ago(minutes: 10))],
                          sedation: [TimedSedation(.rass(0), at: ago(minutes: 10))],
                          diazepamEquivalent24hMg: 30, doses: [], prnCaps: [], events: [])
    }
}
