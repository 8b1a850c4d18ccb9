import Foundation
import GRDB
import Testing
import WardCore
@testable import WardStore

/// A ward's database from an earlier release opens in this one: the newer
/// migrations run on its data, nothing is lost, and the audit chain holds.
@Suite struct SchemaUpgradeTests {
    /// The fixture: the demo ward as schema 6 wrote it (Tests/Fixtures).
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/ward-schema6-demo.sql")

    /// Restores the dump into a new file, with the header values `.dump` leaves out.
    static func restore(into path: String) throws -> [String: Int] {
        let sql = try String(contentsOf: fixture, encoding: .utf8)
        let q = try DatabaseQueue(path: path)
        try q.writeWithoutTransaction { db in
            try db.execute(sql: sql)
            try db.execute(sql: "PRAGMA user_version = 6")
            try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
        }
        let counts = try q.read { db in
            try Dictionary(uniqueKeysWithValues: ["patients", "assessments", "administrations", "vital_signs", "audit_events",
                                                  "nurse_assignments", "med_orders"].map {
                ($0, try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1)
            })
        }
        try q.close()
        return counts
    }

    @Test func aSchema6WardOpensUpgradedWithEveryRowAndAnIntactAuditChain() throws {
        let dir = try TempDir()
        let path = dir.path("old-ward.sqlite")
        let before = try Self.restore(into: path)
        #expect(before["patients"] == 16 && (before["assessments"] ?? 0) > 100 && (before["administrations"] ?? 0) > 0)

        let store = try Store.open(path: path, create: false)
        defer { try? store.close() }
        let (version, migrations, after) = try store.pool.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
             try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
             try Dictionary(uniqueKeysWithValues: before.keys.map { ($0, try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1) }))
        }
        #expect(version == Schema.version)
        #expect(Set(migrations) == Set(Schema.migrator.migrations))
        var expected = before
        expected["audit_events"] = (before["audit_events"] ?? 0) + 1
        #expect(after == expected, "no row lost or added by the upgrade, one event keys the chain")
        let keyed = try store.auditVerify()
        #expect(keyed.isIntact)
        #expect(keyed.unkeyedEvents == before["audit_events"], "the old events stay as they were, checked as plain SHA-256")
        #expect(try store.auditEvents().last?.action == "audit.keyed")

        // The upgraded ward works: it loads, and a nurse can sign in and record.
        let proto = ProtocolLoader.builtInDefault()
        let ward = try store.loadWard(protocol: proto)
        #expect(ward.patients.count == 16)
        let nurse = try store.signIn(staffID: "N1001", secret: "111111", terminal: "upgrade-test", policy: proto.security)
        let patient = try #require(ward.patients.first)
        _ = try store.record(RecordAssessment(patientID: patient.id, scale: .ciwaB, items: [Int](repeating: 1, count: 20)),
                             session: Session(staff: nurse, terminal: "upgrade-test"), protocol: proto)
        #expect(try store.auditVerify().isIntact)
        // Clinical rows stay append-only after the upgrade.
        #expect(try sqlite3(path, "DELETE FROM assessments;").status != 0)
    }
}
