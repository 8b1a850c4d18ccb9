import Foundation
import Synchronization
import TestTools
import Testing
import WardCore
@testable import WardStore

/// A ward on a primary with a synchronous standby (`synchronous_commit = remote_apply`). Two
/// terminals save CIWA-B scores one after the other; the primary is killed (kill -9, postmaster and
/// backends) mid-shift and the standby promoted. Every save a terminal was told was saved is on the
/// new primary; the terminals find it through the host list, their change feeds say "reconnecting"
/// and then "reachable", and they carry on. The figures are printed.
@Suite(.serialized) struct FailoverTests {
    /// One terminal's loop: each entry is retried until it is saved (as a nurse does after "Not
    /// saved … try again"), and counted as acknowledged only when the store returned it.
    final class Terminal: @unchecked Sendable {
        let store: Store
        let session: Session
        let patient: PatientID
        let acknowledged = Mutex<[Int64]>([])
        let refusals = Mutex<[String]>([])
        let stop = Atomic<Bool>(false)
        final class Counts: Sendable { let lost = Atomic<Int>(0), regained = Atomic<Int>(0) }
        let counts = Counts()
        var feed: ChangeFeed?

        init(url: String, staffID: String, pin: String, patient: PatientID) throws {
            store = try Store.open(path: url, create: false)
            session = Session(staff: try store.signIn(staffID: staffID, secret: pin, terminal: staffID, policy: testPolicy), terminal: staffID)
            self.patient = patient
            let counts = self.counts
            feed = try ChangeFeed(store: store, interval: .milliseconds(50), onConnection: { ok in
                if ok { counts.regained.add(1, ordering: .relaxed) } else { counts.lost.add(1, ordering: .relaxed) }
            }) { _ in }
        }

        func run() {
            var items = [Int](repeating: 1, count: 20)
            while !stop.load(ordering: .relaxed) {
                do {
                    let a = try store.record(RecordAssessment(patientID: patient, scale: .ciwaB, items: items), session: session, protocol: wardProtocol)
                    acknowledged.withLock { $0.append(a.id) }
                    items[acknowledged.withLock { $0.count } % 20] = acknowledged.withLock { $0.count } % 3
                } catch {
                    refusals.withLock { $0.append("\(error)") }
                    Thread.sleep(forTimeInterval: 0.1)
                }
            }
        }
        var count: Int { acknowledged.withLock { $0.count } }
    }

