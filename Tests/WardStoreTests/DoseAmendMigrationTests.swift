import Foundation
import GRDB
import Testing
import WardCore
@testable import WardStore

/// A ward database written before dose records could be marked entered in
/// error keeps its dose records, and the "never twice" guarantee holds after
/// the upgrade (the unique index gives way to the trigger).
@Suite struct DoseAmendMigrationTests {
    @Test func anOlderDatabaseUpgradesAndStillRefusesASecondRecord() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let path = dir.path("ward.sqlite")
        do {
            let q = try DatabaseQueue(path: path)
            try q.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)") }
            try Schema.migrator.migrate(q, upTo: "v-clinical-events-seizure-delirium")
            try q.write { db in
                try db.execute(sql: """
                    INSERT INTO staff(id, staff_id, name, role, pin_hash, created_at) VALUES (1, 'N1', 'Nurse, Old', 'nurse', '$argon2id$x', '2026-11-01T00:00:00.000Z');
                    INSERT INTO patients(id, mrn, name, date_of_birth, sex, admitted_at, admitted_by, entered_at)
                        VALUES (1, 'M1', 'Doe, Jane', '1980-01-01', 'female', '2026-11-01T00:00:00.000Z', 1, '2026-11-01T00:00:00.000Z');
                    INSERT INTO med_orders(id, patient_id, kind, created_at, created_by) VALUES (1, 1, 'taper', '2026-11-01T00:00:00.000Z', 1);
                    INSERT INTO administrations(id, patient_id, order_id, order_version, is_prn, scheduled_for, status, drug, mg, route, at, recorded_by)
                        VALUES (1, 1, 1, 1, 0, '2026-11-02T08:00:00.000Z', 'given', 'diazepam', 10, 'oral', '2026-11-02T08:05:00.000Z', 1);
                    """)
            }
            try q.close()
        }
        let store = try Store.open(path: path, create: false, clock: TestClock())
        defer { try? store.close() }
        let (index, trigger) = try store.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'administrations_once'"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'administrations_once'"))
        }
        let kept = try store.administrations(patient: 1).map(\.id)
        #expect(index == 0 && trigger == 1)
        #expect(kept == [1])
        let second = try sqlite3(path, """
            INSERT INTO administrations(patient_id, order_id, order_version, is_prn, scheduled_for, status, drug, mg, route, at, recorded_by)
            VALUES (1, 1, 1, 0, '2026-11-02T08:00:00.000Z', 'given', 'diazepam', 10, 'oral', '2026-11-02T08:10:00.000Z', 1);
            """)
        #expect(second.status != 0 && second.err.contains("never recorded twice"))
        // Marked entered in error (as the command writes it), the dose takes one more record, and only one.
        #expect(try sqlite3(path, "INSERT INTO administration_amendments(administration_id, reason, recorded_by, recorded_at) VALUES (1, 'wrong patient', 1, '2026-11-02T09:00:00.000Z');").status == 0)
        let again = "INSERT INTO administrations(patient_id, order_id, order_version, is_prn, scheduled_for, status, drug, mg, route, at, recorded_by) VALUES (1, 1, 1, 0, '2026-11-02T08:00:00.000Z', 'given', 'diazepam', 10, 'oral', '2026-11-02T09:10:00.000Z', 1);"
        #expect(try sqlite3(path, again).status == 0)
        #expect(try sqlite3(path, again).status != 0)
        #expect(try sqlite3(path, "INSERT INTO administration_amendments(administration_id, reason, recorded_by, recorded_at) VALUES (1, 'again', 1, '2026-11-02T09:20:00.000Z');").status != 0)
    }
}
