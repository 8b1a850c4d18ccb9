import Foundation
import GRDB

/// What `wardline check` reports: SQLite's own integrity and foreign-key
/// checks, the audit chain, and rows the program could not read as written
/// (a wrong type or an unreadable time in a column it relies on).
public struct IntegrityReport: Sendable, Hashable {
    public struct UnreadableRow: Sendable, Hashable {
        public var table: String
        public var id: Int64
        public var reason: String
    }
    /// "ok", or SQLite's messages.
    public var integrity: [String]
    /// `PRAGMA foreign_key_check`: one line per broken reference.
    public var foreignKeys: [String]
    public var audit: AuditVerification
    public var unreadable: [UnreadableRow]

    public var isClean: Bool { integrity == ["ok"] && foreignKeys.isEmpty && audit.isIntact && unreadable.isEmpty }
}

extension Store {
    /// The whole-file check for ward IT and cron (reads every page: run it off-peak).
    public func integrityReport() throws -> IntegrityReport {
        try pool.read { db in try Self.integrityReport(db, key: auditKey) }
    }

    static func integrityReport(_ db: Database, key: [UInt8]?) throws -> IntegrityReport {
        do {
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let fk = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { r in
                "\(r[0] as String? ?? "?") row \(r[1] as Int64? ?? 0) → \(r[2] as String? ?? "?")"
            }
            var unreadable: [IntegrityReport.UnreadableRow] = []
            for probe in Self.rowProbes {
                let sql = "SELECT \(probe.key) AS id, (\(probe.reason)) AS why FROM \(probe.table) WHERE (\(probe.reason)) IS NOT NULL"
                for r in try Row.fetchAll(db, sql: sql) {
                    unreadable.append(.init(table: probe.table, id: r["id"], reason: r["why"]))
                }
            }
            return IntegrityReport(integrity: integrity, foreignKeys: fk, audit: try Self.verify(db, key: key), unreadable: unreadable)
        }
    }

    /// Per table (and its key column), an SQL expression that is NULL for a readable row and names what is wrong
    /// otherwise. The mg bound is the record format's (a number the screens and printouts can carry), not a clinical limit.
    static let rowProbes: [(table: String, key: String, reason: String)] = [
        ("patients", "id", """
            CASE WHEN typeof(name) != 'text' THEN 'name is not text'
                 WHEN typeof(mrn) != 'text' THEN 'MRN is not text'
                 WHEN julianday(admitted_at) IS NULL THEN 'admission time unreadable' END
            """),
        ("assessments", "id", """
            CASE WHEN typeof(total) != 'integer' THEN 'total is not a whole number'
                 WHEN typeof(items) != 'text' THEN 'items are not text'
                 WHEN julianday(taken_at) IS NULL THEN 'time unreadable' END
            """),
        ("administrations", "id", """
            CASE WHEN typeof(mg) NOT IN ('real', 'integer') OR mg < 0 OR mg > 1000000 THEN 'dose (mg) is not a number the record can carry'
                 WHEN julianday(at) IS NULL THEN 'time unreadable'
                 WHEN status NOT IN ('given', 'held', 'refused', 'omitted') THEN 'status unknown' END
            """),
        ("vital_signs", "id", "CASE WHEN julianday(taken_at) IS NULL THEN 'time unreadable' END"),
        ("sedation_scores", "id", "CASE WHEN julianday(taken_at) IS NULL THEN 'time unreadable' END"),
        ("audit_events", "seq", "CASE WHEN julianday(at) IS NULL THEN 'time unreadable' END"),
    ]
}
