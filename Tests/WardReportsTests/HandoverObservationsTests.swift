import Foundation
import Testing
import WardCore
@testable import WardReports

/// Observations recorded in Wardline (vital signs, sedation, what is due) reaching the handover.
@Suite struct HandoverObservationsTests {
    static let shift = ShiftOccurrence(name: "day", interval: Fixture.shift)

    static func vitals(_ id: EntryID, pulse: Int, at hhmm: String, supersededBy: EntryID? = nil) -> VitalSignsEntry {
        VitalSignsEntry(stamp: EntryStamp(id: id, patientID: 1, recordedBy: 1, recordedByName: "Nurse A", recordedAt: Fixture.at(hhmm),
                                          supersededBy: supersededBy),
                        vitals: VitalSigns(respirationRate: 16, spo2: 97, onOxygen: false, systolic: 124, pulse: pulse,
                                           acvpu: .alert, temperature: 37.0),
                        scale2: false)
    }
    static func rass(_ id: EntryID, _ v: Int, at hhmm: String) -> SedationEntry {
        SedationEntry(stamp: EntryStamp(id: id, patientID: 1, recordedBy: 1, recordedByName: "Nurse A", recordedAt: Fixture.at(hhmm)),
                      score: .rass(v))
    }

    static func input() -> HandoverInput {
        var s = Fixture.snapshot
        s.vitals = [1: [vitals(5, pulse: 72, at: "15:30"), vitals(4, pulse: 160, at: "13:00", supersededBy: 6),
                        vitals(3, pulse: 134, at: "12:00"), vitals(2, pulse: 70, at: "09:00"), vitals(1, pulse: 140, at: "05:00")]]
        s.sedation = [1: [rass(3, 1, at: "15:00"), rass(2, -2, at: "11:50"), rass(1, 0, at: "06:00")]]
        return HandoverInput.forShift(shift, snapshot: s, protocol: Fixture.proto, printedBy: "Nurse Ada Obi",
                                      now: Fixture.now, timeZone: Fixture.utc)
    }

    @Test func news2LastAndWorstOfTheShiftWithTheRedParameter() throws {
        let p = try #require(Self.input().patients.first { $0.summary.mrn == "100234" })
        let n = try #require(p.numbers.news2)
        #expect(n.last.at == Fixture.at("15:30"))
        #expect(n.worst.at == Fixture.at("12:00"))                  // 05:00 is before the shift; 13:00 was amended away
        #expect(n.worst.value == Fixture.proto.news2.score(Self.vitals(3, pulse: 134, at: "12:00").vitals, scale2: false).total)
        #expect(n.redParameters == ["pulse 3 (134/min)"])
        #expect(n.worst.value > n.last.value)
    }

    @Test func sedationOfTheShiftOldestFirstAndNoneIsSaid() throws {
        let h = Self.input()
        let p = try #require(h.patients.first { $0.summary.mrn == "100234" })
        #expect(p.numbers.sedation?.map(\.score) == ["-2", "+1"])
        let other = try #require(h.patients.first { $0.summary.mrn == "100377" })
        #expect(other.numbers.sedation == [])                       // recorded in Wardline: none this shift
        #expect(other.numbers.news2 == nil)
    }

    @Test func checksDueComeFromTheObservationClock() throws {
        let h = Self.input()
        let p = try #require(h.patients.first { $0.summary.mrn == "100234" })
        let kinds = p.actions.items.map(\.text)
        #expect(kinds.contains { $0.hasPrefix("CIWA-B (") })
        #expect(kinds.contains { $0.hasPrefix("Vital signs (NEWS2) (") })
        #expect(kinds.contains { $0.hasPrefix("Sedation score (") })
        #expect(p.actions.items.map(\.due) == p.actions.items.map(\.due).sorted { ($0 ?? .distantPast) < ($1 ?? .distantPast) })
        let text = HandoverTextRenderer(columns: .c132).render(h)
        #expect(text.contains("NEWS2: last"))
        #expect(text.contains("pulse 3 (134/min)"))
        #expect(text.contains("] CIWA-B ("))
    }
}
