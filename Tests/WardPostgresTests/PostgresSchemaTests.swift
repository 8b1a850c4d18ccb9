import Dispatch
import Foundation
import GRDB
import Synchronization
import Testing
import TestTools
@testable import WardPostgres
@testable import WardStore

/// A fresh ward schema with a random code in the test cluster, installed as the owner; `drop()`
/// removes it (as the owner).
private struct TestWard {
    let cluster: PostgresCluster
    let passwords: PGPass
    let code: String
    let schema: String
    let owner: PostgresLink

    init() throws {
        cluster = try PostgresCluster.shared()
        passwords = try PGPass.load(environment: cluster.environment)
        code = "t" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        schema = "ward_" + code
        owner = try PostgresLink.connect(PostgresTarget(url: cluster.ownerURL), passwords: passwords)
        #expect(try PostgresSchema.install(ward: code, on: owner) == .created)
        try owner.query("SET search_path = \(schema)")
    }

    /// A link as the terminals' role, in the ward's schema.
    func app() throws -> PostgresLink {
        let link = try PostgresLink.connect(PostgresTarget(url: cluster.appURL), passwords: passwords)
        try link.query("SET search_path = \(schema)")
        return link
    }

    func drop() {
        _ = try? owner.query("DROP SCHEMA \(schema) CASCADE")
        owner.close()
    }

    static let time = "2026-11-28T12:00:00.000Z"

    /// A staff member, a patient and a taper order, written as the app role; their ids.
    func seed(_ link: PostgresLink) throws -> (staff: Int64, patient: Int64, order: Int64) {
        let staff = try id(link.query("""
            INSERT INTO staff (staff_id, name, role, pin_hash, created_at) VALUES ('N1', 'Nurse, Test', 'nurse', '$argon2id$x', $1) RETURNING id
            """, [.text(Self.time)]))
        let patient = try id(link.query("""
            INSERT INTO patients (mrn, name, date_of_birth, sex, admitted_at, admitted_by, entered_at)
            VALUES ('M1', 'Doe, Jane', '1980-01-02', 'female', $1, $2, $1) RETURNING id
            """, [.text(Self.time), .int(staff)]))
        let order = try id(link.query("INSERT INTO med_orders (patient_id, kind, created_at, created_by) VALUES ($1, 'taper', $2, $3) RETURNING id",
                                      [.int(patient), .text(Self.time), .int(staff)]))
        return (staff, patient, order)
    }

    /// Records the scheduled dose of `slot` as given; its id.
    @discardableResult
    func recordDose(_ link: PostgresLink, _ s: (staff: Int64, patient: Int64, order: Int64), slot: String) throws -> Int64 {
        try id(link.query("""
            INSERT INTO administrations (patient_id, order_id, order_version, is_prn, scheduled_for, status, drug, mg, route, at, recorded_by)
            VALUES ($1, $2, 1, 0, $3, 'given', 'diazepam', 10, 'oral', $4, $5) RETURNING id
            """, [.int(s.patient), .int(s.order), .text(slot), .text(Self.time), .int(s.staff)]))
    }

    /// Appends an audit event with the chain's columns as given.
    func appendEvent(_ link: PostgresLink, seq: Int64, prevSeq: Int64?, prevHash: String, hash: String) throws {
        try link.query("""
            INSERT INTO audit_events (seq, at, actor, terminal, action, details, prev_hash, hash, prev_seq)
            VALUES ($1, $2, 'N1', 'test', 'dose.record', '{}', $3, $4, $5)
            """, [.int(seq), .text(Self.time), .text(prevHash), .text(hash), prevSeq.map(PostgresValue.int) ?? .null])
    }

    private func id(_ rows: [[PostgresValue]]) throws -> Int64 {
        let id = rows.first?.first
        guard case .int(let id)? = id else { throw PostgresQueryError(.other, "no id returned: \(rows)") }
        return id
    }
}

/// The error a statement was refused with, or nil when it succeeded.
private func refusal(_ body: () throws -> Void) -> PostgresQueryError? {
    do { try body(); return nil } catch let e as PostgresQueryError { return e } catch {
        Issue.record("expected a PostgresQueryError, got \(error)"); return nil
    }
}

private func texts(_ rows: [[PostgresValue]]) -> [String] {
    rows.map { row in row.map { if case .text(let s) = $0 { s } else { "\($0)" } }.joined(separator: ".") }
}

