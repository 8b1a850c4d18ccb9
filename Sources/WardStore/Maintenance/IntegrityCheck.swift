import Foundation
import GRDB
import WardCore

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

    /// Every row the program cannot read as written (what `wardline check` lists).
    public func unreadableEntries() throws -> [UnreadableEntry] {
        try pool.read { db in try RowChecks.unreadable(db) }
    }

    static func integrityReport(_ db: Database, key: [UInt8]?) throws -> IntegrityReport {
        do {
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let fk = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { r in
                "\(r[0] as String? ?? "?") row \(r[1] as Int64? ?? 0) → \(r[2] as String? ?? "?")"
            }
            let unreadable = try RowChecks.unreadable(db).map { IntegrityReport.UnreadableRow(table: $0.table, id: $0.id, reason: $0.reason) }
            return IntegrityReport(integrity: integrity, foreignKeys: fk, audit: try Self.verify(db, key: key), unreadable: unreadable)
        }
    }
}
