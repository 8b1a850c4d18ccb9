import Foundation
import Testing
import WardCore
@testable import WardReports

/// The handover's action list carries the same open alerts as the overview.
@Suite struct HandoverAlertsTests {
    static let shift = ShiftOccurrence(name: "day", interval: Fixture.shift)

    static func input(_ s: WardSnapshot) -> HandoverInput {
        HandoverInput.forShift(shift, snapshot: s, protocol: Fixture.proto, printedBy: "Nurse Ada Obi",
                               now: Fixture.now, timeZone: Fixture.utc)
    }

    @Test func openAlertsAreListedPerPatientWithTheirAcknowledgement() throws {
        let s = Fixture.snapshot
        let engine = HandoverInput.openAlerts(s, proto: Fixture.proto, now: Fixture.now, calendar: .wardDefault)
        let first = try #require(engine.first)
        var acked = s
        acked.alertLog = AlertLog(acknowledgements: [first.id: AlertAcknowledgement(episode: first.id, by: "Novak, Petra",
                                                                                   at: Fixture.now, note: nil)])
        let patient = try #require(Self.input(acked).patients.first { $0.summary.mrn == s.patient(first.patientID)?.mrn })
        let lines = try #require(patient.actions.alerts)
        #expect(lines.count == engine.filter { $0.patientID == first.patientID }.count)
        #expect(lines.contains { $0.contains(first.message) && $0.contains("acknowledged by Novak, Petra") })
    }

    @Test func everyPatientListsExactlyItsOwnOpenAlerts() throws {
        let s = Fixture.snapshot
        let engine = HandoverInput.openAlerts(s, proto: Fixture.proto, now: Fixture.now, calendar: .wardDefault)
        let handover = Self.input(s)
        #expect(handover.patients.count == s.patients.count)
        for p in s.patients {
            let h = try #require(handover.patients.first { $0.summary.mrn == p.mrn })
            let mine = engine.filter { $0.patientID == p.id }
            #expect(h.actions.alerts?.count == mine.count)
            for a in mine { #expect(h.actions.alerts?.contains { $0.contains(a.message) } == true) }
        }
    }
}
