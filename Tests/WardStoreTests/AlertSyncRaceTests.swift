import TestTools
import Foundation
import Testing
import WardCore
@testable import WardStore

/// Two terminals keep one alert log (issue 17, item 5): each evaluates the
/// alerts from its snapshot at its own `now`, a tick apart, and syncs them.
/// Two stores on one database file, each with a clock moved by hand, replay
/// the race deterministically.
@Suite struct AlertSyncRaceTests {
    /// The second terminal: another store (its own connection pool) on the same file.
    struct Terminal {
        let store: Store
        let clock: TestClock
        init(_ f: Fixture) throws {
            clock = TestClock()
            clock.set(f.clock.now())
            store = try Store.open(path: f.path, create: false, clock: clock)
        }
        func close() { try? store.close() }
    }

    static func alerts(_ w: WardSnapshot, at t: Date) -> [WardAlert] {
        AlertEngine(wardProtocol).alerts(BoardInput(w, now: t, protocol: wardProtocol, calendar: .wardDefault), now: t)
    }

    /// Records every observation of the patient at the store's now.
    static func observe(_ p: PatientID, _ f: Fixture, store: Store, terminal: String) throws {
        let nurse = Session(staff: f.session(.nurse).staff, terminal: terminal)
        _ = try store.record(RecordAssessment(patientID: p, scale: .ciwaB, items: f.ciwa(8)), session: nurse, protocol: wardProtocol)
        _ = try store.record(RecordVitals(patientID: p, vitals: VitalSigns(
            respirationRate: 16, spo2: 97, onOxygen: false, systolic: 122, diastolic: 76, pulse: 84, acvpu: .alert,
            temperature: 36.8)), session: nurse, protocol: wardProtocol)
        _ = try store.record(RecordSedation(patientID: p, score: .rass(0)), session: nurse)
    }