/// The ward's PostgreSQL schema and its guarantees, against the real test cluster.
@Suite struct PostgresSchemaTests {
    /// The terminals' role reads and appends; it may change only the sign-in columns and a
    /// setting's value, and may never delete or truncate (42501 from the server, not our code).
    @Test func theAppRoleMayAppendButNeverChangeOrRemoveARecord() throws {
        let ward = try TestWard()
        defer { ward.drop() }
        let app = try ward.app()
        defer { app.close() }
        let s = try ward.seed(app)
        try ward.recordDose(app, s, slot: "2026-11-28T08:00:00.000Z")
        try ward.appendEvent(app, seq: 1, prevSeq: nil, prevHash: "", hash: "h1")
        for table in ["administrations", "audit_events"] {
            for statement in ["UPDATE \(table) SET at = at", "DELETE FROM \(table)", "TRUNCATE \(table)"] {
                #expect(refusal { try app.query(statement) }?.sqlState == "42501", "\(statement)")
            }
        }
        #expect(refusal { try app.query("UPDATE staff SET name = 'Someone, Else'") }?.sqlState == "42501")
        try app.query("UPDATE staff SET failed_attempts = 1, locked_until = $1 WHERE id = $2", [.text(TestWard.time), .int(s.staff)])

        // The whole grant table: no DELETE or TRUNCATE anywhere, UPDATE on the listed columns only,
        // INSERT on every ward table and none of PostgreSQL's own.
        let app_ = PostgresSchema.defaultAppRole
        let tables = try texts(ward.owner.query("""
            SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'
            """, [.text(ward.schema)]))
        #expect(tables.count == 37)
        for t in tables {
            let q = "SELECT has_table_privilege($1, $2, 'DELETE'), has_table_privilege($1, $2, 'TRUNCATE'), has_table_privilege($1, $2, 'UPDATE'), has_table_privilege($1, $2, 'INSERT'), has_table_privilege($1, $2, 'SELECT')"
            let mayInsert = !PostgresSchema.extraTables.contains(t) || PostgresSchema.appInsertableExtras.contains(t)
            #expect(try ward.owner.query(q, [.text(app_), .text(ward.schema + "." + t)]) == [[.bool(false), .bool(false), .bool(false), .bool(mayInsert), .bool(true)]], "\(t)")
        }
        let updatable = try Set(texts(ward.owner.query("""
            SELECT table_name, column_name FROM information_schema.column_privileges
            WHERE table_schema = $1 AND grantee = $2 AND privilege_type = 'UPDATE'
            """, [.text(ward.schema), .text(app_)])))
        #expect(updatable == Set(PostgresSchema.appUpdatableColumns.flatMap { t, cs in cs.map { "\(t).\($0)" } }))
    }

