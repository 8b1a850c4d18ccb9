import TestTools
import Foundation
import Testing
import WardCore
@testable import WardStore

/// The audit trail verified, then tampered with from the sqlite3 shell the
/// way an attacker would (drop the trigger first), each break found at the
/// right event.
@Suite struct AuditChainTests {
    /// A ward with a handful of events; returns the fixture and the number of events.
    static func ward(_ backend: TestBackend) throws -> (Fixture, Int) {
        let f = try Fixture(backend, roles: [.chargeNurse, .nurse])
        let p = try f.admit("MRN1", bed: "1")
        for t in [30, 25, 20, 12] {
            f.clock.advance(minutes: 60)
            _ = try f.store.record(RecordAssessment(patientID: p.id, scale: .ciwaB, items: f.ciwa(t)),
                                   session: f.session(.nurse), protocol: wardProtocol)
        }
        let n = try f.store.auditEvents().count
        return (f, n)
    }

    static func attack(_ f: Fixture, _ sql: String) throws {
        // SQLite: anyone who can write the file drops the triggers. PostgreSQL: only the server's
        // superuser gets past the grants, the triggers (replica mode) and the chain's constraints.
        let r = f.backend == .sqlite ? try f.outside("DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete; \(sql)")
                                     : try f.outside("""
                                           SET session_replication_role = replica;
                                           ALTER TABLE audit_events DROP CONSTRAINT audit_events_prev_is_previous,
                                                                    DROP CONSTRAINT audit_events_first_has_no_prev;
                                           \(sql)
                                           """, as: .superuser)
        #expect(r.status == 0, "attack failed: \(r.err)")
    }

    @Test(arguments: TestBackend.both) func intactChainVerifies(_ backend: TestBackend) throws {
        let (f, n) = try Self.ward(backend); defer { f.cleanup() }
        let v = try f.store.auditVerify()
        #expect(v.isIntact)
        #expect(v.eventsVerified == n)
        #expect(v.headSeq == Int64(n))
        #expect(v.headHash?.count == 64)
        let events = try f.store.auditEvents()
        #expect(events.first?.prevHash == AuditChain.genesis)
        for (a, b) in zip(events, events.dropFirst()) { #expect(b.prevHash == a.hash) }
    }

    @Test(arguments: TestBackend.both) func editedEventIsFoundAtThatEvent(_ backend: TestBackend) throws {
        let (f, _) = try Self.ward(backend); defer { f.cleanup() }
        let target = try #require(try f.store.auditEvents().first { $0.action == "assessment.record" })
        try Self.attack(f, "UPDATE audit_events SET details = replace(details, '\"total\":30', '\"total\":3') WHERE seq = \(target.seq);")
        let v = try f.store.auditVerify()
        let b = try #require(v.firstBreak)
        #expect(b.kind == .edited)
        #expect(b.seq == target.seq)
        #expect(v.eventsVerified == Int(target.seq) - 1)
        #expect(b.message.contains("event \(target.seq)"))
    }

    @Test(arguments: TestBackend.both) func editWithARecomputedPlainHashIsFoundAtThatEvent(_ backend: TestBackend) throws {
        let (f, _) = try Self.ward(backend); defer { f.cleanup() }
        let events = try f.store.auditEvents()
        let target = events[events.count - 3]
        let forged = "{\"forged\":true}"
        let h = AuditChain.hash(prev: target.prevHash, content: AuditChain.canonical(
            seq: target.seq, at: Timestamp.text(target.at), actor: target.actor, terminal: target.terminal,
            action: target.action, patientMRN: target.patientMRN, details: forged))
        try Self.attack(f, "UPDATE audit_events SET details = '\(forged)', hash = '\(h)' WHERE seq = \(target.seq);")
        // Keyed events carry a MAC: a plain SHA-256 recomputed by hand does not match it.
        let b = try #require(try f.store.auditVerify().firstBreak)
        #expect(b.kind == .edited)
        #expect(b.seq == target.seq)
        #expect(b.message.contains("forged or edited without the audit key"))
    }

    @Test(arguments: TestBackend.both) func deletedEventIsFoundWhereItWas(_ backend: TestBackend) throws {
        let (f, _) = try Self.ward(backend); defer { f.cleanup() }
        let events = try f.store.auditEvents()
        let target = events[events.count - 2]
        try Self.attack(f, "DELETE FROM audit_events WHERE seq = \(target.seq);")
        let v = try f.store.auditVerify()
        let b = try #require(v.firstBreak)
        #expect(b.kind == .deleted)
        #expect(b.seq == target.seq)
        #expect(b.message.contains("event \(target.seq) is missing"))
    }

    @Test(arguments: TestBackend.both) func insertedEventIsFoundAtTheInsertedRow(_ backend: TestBackend) throws {
        let (f, n) = try Self.ward(backend); defer { f.cleanup() }
        let events = try f.store.auditEvents()
        let at = events[n - 3]           // insert a fake event in front of this one
        let before = events[n - 4]
        // Make room by renumbering the later events, then insert a well-formed
        // row that links to the event before it, with a correctly computed hash.
        let details = "{\"entry\":99,\"total\":0}"
        let atText = Timestamp.text(at.at.addingTimeInterval(-1))
        let h = AuditChain.hash(prev: before.hash, content: AuditChain.canonical(
            seq: at.seq, at: atText, actor: "N1", terminal: "test", action: "assessment.record",
            patientMRN: "MRN1", details: details))
        try Self.attack(f, """
            UPDATE audit_events SET seq = seq + 1000 WHERE seq >= \(at.seq);
            UPDATE audit_events SET seq = seq - 999 WHERE seq >= 1000;
            INSERT INTO audit_events(seq, at, actor, terminal, action, patient_mrn, details, prev_hash, hash)
            VALUES (\(at.seq), '\(atText)', 'N1', 'test', 'assessment.record', 'MRN1', '\(details)', '\(before.hash)', '\(h)');
            """)
        #expect(try f.store.auditEvents().count == n + 1)
        let b = try #require(try f.store.auditVerify().firstBreak)
        #expect(b.kind == .inserted)
        #expect(b.seq == at.seq)
    }

    @Test(arguments: TestBackend.both) func filtersByPatientStaffAndTime(_ backend: TestBackend) throws {
        let (f, _) = try Self.ward(backend); defer { f.cleanup() }
        let all = try f.store.auditEvents()
        #expect(try f.store.auditEvents(filter: AuditFilter(patientMRN: "MRN1")).count == 5)
        #expect(try f.store.auditEvents(filter: AuditFilter(staffID: "n1")).allSatisfy { $0.actor == "N1" })
        #expect(try f.store.auditEvents(filter: AuditFilter(staffID: "N1")).count == 4)
        let cut = all[all.count - 2].at
        #expect(try f.store.auditEvents(filter: AuditFilter(since: cut)).map(\.seq) == all.suffix(2).map(\.seq))
        #expect(try f.store.auditEvents(filter: AuditFilter(patientMRN: "MRN1", staffID: "C1")).map(\.action) == ["patient.admit"])
    }
}
