import Foundation
import GRDB
import Testing
import WardCore
@testable import WardStore

/// Issue 14's attacks by someone with the file and the `sqlite3` shell, each
/// reported by `audit verify` with the event and the kind.
@Suite struct AuditTamperTests {
    /// A ward with staff, one patient and a few CIWA-B scores.
    static func ward() throws -> (Fixture, Patient) {
        let f = try Fixture(roles: [.chargeNurse, .nurse, .prescriber])
        let p = try f.admit("MRN1", bed: "1")
        for t in [30, 25, 20] {
            f.clock.advance(minutes: 60)
            _ = try f.store.record(RecordAssessment(patientID: p.id, scale: .ciwaB, items: f.ciwa(t)),
                                   session: f.session(.nurse), protocol: wardProtocol)
        }
        return (f, p)
    }

    static func run(_ f: Fixture, _ sql: String) throws {
        let r = try sqlite3(f.path, sql)
        #expect(r.status == 0, "attack failed: \(r.err)")
    }

    static func events(_ f: Fixture) throws -> [Row] {
        try f.store.pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM audit_events ORDER BY seq") }
    }

    /// The SQL that rewrites every event from `from` on with hashes recomputed:
    /// with `key` (a stolen key) as keyed events, without it as plain SHA-256.
    static func rewrite(_ rows: [Row], from: Int64, key: [UInt8]?, editDetails: (Int64, String) -> String) -> String {
        var sql = "DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;\n"
        var prev = rows.first { ($0["seq"] as Int64) == from - 1 }.map { $0["hash"] as String } ?? AuditChain.genesis
        for r in rows where (r["seq"] as Int64) >= from {
            let seq: Int64 = r["seq"]
            let details = editDetails(seq, r["details"])
            let content = AuditChain.canonical(seq: seq, at: r["at"], actor: r["actor"], terminal: r["terminal"], action: r["action"],
                                               patientMRN: r["patient_mrn"], details: details, rows: r["rows"])
            let h = AuditChain.hash(prev: prev, content: content, key: key)
            sql += "UPDATE audit_events SET details = '\(details.replacingOccurrences(of: "'", with: "''"))', prev_hash = '\(prev)', hash = '\(h)' WHERE seq = \(seq);\n"
            prev = h
        }
        return sql
    }

    static func seq(of action: String, in rows: [Row], nth: Int = 0) throws -> Int64 {
        try #require(rows.filter { ($0["action"] as String) == action }.dropFirst(nth).first)["seq"]
    }

    @Test func aConsistentRewriteWithoutTheKeyIsFoundAtTheFirstRewrittenEvent() throws {
        let (f, _) = try Self.ward(); defer { f.cleanup() }
        let rows = try Self.events(f)
        let target = try Self.seq(of: "assessment.record", in: rows)
        try Self.run(f, Self.rewrite(rows, from: target, key: nil) { s, d in s == target ? d.replacingOccurrences(of: "30", with: "3") : d })
        let v = try f.store.auditVerify()
        let b = try #require(v.firstBreak)
        #expect(b.kind == .edited && b.seq == target)
        #expect(b.message.contains("forged or edited without the audit key"))
        #expect(v.eventsVerified == Int(target) - 1)
    }

