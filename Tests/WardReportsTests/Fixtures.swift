import Foundation
import WardCore
@testable import WardReports

/// A fixed demo ward at a fixed moment (UTC), used by every report test.
enum Fixture {
    static let utc = TimeZone(identifier: "UTC")!
    static let now = FixedClock(iso8601: "2026-11-28T16:00:00Z").now()
    static let shift = DateInterval(start: FixedClock(iso8601: "2026-11-28T07:00:00Z").now(),
                                    end: FixedClock(iso8601: "2026-11-28T19:00:00Z").now())
    static func at(_ hhmm: String, day: Int = 28) -> Date {
        FixedClock(iso8601: String(format: "2026-11-%02dT%@:00Z", day, hhmm)).now()
    }
    static let proto = ProtocolLoader.builtInDefault()

    static let patients: [Patient] = [
        Patient(id: 1, mrn: "100234", name: "Kowalski, Anna", dateOfBirth: CalendarDate("1974-03-09")!, sex: .female,
                admittedAt: at("10:00", day: 26), bed: "3",
                substances: [SubstanceUse(substance: "alprazolam", dailyAmount: "4 mg", dailyMg: 4, duration: "3 years")],
                allergies: ["penicillin (rash)"], seizureHistory: true, riskFlags: ["other CNS depressants"]),
        Patient(id: 2, mrn: "100377", name: "王, 小明", dateOfBirth: CalendarDate("1988-12-01")!, sex: .male,
                admittedAt: at("09:30"), bed: "1",
                substances: [SubstanceUse(substance: "clonazepam", dailyAmount: "6 mg", dailyMg: 6, duration: "18 months"),
                             SubstanceUse(substance: "alcohol", dailyAmount: "1 bottle wine", duration: "10 years")]),
        Patient(id: 3, mrn: "100412", name: "\u{1B}]2;pwned\u{07}", dateOfBirth: CalendarDate("1990-06-15")!, sex: .other,
                admittedAt: at("08:00", day: 25), bed: "12A",
                substances: [SubstanceUse(substance: "diazepam", dailyAmount: "40 mg", dailyMg: 40, duration: "5 years")]),
        Patient(id: 4, mrn: "100500", name: "Øyelund-Featherstonehaugh, Zoë Marie-Christine", dateOfBirth: CalendarDate("1961-01-30")!,
                sex: .female, admittedAt: at("14:00", day: 27), bed: "2",
                substances: [SubstanceUse(substance: "lorazepam", dailyAmount: "3 mg", dailyMg: 3, duration: "2 years")]),
    ]

    static func ciwa(_ id: EntryID, _ patient: PatientID, _ total: Int, _ hhmm: String, day: Int = 28,
                     supersededBy: EntryID? = nil) -> Assessment {
        let band = proto.band(.ciwaB, total: total)?.name ?? "?"
        return Assessment(id: id, patientID: patient, scale: .ciwaB, items: [], total: total, band: band,
                          recordedBy: 1, recordedByName: "Nurse A", recordedAt: at(hhmm, day: day),
                          supersededBy: supersededBy)
    }

    static let snapshot = WardSnapshot(
        ward: Ward(name: "Ward 7 Detox", beds: ["1", "2", "3", "4", "5", "12A"].map(Bed.init(label:))),
        patients: patients,
        assessments: [
            1: [ciwa(15, 1, 44, "15:00"), ciwa(14, 1, 38, "11:00"), ciwa(13, 1, 52, "10:30", supersededBy: 14),
                ciwa(12, 1, 25, "08:00"), ciwa(11, 1, 18, "22:00", day: 27)],
            2: [ciwa(21, 2, 12, "13:00"), ciwa(20, 2, 22, "10:00")],
            3: [ciwa(31, 3, 8, "23:00", day: 27)],
        ],
        version: 7, loadedAt: now)

    /// The handover built from the snapshot, as the app would.
    static func input(labels: HandoverLabels = .ipass) -> HandoverInput {
        var h = HandoverInput.from(snapshot: snapshot, protocol: proto, shift: shift, printedBy: "Nurse Ada Obi",
                                   now: now, shiftLabel: "Day", labels: labels, timeZone: utc)
        // Fill what the medication / observation / alert work will supply, so every section is exercised.
        if let i = h.patients.firstIndex(where: { $0.summary.mrn == "100234" }) {
            h.patients[i].summary.taperStepToday = "step 2 of 8: diazepam 10 mg QID"
            h.patients[i].summary.diazepamEquivalent24hMg = 40
            h.patients[i].numbers.news2 = NEWS2Summary(last: TimedScore(value: 3, at: at("15:05")),
                                                       worst: TimedScore(value: 6, at: at("10:35")),
                                                       redParameters: ["heart rate 3 (134/min)"])
            h.patients[i].numbers.sedation = [SedationScore(scale: "RASS", score: "+1", at: at("15:05"))]
            h.patients[i].numbers.prnDoses = [PRNDose(at: at("10:40"), drug: "diazepam", dose: "5 mg", reason: "CIWA-B 52",
                                                      effect: "CIWA-B 38 at 11:00"),
                                              PRNDose(at: at("15:10"), drug: "diazepam", dose: "5 mg", reason: "CIWA-B 44")]
            h.patients[i].numbers.scheduledDoses = [
                ScheduledDose(due: at("08:00"), drug: "diazepam", dose: "10 mg", outcome: .given, at: at("08:05")),
                ScheduledDose(due: at("12:00"), drug: "diazepam", dose: "10 mg", outcome: .held, reason: "RASS -2 at 11:50"),
                ScheduledDose(due: at("16:00"), drug: "diazepam", dose: "10 mg", outcome: .late, at: at("16:40"), reason: "patient off ward"),
            ]
            h.patients[i].actions = ActionList(items: [
                ActionItem(kind: .prnFollowUp, text: "CIWA-B after PRN diazepam given 15:10", due: at("16:10")),
                ActionItem(kind: .overdue, text: "NEWS2 observations", due: at("15:35")),
                ActionItem(kind: .doseDue, text: "diazepam 10 mg", due: at("20:00")),
            ], alerts: ["CIWA-B 44 (severe): medical review requested 15:20"])
            h.patients[i].contingencies = ["If CIWA-B > 40 again or seizure: call the on-call doctor, bleep 4411.",
                                           "If she leaves the ward: security and the duty manager."]
        }
        // A nurse's override, with its reason, re-sorts the list.
        if let j = h.patients.firstIndex(where: { $0.summary.mrn == "100377" }) {
            h.patients[j].severity.severity = .watcher
            h.patients[j].severity.overrideReason = "first night on the ward; alcohol as well"
        }
        h.patients = HandoverInput.riskOrdered(h.patients)
        return h
    }
}