    @Test func killingThePrimaryMidShiftLosesNoAcknowledgedEntry() throws {
        let cluster = try PostgresCluster.startOwn()
        defer { cluster.stopOwn() }
        let standby = try #require(cluster.standbyPort)
        let dir = try TempDir(); defer { dir.cleanup() }
        // Both hosts, primary first; the pgpass file of this pair (the URL's passfile=).
        let hosts = "127.0.0.1:\(cluster.port),127.0.0.1:\(standby)"
        func url(_ user: String) -> String {
            "postgresql://\(user)@\(hosts)/wardline?ward=failover&auditkey=\(dir.path("audit-key"))&passfile=\(cluster.passFile)&connect_timeout=2"
        }
        let clock = SystemClock()
        let setup = try Store.open(path: url("wardline_owner"), create: true, clock: clock)
        let admin = try setup.createFirstAdmin(staffID: "A1", name: "Admin, Test", secret: pin(for: .admin), terminal: "test", policy: testPolicy)
        let adminSession = Session(staff: admin, terminal: "test")
        try setup.configureWard(name: "Failover ward", bedLabels: ["1", "2"], session: adminSession)
        for (id, role) in [("C1", StaffRole.chargeNurse), ("N1", .nurse)] {
            _ = try setup.addStaff(staffID: id, name: "\(role.title), Test", role: role, secret: pin(for: role), policy: testPolicy, session: adminSession)
        }
        let charge = Session(staff: try setup.signIn(staffID: "C1", secret: pin(for: .chargeNurse), terminal: "test", policy: testPolicy), terminal: "test")
        var patients: [PatientID] = []
        for (mrn, bed) in [("FO1", "1"), ("FO2", "2")] {
            patients.append(try setup.admit(AdmitPatient(mrn: mrn, name: "Failover, \(mrn)", dateOfBirth: CalendarDate("1970-01-01")!, sex: .other,
                                                          bed: bed, admittedAt: Date().addingTimeInterval(-3600)), session: charge).id)
        }
        try setup.close()

        let terminals = [try Terminal(url: url("wardline_app"), staffID: "N1", pin: pin(for: .nurse), patient: patients[0]),
                         try Terminal(url: url("wardline_app"), staffID: "C1", pin: pin(for: .chargeNurse), patient: patients[1])]
        let threads = terminals.map { t in Thread { t.run() } }
        threads.forEach { $0.start() }
        func waitUntil(_ what: String, _ seconds: TimeInterval = 60, _ ok: () -> Bool) throws {
            let deadline = Date().addingTimeInterval(seconds)
            while !ok() && Date() < deadline { usleep(20_000) }
            try #require(ok(), "timed out waiting for \(what)")
        }
        try waitUntil("saves on the primary") { terminals.allSatisfy { $0.count >= 15 } }

        let beforeKill = terminals.map(\.count)
        try cluster.killPrimary()
        let killedAt = Date()
        usleep(300_000)   // the gap before someone promotes the standby
        try cluster.promoteStandby()
        let promotedAt = Date()
        let atPromotion = terminals.map(\.count)
        try waitUntil("saves on the new primary") { zip(terminals, atPromotion).allSatisfy { $0.count >= $1 + 15 } }
        let firstAfter = Date()
        terminals.forEach { $0.stop.store(true, ordering: .relaxed) }
        try waitUntil("the terminals to stop", 30) { threads.allSatisfy { $0.isFinished } }
        try waitUntil("the change feeds to hear the new primary", 30) { terminals.allSatisfy { $0.counts.regained.load(ordering: .relaxed) >= 1 } }
        terminals.forEach { $0.feed?.stop() }

        // The new primary, found through the same host list (the dead one first).
        let after = try Store.open(path: url("wardline_app"), create: false)
        defer { try? after.close() }
        let stored = Set(try after.read { db in try db.scalars(Int64.self, "SELECT id FROM assessments") })
        let acknowledged = terminals.flatMap { $0.acknowledged.withLock { $0 } }
        let lost = acknowledged.filter { !stored.contains($0) }
        #expect(lost.isEmpty, "acknowledged but lost: \(lost)")
        #expect(Set(acknowledged).count == acknowledged.count, "no entry was acknowledged twice")
        // Nothing but acknowledged entries (a refused save left nothing behind).
        #expect(stored.count == acknowledged.count, "stored \(stored.count), acknowledged \(acknowledged.count)")
        #expect(try after.auditVerify().isIntact)
        #expect(terminals.allSatisfy { $0.counts.lost.load(ordering: .relaxed) >= 1 }, "each feed noticed the primary was gone")
        let refusals = terminals.flatMap { $0.refusals.withLock { $0 } }
        let unconfirmed = refusals.filter { $0.contains("NOT CONFIRMED") }.count
        #expect(unconfirmed == 0, "\(refusals)")
        print("""
            failover: \(acknowledged.count) saves acknowledged (\(beforeKill.reduce(0, +)) before the kill, \(acknowledged.count - atPromotion.reduce(0, +)) after the promotion), \
            \(lost.count) lost, \(refusals.count) refused during the gap ("Not saved … try again", each retried), \(unconfirmed) not confirmed; \
            promoted \(Int(promotedAt.timeIntervalSince(killedAt) * 1000)) ms after the kill, 15 more saves each \(Int(firstAfter.timeIntervalSince(promotedAt) * 1000)) ms after the promotion
            """)
    }
}