    @Test func aConsistentRewriteWithAStolenKeyIsFoundAgainstTheAnchor() throws {
        let (f, _) = try Self.ward(); defer { f.cleanup() }
        let before = try f.store.auditVerify()
        let anchor = AuditAnchor(count: try #require(before.headSeq), headHash: try #require(before.headHash))
        let rows = try Self.events(f)
        let target = try Self.seq(of: "assessment.record", in: rows)
        try Self.run(f, Self.rewrite(rows, from: target, key: f.store.auditKey) { s, d in s == target ? d + " " : d })
        #expect(try f.store.auditVerify().firstBreak == nil, "with the key the chain itself is consistent")
        let b = try #require(try f.store.auditVerify(expect: anchor).firstBreak)
        #expect(b.kind == .rewritten && b.seq == anchor.count)
    }

    @Test func aTruncationIsFoundAgainstTheAnchorAndItsRowsHaveNoEvent() throws {
        let (f, _) = try Self.ward(); defer { f.cleanup() }
        let before = try f.store.auditVerify()
        let anchor = AuditAnchor(count: try #require(before.headSeq), headHash: try #require(before.headHash))
        try Self.run(f, "DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events WHERE seq > \(anchor.count - 2);")
        let v = try f.store.auditVerify(expect: anchor)
        let b = try #require(v.firstBreak)
        #expect(b.kind == .truncated && b.seq == anchor.count)
        // Even without the anchor the newest scores are rows no event wrote.
        let plain = try f.store.auditVerify()
        #expect(plain.firstBreak == nil)
        #expect(plain.rowFindings.filter { $0.table == "assessments" && $0.kind == .rowWithoutEvent }.count == 2)
    }

    @Test func aForgedAppendIsFound() throws {
        let (f, p) = try Self.ward(); defer { f.cleanup() }
        let last = try #require(try Self.events(f).last)
        let seq = (last["seq"] as Int64) + 1
        let at = Timestamp.text(f.clock.now())
        let details = "{\"mg\":10,\"patient\":\(p.id)}"
        for rows in [nil, ""] as [String?] {   // as an old-style event, and as a keyed one hashed without the key
            let h = AuditChain.hash(prev: last["hash"], content: AuditChain.canonical(
                seq: seq, at: at, actor: "P1", terminal: "t", action: "dose.given", patientMRN: "MRN1", details: details, rows: rows))
            try Self.run(f, """
                DELETE FROM audit_events WHERE seq = \(seq);
                INSERT INTO audit_events(seq, at, actor, terminal, action, patient_mrn, details, prev_hash, hash, rows)
                VALUES (\(seq), '\(at)', 'P1', 't', 'dose.given', 'MRN1', '\(details)', '\(last["hash"] as String)', '\(h)', \(rows.map { "'\($0)'" } ?? "NULL"));
                """.replacingOccurrences(of: "DELETE FROM audit_events WHERE seq = \(seq);", with: rows == nil ? "" : "DROP TRIGGER IF EXISTS audit_events_no_delete; DELETE FROM audit_events WHERE seq = \(seq);"))
            let b = try #require(try f.store.auditVerify().firstBreak)
            #expect(b.seq == seq)
            #expect(b.kind == (rows == nil ? .unkeyed : .edited))
        }
    }

    @Test func aPINHashSwapIsFoundOnTheStaffRow() throws {
        let (f, _) = try Self.ward(); defer { f.cleanup() }
        let added = try Self.events(f).first { ($0["action"] as String) == "staff.add" && ($0["details"] as String).contains("P1") }
        try Self.run(f, "UPDATE staff SET pin_hash = (SELECT pin_hash FROM staff WHERE staff_id = 'N1') WHERE staff_id = 'P1';")
        let v = try f.store.auditVerify()
        #expect(v.firstBreak == nil)
        let prescriber = f.session(.prescriber).staff.id
        #expect(v.rowFindings == [AuditRowFinding(kind: .rowEdited, table: "staff", rowID: prescriber, seq: added?["seq"])])
    }

    @Test func aRoleChangeBehindTheTriggerIsFoundOnTheStaffRow() throws {
        let (f, _) = try Self.ward(); defer { f.cleanup() }
        try Self.run(f, """
            DROP TRIGGER staff_fixed_columns;
            UPDATE staff SET role = 'admin' WHERE staff_id = 'N1';
            CREATE TRIGGER staff_fixed_columns BEFORE UPDATE OF id, staff_id, name, role, created_at ON staff
            BEGIN SELECT RAISE(ABORT, 'fixed'); END;
            """)
        let finding = try #require(try f.store.auditVerify().rowFindings.first)
        #expect(finding.kind == .rowEdited && finding.table == "staff" && finding.rowID == f.session(.nurse).staff.id)
        #expect(finding.description.contains("edited outside Wardline"))
    }

    @Test func aClinicalRowEditIsFoundWithTheEventThatWroteIt() throws {
        let (f, _) = try Self.ward(); defer { f.cleanup() }
        let rows = try Self.events(f)
        let recorded = try Self.seq(of: "assessment.record", in: rows)
        let id = try #require(try f.store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT min(id) FROM assessments") })
        try Self.run(f, """
            DROP TRIGGER assessments_no_update;
            UPDATE assessments SET total = 3 WHERE id = \(id);
            """)
        let v = try f.store.auditVerify()
        #expect(v.firstBreak == nil)
        #expect(v.rowFindings == [AuditRowFinding(kind: .rowEdited, table: "assessments", rowID: id, seq: recorded)])
    }

    @Test func aRowAddedOrDeletedByHandIsFound() throws {
        let (f, p) = try Self.ward(); defer { f.cleanup() }
        let last = try #require(try f.store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM assessments") })
        try Self.run(f, """
            INSERT INTO assessments(patient_id, scale, items, total, band, taken_at, entered_at, recorded_by)
            SELECT patient_id, scale, items, 0, band, taken_at, entered_at, recorded_by FROM assessments WHERE id = \(last);
            DROP TRIGGER assessments_no_delete;
            DELETE FROM assessments WHERE id = \(last);
            """)
        let kinds = try f.store.auditVerify().rowFindings.map { "\($0.kind.rawValue) \($0.rowID)" }
        #expect(kinds == ["row deleted \(last)", "row without an event \(last + 1)"], "patient \(p.id)")
    }

    /// The demo ward is written through the same commands as a terminal (admissions, orders, PRN doses with
    /// their follow-ups, scores, assignments): every row is claimed by its own command's event.
    @Test func everyCommandsRowsAreItsOwnAndTheTrailHasNoLeftovers() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let clock = FixedClock(iso8601: "2026-11-28T14:05:00Z")
        let store = try Store.open(path: dir.path("demo.sqlite"), create: true, clock: clock)
        defer { try? store.close() }
        try DemoWard.seed(store: store, clock: clock, protocol: wardProtocol, policy: testPolicy)
        let v = try store.auditVerify()
        #expect(v.isIntact, "\(v.rowFindings.prefix(5))")
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM prn_followups") } ?? 0 > 0)
        #expect(try store.auditEvents().allSatisfy { $0.action != "audit.rows" }, "no command writes after its event")
    }

    @Test func aWardWithoutItsKeyIsRefusedAndAWrongKeyBreaksTheChain() throws {
        let (f, _) = try Self.ward()
        let path = f.path
        try f.store.close()
        defer { f.dir.cleanup() }
        let keyPath = AuditKey.path(forDatabase: path)
        let saved = try String(contentsOfFile: keyPath, encoding: .utf8)
        try FileManager.default.removeItem(atPath: keyPath)
        #expect(throws: StoreOpenError.self) { try Store.open(path: path, create: false) }
        try String(repeating: "ab", count: 32).write(toFile: keyPath, atomically: false, encoding: .utf8)
        let wrong = try Store.open(path: path, create: false)
        let b = try #require(try wrong.auditVerify().firstBreak)
        #expect(b.kind == .edited && b.seq == 1)
        try wrong.close()
        try FileManager.default.removeItem(atPath: keyPath)
        try saved.write(toFile: keyPath, atomically: false, encoding: .utf8)
        let right = try Store.open(path: path, create: false)
        #expect(try right.auditVerify().isIntact)
        try right.close()
    }
}

@Suite struct ItemListTests {
    @Test func storedItemListsReadWithoutAJSONDecoderAndOthersAreLeftToIt() {
        #expect(Assessment.itemList("[2,1,0,4]") == [2, 1, 0, 4])
        #expect(Assessment.itemList("[]") == [])
        #expect(Assessment.itemList("[-1,3]") == [-1, 3])
        for bad in ["", "[", "[1,", "[1,,2]", "[,]", "[1]x", "1,2", "[1 ,2]", "[99999999999999999999]", "[--1]"] {
            #expect(Assessment.itemList(bad) == nil, "\(bad)")
        }
    }
}
