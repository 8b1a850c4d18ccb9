import Foundation

/// One open transaction on one connection: the only way the commands and
/// loaders reach the database. SQL text is the subset SQLite and PostgreSQL
/// share (`?` placeholders, `RETURNING`, `ON CONFLICT`); what differs between
/// them — the audit row capture, the column list of a table — is asked of the
/// transaction. Errors are the backend's own (a command maps them to a refusal).
protocol SQLTx {
    /// Which database's words the few SQL fragments that differ must use (RowChecks).
    var dialect: SQLDialect { get }
    func execute(_ sql: String, _ args: SQLArguments) throws
    /// Every row of the result.
    func rows(_ sql: String, _ args: SQLArguments) throws -> [SQLRow]
    /// The first row of the result, if any.
    func row(_ sql: String, _ args: SQLArguments) throws -> SQLRow?
    /// Every row of the result, one at a time (nothing kept between rows).
    func forEachRow(_ sql: String, _ args: SQLArguments, _ body: (SQLRow) throws -> Void) throws
    /// The first column of the first row; nil when there is no row or it is NULL.
    func scalar<V: SQLScalar>(_ sql: String, _ args: SQLArguments) throws -> V?
    /// The first column of every row.
    func scalars<V: SQLScalar>(_ sql: String, _ args: SQLArguments) throws -> [V]
    /// Runs one `INSERT` of one row (without `RETURNING`) and returns the new row's `id`.
    func insert(_ sql: String, _ args: SQLArguments) throws -> Int64
    /// The table's column names, in order.
    func columnNames(_ table: String) throws -> [String]

    // The audit row capture (AuditRows): which rows this connection has written since the last event.
    /// The ward's audit key as installed on this connection; nil when it has none (a write outside the store).
    func auditKey() throws -> [UInt8]?
    /// The rows written since the last event (each once, in no particular order).
    func capturedRows() throws -> [AuditRows.RowRef]
    /// Forgets the captured rows (they went into an event).
    func forgetCapturedRows() throws
    /// Notes every row of every tracked table as written (the baseline event of a newly keyed chain).
    func captureEveryRow() throws
    /// The tables whose rows the audit events record, in name order.
    func trackedTables() throws -> [String]
    /// Each row of `table` (only the one named `rid`, when given) with the columns a row's hash
    /// covers, in the ward's column order, and the number that names it (SQLite's rowid).
    func forEachHashedRow(_ table: String, rid: Int64?, _ body: (Int64, SQLRow) throws -> Void) throws
}

/// The two databases a ward can live in.
enum SQLDialect: Sendable, Hashable {
    case sqlite, postgres
}

extension SQLTx {
    func execute(_ sql: String) throws { try execute(sql, []) }
    func rows(_ sql: String) throws -> [SQLRow] { try rows(sql, []) }
    func row(_ sql: String) throws -> SQLRow? { try row(sql, []) }
    func forEachRow(_ sql: String, _ body: (SQLRow) throws -> Void) throws { try forEachRow(sql, [], body) }
    func scalar<V: SQLScalar>(_ sql: String) throws -> V? { try scalar(sql, []) }
    func scalars<V: SQLScalar>(_ sql: String) throws -> [V] { try scalars(sql, []) }
}

extension SQLTx {
    /// Whether rows were written since the last event.
    func hasUncapturedRows() throws -> Bool { try !capturedRows().isEmpty }

    /// The rows written since the last event as `AuditRows` entries ("table:rowid:hash" joined by ";",
    /// "-" for a row deleted, in table then row order), then forgets them.
    func drainCapturedRows() throws -> String {
        let touched = try capturedRows().sorted { ($0.table, $0.rid) < ($1.table, $1.rid) }
        guard !touched.isEmpty else { return "" }
        var entries: [String] = []
        for t in touched {
            var hash = "-"
            try forEachHashedRow(t.table, rid: t.rid) { rid, row in hash = AuditRows.hash(table: t.table, rid: rid, row: row) }
            entries.append("\(t.table):\(t.rid):\(hash)")
        }
        try forgetCapturedRows()
        return entries.joined(separator: ";")
    }
}

extension SQLTx {
    /// `scalar` with the type named: `try db.scalar(Int.self, "SELECT count(*) FROM beds") ?? 0`.
    func scalar<V: SQLScalar>(_ type: V.Type, _ sql: String, _ args: SQLArguments = []) throws -> V? { try scalar(sql, args) }
    /// `scalars` with the type named.
    func scalars<V: SQLScalar>(_ type: V.Type, _ sql: String, _ args: SQLArguments = []) throws -> [V] { try scalars(sql, args) }
}

/// An error of the database itself (a constraint, a lock, I/O): a command reports its text as "refused the write".
protocol SQLStorageError: Error {
    var storageMessage: String { get }
}
