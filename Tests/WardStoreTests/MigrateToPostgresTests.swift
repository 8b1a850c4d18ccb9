import Foundation
import TestTools
import Testing
import WardCore
@testable import WardStore

/// `wardline migrate`: a ward's SQLite record and audit chain moved into a PostgreSQL ward, verified
/// on both sides; what cannot be moved is refused before anything is written.
@Suite(.serialized) struct MigrateToPostgresTests {
    /// A ward with a dose given, voided and given again (the slot's next generation), an amendment
    /// and a handover note: everything a ward's record holds.
    func ward() throws -> Fixture {
        let f = try Fixture(.sqlite)
        let p = try f.admit("MIG1", bed: "1")
        let amend = DoseAmendStoreTests()
        let (o, dose) = try amend.taper(f, p)
        let a = try amend.give(f, o, dose.dueAt)
        try f.store.markDoseEnteredInError(administrationID: a.id, reason: "wrong time", session: f.session(.nurse))
        f.clock.advance(minutes: 5)
        _ = try amend.give(f, o, dose.dueAt, by: .chargeNurse)
        _ = try f.store.record(RecordAssessment(patientID: p.id, scale: .ciwaB, items: f.ciwa(18)), session: f.session(.nurse), protocol: wardProtocol)
        return f
    }

    @Test func theWholeRecordMovesAndBothSidesVerifyTheSame() throws {
        let f = try ward(); defer { f.cleanup() }
        let pg = try PostgresTestWard(); defer { pg.drop() }
        let key = f.dir.path("pg-audit-key")
        let r = try Store.migrate(from: f.store.path, to: pg.url(owner: true, keyFile: key))
        #expect(r.tables.first { $0.name == "administrations" }?.rows == 2)
        #expect(r.tables.first { $0.name == "administration_amendments" }?.rows == 1)
        #expect(try AuditKey.load(key) == f.store.auditKey)

        // The terminals' role opens the moved ward: the same ward, the same chain, and it carries on.
        let moved = try Store.open(path: pg.url(keyFile: key), create: false, clock: f.clock)
        defer { try? moved.close() }
        let a = try f.store.loadWard(protocol: wardProtocol), b = try moved.loadWard(protocol: wardProtocol)
        #expect(a.patients == b.patients)
        #expect(a.administrations == b.administrations)
        #expect(a.version == b.version)
        #expect(try moved.auditVerify().headHash == f.store.auditVerify().headHash)
        #expect(try moved.integrityReport().isClean)
        let next = try moved.record(RecordAssessment(patientID: a.patients[0].id, scale: .ciwaB, items: f.ciwa(10)),
                                    session: f.session(.nurse), protocol: wardProtocol)
        #expect(next.id > (a.assessments[a.patients[0].id]?.map(\.id).max() ?? 0))   // the ids go on after the copied ones
        #expect(try moved.auditVerify().isIntact)

        // A row changed on the server afterwards is named by the chain, as on SQLite.
        #expect(try pg.psql("SET session_replication_role = replica; UPDATE patients SET name = 'Changed, X'", as: "postgres").status == 0)
        let v = try moved.auditVerify()
        #expect(v.rowFindings.contains { $0.kind == .rowEdited && $0.table == "patients" }, "\(v.rowFindings)")
    }

    @Test func aWardIsMovedOnlyWholeAndOnlyIntoAnEmptyOne() throws {
        let f = try ward(); defer { f.cleanup() }
        let pg = try PostgresTestWard(); defer { pg.drop() }
        let key = f.dir.path("pg-audit-key")
        let target = pg.url(owner: true, keyFile: key)
        _ = try Store.migrate(from: f.store.path, to: target)
        // Into a ward that holds a record already: refused, nothing written.
        let events = try pg.psql("SELECT count(*) FROM audit_events").stdout
        #expect(throws: MigrationError.self) { try Store.migrate(from: f.store.path, to: target) }
        #expect(try pg.psql("SELECT count(*) FROM audit_events").stdout == events)

        // A source that does not check clean (a row edited behind the store): refused.
        #expect(try f.outside("DROP TRIGGER patients_no_update; UPDATE patients SET name = 'Edited, Y';").status == 0)
        let other = try PostgresTestWard(); defer { other.drop() }
        let e = #expect(throws: MigrationError.self) { try Store.migrate(from: f.store.path, to: other.url(owner: true, keyFile: f.dir.path("k2"))) }
        #expect(e?.description.contains("does not check clean") == true)
        // Another ward's key where this one's would go: refused.
        let f2 = try ward(); defer { f2.cleanup() }
        let third = try PostgresTestWard(); defer { third.drop() }
        let k = #expect(throws: MigrationError.self) { try Store.migrate(from: f2.store.path, to: third.url(owner: true, keyFile: key)) }
        #expect(k?.description.contains("another ward's audit key") == true)
    }
}
