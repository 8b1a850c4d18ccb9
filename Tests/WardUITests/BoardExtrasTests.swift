import Foundation
import Testing
@testable import WardUI
import WardCore

/// The overview and the alert engine read the snapshot's observation and
/// medication records (not only the withdrawal scores).
@Suite struct BoardExtrasTests {
    let proto = ProtocolLoader.builtInDefault()
    var calendar: Calendar { var c = Calendar(identifier: .gregorian); c.timeZone = TimeZone(identifier: "UTC")!; return c }

    @Test func vitalsAndSedationReachTheBoard() throws {
        let w = ObsFixture.ward
        let input = BoardInput(w, now: Fixture.now, protocol: proto, calendar: calendar)
        let p = try #require(input.patients.first { $0.patient.id == Fixture.mullerID })
        // Newest current set only (903 was replaced by 904), newest first.
        #expect(p.vitals?.first?.vitals.pulse == 112)
        #expect(p.vitals?.count == 3)
        #expect(p.sedation?.first?.score == .rass(-1))

        let rows = WardOverview(proto).rows(input, alerts: [], assignments: [], now: Fixture.now, calendar: calendar)
        let row = try #require(rows.first { $0.bed == "1" })
        let expected = proto.news2.score(ObsFixture.vitals(pulse: 112), scale2: false)
        #expect(row.news2?.total == expected.total)
    }

    @Test func withoutRecordsThereIsNothingToShowButTheClockStillRuns() throws {
        let input = BoardInput(Fixture.ward, now: Fixture.now, protocol: proto, calendar: calendar)
        let p = try #require(input.patients.first { $0.patient.id == Fixture.mullerID })
        #expect(p.vitals == [])              // recorded as none: vitals are due from admission
        #expect(p.doses == nil)              // no orders: the dose column shows "—"
        #expect(p.diazepamEquivalent24hMg == nil)
        let alerts = AlertEngine(proto).alerts(input, now: Fixture.now)
        #expect(alerts.contains { $0.patientID == Fixture.mullerID && $0.message.contains("vital signs overdue") })
    }

    @Test func ordersGiveDosesAndTheDailyTotal() throws {
        let w = MARFixture.ward()
        let now = MARFixture.at("12:30")
        let input = BoardInput(w, now: now, protocol: proto, calendar: calendar)
        let p = try #require(input.patients.first { !($0.doses ?? []).isEmpty })
        #expect(p.diazepamEquivalent24hMg == w.diazepamTotal(for: p.patient.id, now: now, protocol: proto).totalMg)
        #expect(p.lastPRNAt != nil)
        #expect(!p.prnCaps.isEmpty)
    }

    @Test func failedGateOnTheLatestCIWAScoreRaisesTheOrderAlert() throws {
        var w = MARFixture.ward()
        let latest = try #require(w.latest(.ciwaB, for: 1))
        w.doseGates[latest.id] = DoseGateAnswers(recentUseConfirmed: true, canCommunicate: false)
        let now = MARFixture.at("12:30")
        let input = BoardInput(w, now: now, protocol: proto, calendar: calendar)
        let p = try #require(input.patients.first { $0.patient.id == 1 })
        let gate = try #require(p.ciwaGate)
        #expect(gate.gate.scaleMayGuideDosing == false)
        #expect(gate.at == latest.recordedAt)
        let alerts = AlertEngine(proto).alerts(input, now: now)
        #expect(alerts.contains { $0.patientID == 1 && $0.rule == .gateFailedOnCIWAOrder })
    }

    @Test func passedGateOrNoCIWAOrderRaisesNothing() throws {
        var w = MARFixture.ward()
        let latest = try #require(w.latest(.ciwaB, for: 1))
        w.doseGates[latest.id] = DoseGateAnswers(recentUseConfirmed: true, canCommunicate: true)
        let now = MARFixture.at("12:30")
        let input = BoardInput(w, now: now, protocol: proto, calendar: calendar)
        #expect(input.patients.first { $0.patient.id == 1 }?.ciwaGate?.gate.scaleMayGuideDosing == true)
        #expect(!AlertEngine(proto).alerts(input, now: now).contains { $0.rule == .gateFailedOnCIWAOrder })
        // Without a PRN order there is no CIWA-triggered order to gate.
        #expect(w.ciwaOrderGate(for: 1, protocol: proto) != nil)
        w.orders[1] = [MARFixture.taper]
        #expect(w.ciwaOrderGate(for: 1, protocol: proto) == nil)
    }

    @Test func recordedSeizureRaisesTheCriticalAlert() throws {
        var w = Fixture.ward
        let at = Fixture.now.addingTimeInterval(-600)
        w.clinicalEvents[Fixture.mullerID] = [ClinicalEventEntry(id: 1, patientID: Fixture.mullerID, kind: .seizure, note: "2 min",
                                                                 recordedBy: Fixture.ann.id, recordedByName: Fixture.ann.name,
                                                                 recordedAt: at)]
        let input = BoardInput(w, now: Fixture.now, protocol: proto, calendar: calendar)
        let alerts = AlertEngine(proto).alerts(input, now: Fixture.now)
        let a = try #require(alerts.first { $0.rule == .seizureOrDelirium })
        #expect(a.patientID == Fixture.mullerID)
        #expect(a.severity == .critical)
        #expect(!AlertEngine(proto).alerts(BoardInput(Fixture.ward, now: Fixture.now, protocol: proto, calendar: calendar),
                                           now: Fixture.now).contains { $0.rule == .seizureOrDelirium })
    }
}
