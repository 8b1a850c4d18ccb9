import TestTools
import Foundation
import Testing
import WardCore
@testable import WardStore

@Suite struct BoardStoreTests {
    func alert(_ p: Patient, _ rule: AlertRule = .news2Threshold, since: Date, severity: AlertSeverity = .critical) -> WardAlert {
        WardAlert(rule: rule, severity: severity, patientID: p.id, patientName: p.name, bed: p.bed, subject: "vitals",
                  message: "NEWS2 7", since: since, escalation: "urgent review")
    }

    @Test(arguments: TestBackend.both) func acknowledgeAndEscalateAreLoggedAuditedAndLoaded(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("MRN1", bed: "1")
        let a = alert(p, since: f.clock.now().addingTimeInterval(-600))
        f.clock.advance(minutes: 3)
        try f.store.acknowledge(a, note: "seen, repeating obs", session: f.session(.nurse))
        // A second acknowledgement of the same episode is refused with who did it.
        let again = refusal { try f.store.acknowledge(a, note: nil, session: f.session(.chargeNurse)) }
        #expect(again?.kind == .conflict && again?.message.contains("Nurse, Test") == true)
        try f.store.escalate(a, to: "FY1 on call", outcome: "reviewed, fluids started", session: f.session(.chargeNurse))
        let w = try f.store.loadWard(protocol: wardProtocol)
        let ack = try #require(w.alertLog.acknowledgement(a))
        #expect(ack.by == "Nurse, Test" && ack.note == "seen, repeating obs" && ack.at == f.clock.now())
        #expect(w.alertLog.escalations(a).map(\.to) == ["FY1 on call"])
        let actions = try f.outside("SELECT action FROM audit_events WHERE action LIKE 'alert.%' ORDER BY seq").out
        #expect(actions == "alert.acknowledge\nalert.escalate")
        // Students and admins may not handle alerts.
        #expect(refusal { try f.store.escalate(a, to: "x", outcome: "y", session: f.session(.studentNurse)) }?.kind == .notPermitted)
        // Rows are append-only.
        #expect(try f.outside("UPDATE alert_acknowledgements SET note = 'x';").status != 0)
        #expect(try f.outside("DELETE FROM alert_episodes;").status != 0)
    }

    /// What a terminal evaluating `open` at the fixture's now from a fresh snapshot sends.
    func sync(_ f: Fixture, _ open: [WardAlert]) throws -> AlertSync {
        AlertSync(open: open, evaluatedAt: f.clock.now(), snapshot: try f.store.loadWard(protocol: wardProtocol))
    }

    @Test(arguments: TestBackend.both) func syncLogsRaisedAndClearedOnceAndSkipsStaleSnapshots(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("MRN1", bed: "1")
        let a = alert(p, since: f.clock.now().addingTimeInterval(-60))
        let v = try f.store.dataVersion()
        #expect(try f.store.syncAlerts(try sync(f, [a]), terminal: "t1"))
        let afterRaise = try f.store.dataVersion()
        #expect(afterRaise == v + 1)
        // Same alerts again: nothing written, no audit event (no reload loop).
        #expect(try f.store.syncAlerts(try sync(f, [a]), terminal: "t2"))
        #expect(try f.store.dataVersion() == afterRaise)
        // A snapshot older than someone's write is not used to clear anything.
        let stale = try sync(f, [])
        #expect(stale.known == [a.id])
        _ = try f.admit("MRN2", bed: "2")
        #expect(try f.store.syncAlerts(stale, terminal: "t1") == false)
        #expect(try f.outside("SELECT count(*) FROM alert_clearances;").out == "0")
        // The cause went away: cleared, logged, and the report counts it as cleared by itself.
        f.clock.advance(minutes: 30)
        #expect(try f.store.syncAlerts(try sync(f, []), terminal: "t1"))
        #expect(try f.outside("SELECT count(*) FROM alert_clearances;").out == "1")
        #expect(try f.store.loadWard(protocol: wardProtocol).alertLog.open.isEmpty)
        let r = AlertReport(since: f.clock.now().addingTimeInterval(-86_400),
                            episodes: try f.store.alertEpisodes(since: f.clock.now().addingTimeInterval(-86_400), session: f.session(.chargeNurse)))
        #expect(r.lines.map(\.rule) == [AlertRule.news2Threshold.rawValue])
        #expect(r.lines[0].raised == 1 && r.lines[0].clearedUnacknowledged == 1 && r.lines[0].acknowledged == 0)
    }