    /// One patient with every observation just recorded; returns the first moment one of them falls due.
    static func observedPatient(_ f: Fixture) throws -> Date {
        let p = try f.admit("MRN1", bed: "1")
        try observe(p.id, f, store: f.store, terminal: "test")
        let w = try f.store.loadWard(protocol: wardProtocol)
        let input = try #require(BoardInput(w, now: f.clock.now(), protocol: wardProtocol, calendar: .wardDefault).patients.first)
        return try #require(input.due(ObservationClock(wardProtocol), now: f.clock.now())
            .map(\.dueAt).filter { $0 > f.clock.now() }.min())
    }

    func clearances(_ f: Fixture) throws -> String {
        try f.outside("SELECT count(*) FROM alert_clearances;").out
    }

    /// Terminal A's tick comes just after an observation falls due and logs it
    /// overdue; terminal B's last tick came just before. B's sync, 0.24 s
    /// after A's, must not log the still-open alert as cleared — neither from
    /// the snapshot it had nor from the one it reloads after A's write.
    @Test(arguments: TestBackend.both) func aTerminalThatEvaluatedBeforeTheRaiseDoesNotClearIt(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let b = try Terminal(f); defer { b.close() }
        let due = try Self.observedPatient(f)
        let tB = due, tA = due.addingTimeInterval(1)       // B's tick, then A's a second later
        let snapB = try b.store.loadWard(protocol: wardProtocol)
        let snapA = try f.store.loadWard(protocol: wardProtocol)
        #expect(snapA.version == snapB.version)
        let openA = Self.alerts(snapA, at: tA), openB = Self.alerts(snapB, at: tB)
        // What fell due between the two ticks (CIWA-B and sedation may share a due time).
        let lateAlerts = openA.filter { a in !openB.contains { $0.id == a.id } }
        let late = try #require(lateAlerts.first)
        #expect(lateAlerts.allSatisfy { $0.rule == .observationOverdue && $0.since == due })

        f.clock.set(tA.addingTimeInterval(0.1))
        #expect(try f.store.syncAlerts(AlertSync(open: openA, evaluatedAt: tA, snapshot: snapA), terminal: "A"))
        b.clock.set(tA.addingTimeInterval(0.34))
        // From the snapshot B held (it never saw the episode logged) …
        #expect(try b.store.syncAlerts(AlertSync(open: openB, evaluatedAt: tB, snapshot: snapB), terminal: "B"))
        #expect(try clearances(f) == "0")
        // … and from the snapshot B reloads after A's write, evaluated at B's `now`, still its last tick.
        let reloaded = try b.store.loadWard(protocol: wardProtocol)
        #expect(reloaded.alertLog.open.isSuperset(of: lateAlerts.map(\.id)))
        let stale = AlertSync(open: Self.alerts(reloaded, at: tB), evaluatedAt: tB, snapshot: reloaded)
        #expect(stale.missing == Set(lateAlerts.map(\.id)))
        #expect(try b.store.syncAlerts(stale, terminal: "B"))
        #expect(try clearances(f) == "0")

        // An acknowledgement of the open alert stays on the board (a cleared episode's would not).
        try f.store.acknowledge(late, note: nil, session: f.session(.chargeNurse))
        #expect(try b.store.loadWard(protocol: wardProtocol).alertLog.acknowledgement(late) != nil)
        // B's next tick finds it open too: nothing to write.
        let versionBefore = try b.store.dataVersion()
        let next = try b.store.loadWard(protocol: wardProtocol)
        let tB2 = tB.addingTimeInterval(2)
        b.clock.set(tB2)
        let agreed = AlertSync(open: Self.alerts(next, at: tB2), evaluatedAt: tB2, snapshot: next)
        #expect(agreed.missing.isEmpty)
        #expect(try b.store.syncAlerts(agreed, terminal: "B"))
        #expect(try b.store.dataVersion() == versionBefore)

        // The report counts it as raised, acknowledged and still open.
        let since = due.addingTimeInterval(-60)
        let line = try #require(AlertReport(since: since, episodes: try f.store.alertEpisodes(since: since, session: f.session(.chargeNurse)))
            .lines.first { $0.rule == AlertRule.observationOverdue.rawValue })
        #expect(line.raised == lateAlerts.count && line.acknowledged == 1 && line.stillOpen == lateAlerts.count)
    }

    /// The episodes really go: the observations are recorded at terminal B, and
    /// B's evaluation after that write clears them, at the time B evaluated.
    @Test(arguments: TestBackend.both) func anEvaluationAfterTheCauseWentClearsIt(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let b = try Terminal(f); defer { b.close() }
        let due = try Self.observedPatient(f)
        let tA = due.addingTimeInterval(1)
        let snapA = try f.store.loadWard(protocol: wardProtocol)
        let late = Self.alerts(snapA, at: tA).filter { $0.rule == .observationOverdue }
        try #require(!late.isEmpty)
        f.clock.set(tA)
        try f.store.syncAlerts(AlertSync(open: Self.alerts(snapA, at: tA), evaluatedAt: tA, snapshot: snapA), terminal: "A")

        let done = tA.addingTimeInterval(60)
        b.clock.set(done)
        try Self.observe(try #require(snapA.patients.first).id, f, store: b.store, terminal: "B")
        // A's snapshot predates the observation: its word clears nothing.
        f.clock.set(done.addingTimeInterval(0.5))
        let evaluatedA = done.addingTimeInterval(0.5)
        #expect(try f.store.syncAlerts(AlertSync(open: [], evaluatedAt: evaluatedA, snapshot: snapA), terminal: "A") == false)
        let snapB = try b.store.loadWard(protocol: wardProtocol)
        let openB = Self.alerts(snapB, at: done)
        #expect(!openB.contains { $0.rule == .observationOverdue })
        #expect(try b.store.syncAlerts(AlertSync(open: openB, evaluatedAt: done, snapshot: snapB), terminal: "B"))
        let rows = try f.outside("""
            SELECT e.raised_at || '|' || c.cleared_at FROM alert_clearances c JOIN alert_episodes e ON e.id = c.episode_id;
            """).out.split(separator: "\n")
        #expect(rows.count == late.count && rows.allSatisfy { $0 == "\(Timestamp.text(tA))|\(Timestamp.text(done))" })
        #expect(try b.store.loadWard(protocol: wardProtocol).alertLog.open.isEmpty)
    }

    func alert(_ p: Patient, since: Date) -> WardAlert {
        WardAlert(rule: .prnCapApproaching, severity: .warning, patientID: p.id, patientName: p.name, bed: p.bed,
                  subject: "prn:1", message: "PRN cap", since: since, escalation: "review")
    }

    /// The rule at its edges, on alerts given by hand: an episode raised in
    /// the same millisecond as an evaluation, or after it, or not in the log
    /// the terminal held, is not cleared on that terminal's word.
    @Test(arguments: TestBackend.both) func onlyAnEpisodeTheTerminalKnewAndRaisedNoLaterThanItsEvaluationIsCleared(_ backend: TestBackend) throws {
        let f = try Fixture(backend); defer { f.cleanup() }
        let p = try f.admit("MRN1", bed: "1")
        let t = f.clock.now()
        let a = alert(p, since: t.addingTimeInterval(-600))
        let empty = try f.store.loadWard(protocol: wardProtocol)
        f.clock.set(t.addingTimeInterval(1))
        try f.store.syncAlerts(AlertSync(open: [a], evaluatedAt: t.addingTimeInterval(0.0004), snapshot: empty), terminal: "A")
        #expect(try f.outside("SELECT raised_at FROM alert_episodes;").out == "2026-11-28T12:00:00.001Z")   // rounded up
        let logged = try f.store.loadWard(protocol: wardProtocol)

        // Not in the log this terminal held, though evaluated later.
        #expect(try f.store.syncAlerts(AlertSync(open: [], evaluatedAt: t.addingTimeInterval(0.5), snapshot: empty), terminal: "B"))
        // Evaluated earlier in the same millisecond as the raise.
        #expect(try f.store.syncAlerts(AlertSync(open: [], evaluatedAt: t.addingTimeInterval(0.0001), snapshot: logged), terminal: "B"))
        // An evaluation "in the future" counts as made at the store's now.
        f.clock.set(t)
        #expect(try f.store.syncAlerts(AlertSync(open: [], evaluatedAt: t.addingTimeInterval(3600), snapshot: logged), terminal: "B"))
        #expect(try f.outside("SELECT count(*) FROM alert_clearances;").out == "0")
        // Known, and evaluated after the raise: cleared.
        f.clock.set(t.addingTimeInterval(2))
        #expect(try f.store.syncAlerts(AlertSync(open: [], evaluatedAt: t.addingTimeInterval(0.0015), snapshot: logged), terminal: "B"))
        #expect(try f.outside("SELECT cleared_at FROM alert_clearances;").out == "2026-11-28T12:00:00.001Z")   // rounded down
        let audit = try f.outside("""
            SELECT terminal || '|' || \(f.backend == .sqlite ? "json_extract(details, '$.cleared[0]')" : "(details::json #>> '{cleared,0}')") FROM audit_events WHERE action = 'alert.sync' ORDER BY seq DESC LIMIT 1;
            """).out
        #expect(audit == "B|\(a.key)")
    }
}