    /// The owner (or a DBA acting as it) is refused by the append-only triggers, on every table
    /// that has them; a staff member's ID, name and role are fixed and staff are never deleted.
    @Test func theOwnerIsRefusedByTheAppendOnlyTriggers() throws {
        let ward = try TestWard()
        defer { ward.drop() }
        let s = try ward.seed(ward.owner)
        try ward.recordDose(ward.owner, s, slot: "2026-11-28T08:00:00.000Z")
        // Each table with the generic append-only trigger, and its first column.
        let appendOnly = try ward.owner.query("""
            SELECT DISTINCT t.event_object_table::text, c.column_name::text FROM information_schema.triggers t
            JOIN information_schema.columns c ON c.table_schema = t.trigger_schema AND c.table_name = t.event_object_table AND c.ordinal_position = 1
            WHERE t.trigger_schema = $1 AND t.event_manipulation = 'DELETE' AND t.action_statement = 'EXECUTE FUNCTION refuse_change()'
            ORDER BY 1
            """, [.text(ward.schema)])
        #expect(appendOnly.count == 32)   // SQLite's 31, and the commands' receipts
        for row in appendOnly {
            guard case .text(let table) = row[0], case .text(let column) = row[1] else { Issue.record("\(row)"); continue }
            for sql in ["UPDATE \(table) SET \(column) = \(column)", "DELETE FROM \(table)"] {
                let e = refusal { try ward.owner.query(sql) }
                #expect(e?.sqlState == PostgresSchema.refusedChangeState, "\(sql): \(String(describing: e))")
                #expect(e?.description == "\(table) rows are never changed or deleted: write a new row")
            }
        }
        for table in ["administrations", "audit_events"] {
            for statement in ["UPDATE \(table) SET at = at", "TRUNCATE \(table) CASCADE"] {
                #expect(refusal { try ward.owner.query(statement) }?.sqlState == PostgresSchema.refusedChangeState, "\(statement)")
            }
        }
        // Every refusing trigger that fires on DELETE fires on TRUNCATE too (tgtype bits 3 and 5).
        #expect(try ward.owner.query("""
            SELECT count(*) FILTER (WHERE t.tgtype & 32 = 0), count(*) FROM pg_trigger t
            JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_class c ON c.oid = t.tgrelid
            WHERE c.relnamespace = $1::regnamespace AND p.proname = 'refuse_change' AND t.tgtype & 8 <> 0
            """, [.text(ward.schema)]) == [[.int(0), .int(33)]])
        #expect(refusal { try ward.owner.query("UPDATE staff SET name = 'Other, Name'") }?.description
                == "a staff member's ID, name and role are fixed; only disabled, PIN and lockout change")
        #expect(refusal { try ward.owner.query("DELETE FROM staff") }?.description == "staff are disabled, never deleted")
        try ward.owner.query("UPDATE staff SET disabled = 1")
    }

    /// Two terminals record the same scheduled dose at once: the second waits for the first's
    /// commit and is refused by the slot's primary key, whatever the application checked before.
    @Test func twoTerminalsRacingOneDoseGetExactlyOneRefusal() throws {
        let ward = try TestWard()
        defer { ward.drop() }
        let (a, b, watcher) = try (ward.app(), ward.app(), ward.app())
        defer { a.close(); b.close(); watcher.close() }
        let s = try ward.seed(a)
        let slot = "2026-11-28T08:00:00.000Z"
        guard case .int(let bPID)? = try b.query("SELECT pg_backend_pid()::bigint").first?.first else { Issue.record("no pid"); return }

        try a.query("BEGIN")
        try ward.recordDose(a, s, slot: slot)
        let bResult = Mutex<Result<Int64, PostgresQueryError>?>(nil)
        let bDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let r = Result<Int64, any Error> { try ward.recordDose(b, s, slot: slot) }.mapError { $0 as? PostgresQueryError ?? PostgresQueryError(.other, "\($0)") }
            bResult.withLock { $0 = r }
            bDone.signal()
        }
        // A holds its transaction open until B is seen waiting on A's claim: a real race.
        var waited = false
        for _ in 0..<200 where !waited {
            waited = try watcher.query("SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1", [.int(bPID)]) == [[.text("Lock")]]
            if !waited { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(waited, "the second insert never waited on the first")
        Thread.sleep(forTimeInterval: 0.2)
        try a.query("COMMIT")
        #expect(bDone.wait(timeout: .now() + 20) == .success)
        switch bResult.withLock({ $0 }) {
        case .failure(let e)?:
            #expect(e.sqlState == "23505", "\(e)")
            #expect(e.constraint == "administration_slots_pkey")
        case let other: Issue.record("the second record of the same dose was not refused: \(String(describing: other))")
        }
        #expect(try a.query("SELECT count(*) FROM administrations WHERE scheduled_for = $1", [.text(slot)]) == [[.int(1)]])
    }

    /// A dose entered in error (voided by an amendment row) may be recorded again, once; a PRN
    /// dose (no slot) claims nothing.
    @Test func aVoidedDoseMayBeRecordedAgainOnce() throws {
        let ward = try TestWard()
        defer { ward.drop() }
        let app = try ward.app()
        defer { app.close() }
        let s = try ward.seed(app)
        let slot = "2026-11-28T08:00:00.000Z"
        let first = try ward.recordDose(app, s, slot: slot)
        #expect(refusal { try ward.recordDose(app, s, slot: slot) }?.sqlState == "23505")
        try app.query("""
            INSERT INTO administration_amendments (administration_id, reason, recorded_by, recorded_at) VALUES ($1, 'wrong patient', $2, $3)
            """, [.int(first), .int(s.staff), .text(TestWard.time)])
        try ward.recordDose(app, s, slot: slot)
        let third = refusal { try ward.recordDose(app, s, slot: slot) }
        #expect(third?.sqlState == "23505")
        #expect(third?.constraint == "administration_slots_pkey")
        #expect(try app.query("SELECT generation FROM administration_slots ORDER BY generation") == [[.int(0)], [.int(1)]])
        #expect(refusal { try app.query("INSERT INTO administration_slots VALUES ($1, $2, 5, $3)", [.int(s.order), .text(slot), .int(first)]) }?.sqlState == "42501")
    }

    /// The audit chain: each event names its predecessor, so two appends at one head, a skipped
    /// seq or a prev_hash that is not the predecessor's hash are refused by the database.
    @Test func anAuditEventForkedAtTheHeadIsRefused() throws {
        let ward = try TestWard()
        defer { ward.drop() }
        let app = try ward.app()
        defer { app.close() }
        try ward.appendEvent(app, seq: 1, prevSeq: nil, prevHash: "", hash: "h1")
        try ward.appendEvent(app, seq: 2, prevSeq: 1, prevHash: "h1", hash: "h2")
        // A second writer that read the same head (seq 1) appends its own seq 2.
        let fork = refusal { try ward.appendEvent(app, seq: 2, prevSeq: 1, prevHash: "h1", hash: "h2-other") }
        #expect(fork?.sqlState == "23505", "\(String(describing: fork))")
        #expect(refusal { try ward.appendEvent(app, seq: 3, prevSeq: 2, prevHash: "h-forged", hash: "h3") }?.constraint == "audit_events_prev_fkey")
        // prev_seq is set by the database (seq - 1), whatever the writer sends: an event that claims an
        // older predecessor, or skips one, does not link to the event before it.
        #expect(refusal { try ward.appendEvent(app, seq: 3, prevSeq: 1, prevHash: "h1", hash: "h3") }?.constraint == "audit_events_prev_fkey")
        #expect(refusal { try ward.appendEvent(app, seq: 4, prevSeq: 3, prevHash: "h2", hash: "h4") }?.sqlState != nil)
        #expect(refusal { try ward.appendEvent(app, seq: 5, prevSeq: nil, prevHash: "", hash: "h5") }?.constraint == "audit_events_prev_fkey")
        try ward.appendEvent(app, seq: 3, prevSeq: 2, prevHash: "h2", hash: "h3")
    }

    /// A time the store did not write (not UTC text with milliseconds) is refused.
    @Test func aTimeNotInTheStoresFormatIsRefused() throws {
        let ward = try TestWard()
        defer { ward.drop() }
        let e = refusal { try ward.owner.query("INSERT INTO beds (label, position) VALUES ('1', 1)") }
        #expect(e == nil)
        for bad in ["2026-11-28 12:00:00", "2026-11-28T12:00:00Z", "yesterday"] {
            #expect(refusal { try ward.owner.query("INSERT INTO staff (staff_id, name, role, pin_hash, created_at) VALUES ('X', 'X', 'nurse', '$argon2id$', $1)",
                                                   [.text(bad)]) }?.sqlState == "23514", "\(bad)")
        }
    }

    /// Installing a current ward again changes nothing, and says so.
    @Test func aSecondInstallChangesNothing() throws {
        let ward = try TestWard()
        defer { ward.drop() }
        let fingerprint = """
            SELECT (SELECT string_agg(version || name || applied_at, ',' ORDER BY version) FROM schema_migrations),
                   (SELECT count(*) FROM pg_class WHERE relnamespace = $1::regnamespace),
                   (SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = $1::regnamespace),
                   (SELECT count(*) FROM information_schema.role_table_grants WHERE table_schema = $1),
                   (SELECT count(*) FROM information_schema.column_privileges WHERE table_schema = $1)
            """
        let before = try ward.owner.query(fingerprint, [.text(ward.schema)])
        #expect(try ward.owner.query("SELECT count(*) FROM schema_migrations") == [[.int(Int64(PostgresSchema.version))]])
        #expect(try PostgresSchema.install(ward: ward.code, on: ward.owner) == .upToDate)
        #expect(try ward.owner.query(fingerprint, [.text(ward.schema)]) == before)
    }

    /// A schema a newer Wardline upgraded (more migrations than this one knows) is refused with
    /// a message that says what to do, and left as it was.
    @Test func aSchemaFromANewerWardlineIsRefused() throws {
        let ward = try TestWard()
        defer { ward.drop() }
        let next = PostgresSchema.version + 1
        try ward.owner.query("INSERT INTO schema_migrations VALUES ($1, 'v-from-the-future', '2027-01-01T00:00:00.000Z')", [.int(Int64(next))])
        do {
            try PostgresSchema.install(ward: ward.code, on: ward.owner)
            Issue.record("a newer schema was taken")
        } catch {
            #expect(error.kind == .newerSchema)
            #expect(error.description.contains("\(ward.schema) has \(next) migrations, this Wardline knows \(next - 1)"), "\(error)")
            #expect(error.description.contains("newer Wardline"))
        }
        #expect(try ward.owner.query("SELECT max(version) FROM schema_migrations") == [[.int(Int64(next))]])
    }

    /// Each audit event committed is heard on the ward's channel as "seq action" (the change feed).
    @Test func eachAuditEventIsNotifiedOnTheWardsChannel() throws {
        let ward = try TestWard()
        defer { ward.drop() }
        let listener = try PostgresLink.connect(PostgresTarget(url: ward.cluster.appURL), passwords: ward.passwords)
        defer { listener.close() }
        let heard = Mutex<[String]>([])
        let got = DispatchSemaphore(value: 0)
        let channel = try PostgresSchema.channel(ward: ward.code)
        let context = listener.connection.addListener(channel: channel) { _, note in
            heard.withLock { $0.append(note.payload) }
            got.signal()
        }
        defer { context.stop() }
        try listener.query("SELECT 1")   // after the LISTEN the listener sent
        let app = try ward.app()
        defer { app.close() }
        try ward.appendEvent(app, seq: 1, prevSeq: nil, prevHash: "", hash: "h1")
        #expect(got.wait(timeout: .now() + 5) == .success, "no notification on \(channel)")
        #expect(heard.withLock { $0 } == ["1 dose.record"])
    }

    /// The PostgreSQL schema is SQLite's after every migration: the migration names, the tables
    /// and views, each one's columns in order with their type family and NOT NULL, and which
    /// tables are append-only, except PostgreSQL's documented additions.
    @Test func theTablesAndColumnsAreSQLitesAfterAllMigrations() throws {
        #expect(PostgresSchema.migrationNames == Schema.migrator.migrations)
        let folder = TemporaryFolders.make("pgschema")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.open(path: folder.appendingPathComponent("ward.sqlite").path, create: true)
        defer { try? store.close() }
        let families = ["INTEGER": "bigint", "REAL": "double precision", "TEXT": "text", "BLOB": "bytea"]
        let (sqlite, sqliteAppendOnly) = try store.pool.read { db in
            var columns: [String: [String]] = [:]
            let names = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                """)
            for name in names {
                columns[name] = try Row.fetchAll(db, sql: "PRAGMA table_info(\(name))").map { r in
                    let notNull = (r["notnull"] as Int) == 1 || (r["pk"] as Int) > 0
                    return "\(r["name"] as String) \(families[r["type"] as String] ?? "?") \(notNull ? "NOT NULL" : "NULL")"
                }
            }
            let appendOnly = try String.fetchAll(db, sql: "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_no_delete'")
            return (columns, Set(appendOnly))
        }

        let ward = try TestWard()
        defer { ward.drop() }
        var postgres: [String: [String]] = [:]
        for row in try ward.owner.query("""
            SELECT table_name::text, column_name::text, data_type::text, is_nullable::text FROM information_schema.columns
            WHERE table_schema = $1 ORDER BY table_name, ordinal_position
            """, [.text(ward.schema)]) {
            guard case .text(let table) = row[0], case .text(let column) = row[1], case .text(let type) = row[2], case .text(let nullable) = row[3]
            else { Issue.record("\(row)"); continue }
            if PostgresSchema.extraTables.contains(table) || PostgresSchema.extraColumns[table, default: []].contains(column) { continue }
            postgres[table, default: []].append("\(column) \(type) \(nullable == "NO" ? "NOT NULL" : "NULL")")
        }
        #expect(sqlite.count == 34)
        #expect(postgres.keys.sorted() == sqlite.keys.sorted())
        for (table, columns) in sqlite.sorted(by: { $0.key < $1.key }) {
            #expect(postgres[table] == columns, "\(table)")
        }
        // PostgreSQL's extra columns come after SQLite's.
        for (table, extra) in PostgresSchema.extraColumns {
            let last = try texts(ward.owner.query("""
                SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position
                """, [.text(ward.schema), .text(table)])).suffix(extra.count)
            #expect(Array(last) == extra, "\(table)")
        }
        let pgAppendOnly = try Set(texts(ward.owner.query("""
            SELECT event_object_table FROM information_schema.triggers
            WHERE trigger_schema = $1 AND event_manipulation = 'DELETE' AND action_statement LIKE 'EXECUTE FUNCTION refuse_change(%'
            """, [.text(ward.schema)]))).subtracting(PostgresSchema.extraTables)
        #expect(pgAppendOnly == sqliteAppendOnly)
    }
}