    @Test(arguments: TestBackend.both) func reportTimesToAcknowledgeAndAcknowledgedWithoutAction(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("MRN1", bed: "1")
        let start = f.clock.now()
        let a1 = alert(p, since: start), a2 = alert(p, since: start.addingTimeInterval(60))
        try f.store.syncAlerts(try sync(f, [a1, a2]), terminal: "t")
        f.clock.advance(minutes: 4)
        try f.store.acknowledge(a1, note: nil, session: f.session(.nurse))
        f.clock.advance(minutes: 6)
        try f.store.acknowledge(a2, note: nil, session: f.session(.nurse))
        try f.store.escalate(a2, to: "registrar", outcome: "seen", session: f.session(.nurse))
        let r = AlertReport(since: start, episodes: try f.store.alertEpisodes(since: start, session: f.session(.chargeNurse)))
        let l = try #require(r.lines.first)
        #expect(l.raised == 2 && l.acknowledged == 2 && l.acknowledgedWithoutAction == 1 && l.escalated == 1)
        #expect(l.medianMinutesToAcknowledge == 7 && l.maxMinutesToAcknowledge == 10)
        #expect(r.text(calendarSince: "2026-11-28").contains("1 (50%)"))
        #expect(refusal { _ = try f.store.alertEpisodes(since: start, session: f.session(.nurse)) }?.kind == .notPermitted)
    }

    @Test(arguments: TestBackend.both) func assignNursesPerShiftNewestWins(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let nurse = f.session(.nurse).staff, charge = f.session(.chargeNurse).staff
        try f.store.assignNurse(bed: "1", staff: nurse.id, protocol: wardProtocol, session: f.session(.chargeNurse))
        try f.store.assignNurse(bed: "2", staff: nurse.id, protocol: wardProtocol, session: f.session(.chargeNurse))
        try f.store.assignNurse(bed: "2", staff: charge.id, protocol: wardProtocol, session: f.session(.chargeNurse))
        try f.store.assignNurse(bed: "3", staff: nurse.id, protocol: wardProtocol, session: f.session(.chargeNurse))
        try f.store.assignNurse(bed: "3", staff: nil, protocol: wardProtocol, session: f.session(.chargeNurse))
        let w = try f.store.loadWard(protocol: wardProtocol)
        #expect(w.assignments.map { "\($0.bed):\($0.staffID)" } == ["1:N1", "2:C1"])
        #expect(Set(w.assignableStaff.map(\.role)).isSubset(of: [.nurse, .chargeNurse, .studentNurse]))
        #expect(refusal { try f.store.assignNurse(bed: "1", staff: nurse.id, protocol: wardProtocol, session: f.session(.nurse)) }?.kind == .notPermitted)
        let prescriber = f.session(.prescriber).staff
        #expect(refusal { try f.store.assignNurse(bed: "1", staff: prescriber.id, protocol: wardProtocol, session: f.session(.chargeNurse)) }?.kind == .invalid)
        #expect(refusal { try f.store.assignNurse(bed: "99", staff: nurse.id, protocol: wardProtocol, session: f.session(.chargeNurse)) }?.kind == .invalid)
        // The next shift starts empty.
        f.clock.advance(minutes: 12 * 60)
        #expect(try f.store.loadWard(protocol: wardProtocol).assignments.isEmpty)
    }

    @Test(arguments: TestBackend.both) func transferToAnEmptyBedOnly(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let a = try f.admit("MRN1", bed: "1"), _ = try f.admit("MRN2", bed: "2")
        #expect(refusal { try f.store.transfer(patientID: a.id, toBed: "2", session: f.session(.chargeNurse)) }?.kind == .conflict)
        try f.store.transfer(patientID: a.id, toBed: "5", session: f.session(.chargeNurse))
        #expect(try f.store.loadWard(protocol: wardProtocol).patient(a.id)?.bed == "5")
    }

    @Test(arguments: TestBackend.both) func aDischargedPatientsRecordStaysReadable(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let a = try f.admit("MRN1", bed: "1")
        _ = try f.store.record(RecordAssessment(patientID: a.id, scale: .ciwaB, items: f.ciwa(22)), session: f.session(.nurse),
                               protocol: wardProtocol)
        try f.store.transfer(patientID: a.id, toBed: "3", session: f.session(.chargeNurse))
        try f.store.discharge(patientID: a.id, session: f.session(.chargeNurse))
        #expect(try f.store.loadWard(protocol: wardProtocol).patient(a.id) == nil)
        let r = try #require(try f.store.record(mrn: "MRN1", session: f.session(.nurse)))
        #expect(r.patient.dischargedAt != nil && r.patient.bed == nil)
        #expect(r.assessments.map(\.total) == [22])
        #expect(r.beds == ["1", "3"])
        #expect(try f.store.record(mrn: "nobody", session: f.session(.nurse)) == nil)
    }
}
