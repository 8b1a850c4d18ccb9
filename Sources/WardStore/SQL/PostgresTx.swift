import Foundation
import Synchronization
import WardCore
import WardPostgres

/// `SQLTx` on a ward's PostgreSQL connection inside its transaction. The store's SQL is written
/// once with `?` placeholders; here they become `$1`, `$2` …, values map onto SQLite's storage
/// classes (a boolean result reads as 0/1, as SQLite's does), and the audit capture is the
/// session's `pg_temp.audit_touched`, filled by the ward schema's row triggers.
struct PostgresTx: SQLTx {
    let link: PostgresLink
    let ward: PostgresWard
    /// The ward's audit key; nil on a read transaction (nothing is written there).
    let key: [UInt8]?

    var dialect: SQLDialect { .postgres }

    func execute(_ sql: String, _ args: SQLArguments) throws {
        try link.query(Self.numbered(sql), args.values.map(\.postgres))
    }

    func rows(_ sql: String, _ args: SQLArguments) throws -> [SQLRow] {
        let result = try link.queryNamed(Self.numbered(sql), args.values.map(\.postgres))
        return result.rows.map { SQLRow(names: result.names, values: $0.map(SQLValue.init)) }
    }

    func row(_ sql: String, _ args: SQLArguments) throws -> SQLRow? { try rows(sql, args).first }

    func forEachRow(_ sql: String, _ args: SQLArguments, _ body: (SQLRow) throws -> Void) throws {
        for r in try rows(sql, args) { try body(r) }
    }

    func scalar<V: SQLScalar>(_ sql: String, _ args: SQLArguments) throws -> V? {
        try link.query(Self.numbered(sql), args.values.map(\.postgres)).first?.first.flatMap { V.decode(SQLValue($0)) }
    }

    func scalars<V: SQLScalar>(_ sql: String, _ args: SQLArguments) throws -> [V] {
        try link.query(Self.numbered(sql), args.values.map(\.postgres)).compactMap { $0.first.flatMap { V.decode(SQLValue($0)) } }
    }

    func insert(_ sql: String, _ args: SQLArguments) throws -> Int64 {
        guard let id: Int64 = try scalar(sql + " RETURNING id", args) else {
            throw CommandRefusal(.storage, "Not saved: the database did not return the new entry's number.")
        }
        return id
    }

    func columnNames(_ table: String) throws -> [String] { try ward.columns(table, on: link).all }

    func auditKey() throws -> [UInt8]? { key }

    func capturedRows() throws -> [AuditRows.RowRef] {
        try rows("SELECT tbl, rid FROM pg_temp.audit_touched").map { AuditRows.RowRef(table: $0["tbl"], rid: $0["rid"]) }
    }

    func forgetCapturedRows() throws { try execute("DELETE FROM pg_temp.audit_touched") }

    func captureEveryRow() throws {
        for (table, rid) in try ward.tracked(on: link) {
            try execute("INSERT INTO pg_temp.audit_touched (tbl, rid) SELECT ?, \(rid) FROM \(table) ON CONFLICT DO NOTHING", [table])
        }
    }

    func trackedTables() throws -> [String] { try ward.tracked(on: link).map(\.table) }

    /// SQLite's columns only (PostgreSQL's own `rowid` and `prev_seq` are not part of a row's hash).
    func forEachHashedRow(_ table: String, rid: Int64?, _ body: (Int64, SQLRow) throws -> Void) throws {
        guard let ridColumn = try ward.tracked(on: link).first(where: { $0.table == table })?.rid else { return }
        let columns = try ward.columns(table, on: link).hashed.map { "\"\($0)\"" }.joined(separator: ", ")
        let sql = "SELECT \(ridColumn) AS \"__rid\", \(columns) FROM \(table)" + (rid == nil ? " ORDER BY \(ridColumn)" : " WHERE \(ridColumn) = ?")
        try forEachRow(sql, rid.map { [$0] } ?? []) { row in try body(row["__rid"], row) }
    }

    /// The statement with `?` numbered `$1`, `$2` … (not inside quotes or comments).
    static func numbered(_ sql: String) -> String {
        if let done = cache.withLock({ $0[sql] }) { return done }
        var out = ""
        out.reserveCapacity(sql.utf8.count + 16)
        var n = 0
        var quote: Character? = nil
        var comment = false
        var previous: Character = " "
        for c in sql {
            if comment {
                if c == "\n" { comment = false }
            } else if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "-" && previous == "-" {
                comment = true
            } else if c == "?" {
                n += 1
                out += "$\(n)"
                previous = c
                continue
            }
            out.append(c)
            previous = c
        }
        cache.withLock { $0[sql] = out }
        return out
    }

    private static let cache = Mutex<[String: String]>([:])
}

extension SQLValue {
    var postgres: PostgresValue {
        switch self {
        case .null: .null
        case .int(let i): .int(i)
        case .double(let d): .double(d)
        case .text(let s): .text(s)
        case .blob(let b): .bytes(b)
        }
    }

    /// PostgreSQL's value in SQLite's storage classes: a boolean is 0 or 1, as SQLite computes it.
    init(_ value: PostgresValue) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .int(b ? 1 : 0)
        case .int(let i): self = .int(i)
        case .double(let d): self = .double(d)
        case .text(let s): self = .text(s)
        case .bytes(let b): self = .blob(b)
        }
    }
}

extension PostgresQueryError: SQLStorageError {
    var storageMessage: String { description }
}
