import Foundation
import GRDB
import Synchronization
import Testing
import WardCore
@testable import WardStore

/// The ward snapshot reads what the screens show, not the ward's history (issue 15): every
/// history table is reached through an index on the admitted patients or on a time window.
@Suite struct SnapshotScopeTests {
    /// Tables that grow with every patient ever admitted. The snapshot may scan `patients` once
    /// (to find who is admitted) and the small ward tables (beds, settings, staff); never these.
    static let historyTables: Set<String> = [
        "assessments", "vital_signs", "sedation_scores", "monitoring_exceptions", "dose_gates", "med_orders",
        "med_order_versions", "administrations", "administration_amendments", "prn_followups", "prn_followup_results",
        "dose_overrides", "override_cosignatures", "handover_notes", "handover_marks", "severity_overrides",
        "discharges", "placements", "clinical_events", "spo2_scale_decisions", "audit_events",
    ]

    @Test func noSnapshotQueryScansAHistoryTable() throws {
        let f = try Fixture(); defer { f.cleanup() }
        try f.admit("M1", bed: "1")
        let gone = try f.admit("M2", bed: "2")
        try f.store.discharge(patientID: gone.id, session: f.session(.chargeNurse))
        let statements = Mutex<[String]>([])
        try f.store.pool.read { db in
            db.trace { event in
                if case .statement(let s) = event { statements.withLock { $0.append(s.sql) } }
            }
            _ = try Store.snapshot(SQLiteTx(db), protocol: wardProtocol, now: f.clock.now(), dischargedSince: nil)
            db.trace(options: [], nil)
            var scans: [String] = []
            for sql in statements.withLock({ $0 }) where sql.uppercased().hasPrefix("SELECT") {
                let aliases = Self.aliases(sql)
                let explain = try db.makeStatement(sql: "EXPLAIN QUERY PLAN \(sql)")
                explain.arguments = StatementArguments(Array(repeating: DatabaseValue.null, count: sql.filter { $0 == "?" }.count))
                for row in try Row.fetchAll(explain) {
                    let detail: String = row["detail"]
                    guard detail.hasPrefix("SCAN ") else { continue }
                    let name = String(detail.dropFirst(5).prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                    let table = aliases[name] ?? name
                    // The newest non-upkeep event: a backward walk from the newest row that stops at the first match.
                    if table == "audit_events" && sql.contains("ORDER BY seq DESC LIMIT 1") { continue }
                    if Self.historyTables.contains(table) { scans.append("\(detail) (\(table)) in: \(sql.prefix(120))") }
                }
            }
            #expect(statements.withLock { $0.count } > 10, "the trace saw the snapshot's queries")
            #expect(scans.isEmpty, "\(scans.joined(separator: "\n"))")
        }
    }

    /// Discharges older than the census window are not read by the terminal's snapshot; a
    /// handover for an earlier shift asks for its own window and counts them.
    @Test func dischargesAreReadForTheCensusWindowOnly() throws {
        let f = try Fixture(); defer { f.cleanup() }
        let early = try f.admit("OLD", bed: "1")
        try f.store.discharge(patientID: early.id, session: f.session(.chargeNurse))
        let earlyAt = f.clock.now()
        f.clock.advance(minutes: 3 * 24 * 60)
        let late = try f.admit("NEW", bed: "2")
        try f.store.discharge(patientID: late.id, session: f.session(.chargeNurse))

        let now = try f.store.loadWard(protocol: wardProtocol)
        #expect(now.discharges.map(\.patientID) == [late.id])
        let window = Store.censusWindowStart(wardProtocol, now: f.clock.now())
        #expect(window < f.clock.now() && window > earlyAt)
        let back = try f.store.loadWard(protocol: wardProtocol, dischargedSince: earlyAt.addingTimeInterval(-60))
        #expect(Set(back.discharges.map(\.patientID)) == [early.id, late.id])
    }

    /// `FROM t a`, `JOIN t AS a` → alias a is table t.
    static func aliases(_ sql: String) -> [String: String] {
        let words = sql.split(whereSeparator: { $0.isWhitespace || $0 == "(" || $0 == ")" || $0 == "," }).map(String.init)
        var out: [String: String] = [:]
        for (i, w) in words.enumerated() where (w.uppercased() == "FROM" || w.uppercased() == "JOIN") && i + 2 < words.count {
            var alias = words[i + 2]
            if alias.uppercased() == "AS", i + 3 < words.count { alias = words[i + 3] }
            out[alias] = words[i + 1]
        }
        return out
    }
}
