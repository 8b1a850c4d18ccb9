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
    /// PostgreSQL: the server enforces the types, keys and checks (its pages are pg_amcheck's); what
    /// is checked here is the audit chain and every row against its event, and the rows' readability.
    public func integrityReport() throws -> IntegrityReport {
        if isPostgres {
            return try read { db in
                IntegrityReport(integrity: ["ok"], foreignKeys: [], audit: try Self.verify(db, key: auditKey),
                                unreadable: try RowChecks.unreadable(db).map { IntegrityReport.UnreadableRow(table: $0.table, id: $0.id, reason: $0.reason) })
            }
        }
        var report: IntegrityReport? = nil
        do {
            try pool.read { db in report = try Self.integrityReport(db, key: auditKey) }
        } catch let e as DatabaseError where e.resultCode.primaryResultCode == .SQLITE_CORRUPT {
            // The read transaction of a damaged file may fail to end: the report made inside it stands.
            guard let report else { throw e }
            return report
        }
        guard let report else { throw DatabaseError(resultCode: .SQLITE_ERROR, message: "the check did not run") }
        return report
    }

    /// Every row the program cannot read as written (what `wardline check` lists).
    public func unreadableEntries() throws -> [UnreadableEntry] {
        try read { db in try RowChecks.unreadable(db) }
    }

    /// A damaged file is a finding, not a failure of the check: what SQLite could not read is reported
    /// under "integrity" and the later checks say they could not run.
    static func integrityReport(_ db: Database, key: [UInt8]?) throws -> IntegrityReport {
        func damaged(_ error: any Error) throws -> String {
            guard let e = error as? DatabaseError, [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(e.resultCode.primaryResultCode) else { throw error }
            return "SQLite: \(e.message ?? "database disk image is malformed") (restore from the last clean backup)"
        }
        var integrity: [String]
        do { integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check") } catch { integrity = [try damaged(error)] }
        var fk: [String] = []
        var unreadable: [IntegrityReport.UnreadableRow] = []
        var audit = AuditVerification(eventsVerified: 0, headSeq: nil, headHash: nil, firstBreak: nil)
        do {
            fk = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { r in
                "\(r[0] as String? ?? "?") row \(r[1] as Int64? ?? 0) → \(r[2] as String? ?? "?")"
            }
            unreadable = try RowChecks.unreadable(SQLiteTx(db)).map { IntegrityReport.UnreadableRow(table: $0.table, id: $0.id, reason: $0.reason) }
            audit = try Self.verify(SQLiteTx(db), key: key)
        } catch {
            let why = try damaged(error)
            if integrity == ["ok"] { integrity = [why] }
            audit.firstBreak = AuditBreak(kind: .unlinked, seq: 0, message: "the audit trail could not be read to the end (\(why))")
        }
        return IntegrityReport(integrity: integrity, foreignKeys: fk, audit: audit, unreadable: unreadable)
    }
}
