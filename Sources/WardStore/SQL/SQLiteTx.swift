import Foundation
import GRDB
import WardCore

/// `SQLTx` on a GRDB connection inside its transaction (the SQLite store).
struct SQLiteTx: SQLTx {
    let db: Database

    init(_ db: Database) { self.db = db }

    var dialect: SQLDialect { .sqlite }

    func execute(_ sql: String, _ args: SQLArguments) throws {
        try db.execute(sql: sql, arguments: Self.arguments(args))
    }

    func rows(_ sql: String, _ args: SQLArguments) throws -> [SQLRow] {
        var out: [SQLRow] = []
        try forEachRow(sql, args) { out.append($0) }
        return out
    }

    func row(_ sql: String, _ args: SQLArguments) throws -> SQLRow? {
        let statement = try db.makeStatement(sql: sql)
        let names = statement.columnNames
        let cursor = try Row.fetchCursor(statement, arguments: Self.arguments(args))
        return try cursor.next().map { SQLRow(names: names, values: Self.values($0)) }
    }

    func forEachRow(_ sql: String, _ args: SQLArguments, _ body: (SQLRow) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        let names = statement.columnNames
        let cursor = try Row.fetchCursor(statement, arguments: Self.arguments(args))
        while let r = try cursor.next() { try body(SQLRow(names: names, values: Self.values(r))) }
    }

    /// GRDB's own conversion of a single value (SQLite's, for a value of another storage class).
    func scalar<V: SQLScalar>(_ sql: String, _ args: SQLArguments) throws -> V? {
        func one<T: DatabaseValueConvertible & StatementColumnConvertible>(_: T.Type) throws -> V? {
            try T.fetchOne(db, sql: sql, arguments: Self.arguments(args)).map { $0 as! V }
        }
        return try one(Self.grdbType(V.self))
    }

    func scalars<V: SQLScalar>(_ sql: String, _ args: SQLArguments) throws -> [V] {
        func all<T: DatabaseValueConvertible & StatementColumnConvertible>(_: T.Type) throws -> [V] {
            try T.fetchAll(db, sql: sql, arguments: Self.arguments(args)).map { $0 as! V }
        }
        return try all(Self.grdbType(V.self))
    }

    func insert(_ sql: String, _ args: SQLArguments) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: sql + " RETURNING id", arguments: Self.arguments(args)) else {
            throw CommandRefusal(.storage, "Not saved: the database did not return the new entry's number.")
        }
        return id
    }

    func columnNames(_ table: String) throws -> [String] { try db.columns(in: table).map(\.name) }

    func auditKey() throws -> [UInt8]? { try AuditRows.installedKey(db) }

    func capturedRows() throws -> [AuditRows.RowRef] {
        try Row.fetchAll(db, sql: "SELECT tbl, rid FROM temp.audit_touched").map { AuditRows.RowRef(table: $0["tbl"], rid: $0["rid"]) }
    }

    func forgetCapturedRows() throws { try db.execute(sql: "DELETE FROM temp.audit_touched") }

    func captureEveryRow() throws {
        for table in try trackedTables() {
            try db.execute(sql: "INSERT OR IGNORE INTO temp.audit_touched(tbl, rid) SELECT ?, rowid FROM main.\(table.quotedDatabaseIdentifier)",
                           arguments: [table])
        }
    }

    func trackedTables() throws -> [String] { try AuditRows.trackedTables(db) }

    func forEachHashedRow(_ table: String, rid: Int64?, _ body: (Int64, SQLRow) throws -> Void) throws {
        let q = table.quotedDatabaseIdentifier
        let sql = rid == nil ? "SELECT rowid AS \"__rid\", * FROM main.\(q) ORDER BY rowid"
                             : "SELECT rowid AS \"__rid\", * FROM main.\(q) WHERE rowid = ?"
        try forEachRow(sql, rid.map { [$0] } ?? []) { row in try body(row["__rid"], row) }
    }

    private static func grdbType<V: SQLScalar>(_ type: V.Type) -> any (DatabaseValueConvertible & StatementColumnConvertible).Type {
        guard let t = type as? any (DatabaseValueConvertible & StatementColumnConvertible).Type else {
            fatalError("SQLiteTx: \(type) is not a GRDB column type")
        }
        return t
    }

    static func arguments(_ args: SQLArguments) -> StatementArguments {
        StatementArguments(args.values.map { v -> DatabaseValue in
            switch v {
            case .null: .null
            case .int(let i): i.databaseValue
            case .double(let d): d.databaseValue
            case .text(let s): s.databaseValue
            case .blob(let b): Data(b).databaseValue
            }
        })
    }

    /// The row's values by storage class, exactly as SQLite holds them.
    static func values(_ row: Row) -> [SQLValue] {
        row.databaseValues.map { SQLValue($0) }
    }
}

extension SQLValue {
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let i): self = .int(i)
        case .double(let d): self = .double(d)
        case .string(let s): self = .text(s)
        case .blob(let b): self = .blob([UInt8](b))
        }
    }
}

extension Store {
    /// A read transaction (a consistent snapshot) through the SQL seam.
    func read<T>(_ body: (any SQLTx) throws -> T) throws -> T {
        switch backend {
        case .sqlite(let pool): try pool.read { db in try body(SQLiteTx(db)) }
        case .postgres(let ward): try ward.read { tx in try body(tx) }
        }
    }

    /// One transaction under the ward's write lock (SQLite: IMMEDIATE, on the writing connection, the
    /// audit capture installed on it at its first write); rows written after the body's last audit
    /// event are sealed before COMMIT.
    func transaction<T>(_ body: (any SQLTx) throws -> T) throws -> T {
        let seal: (any SQLTx) throws -> Void = { tx in try AuditChain.sealLeftovers(tx, at: self.clock.now()) }
        let pool: DatabasePool
        switch backend {
        case .postgres(let ward): return try ward.transaction(key: auditKey, { tx in try body(tx) }, seal: { tx in try seal(tx) })
        case .sqlite(let p): pool = p
        }
        return try pool.writeWithoutTransaction { db in
            if try AuditRows.installedKey(db) == nil { try AuditRows.install(db, key: auditKey) }
            var out: T? = nil
            try db.inTransaction(.immediate) {
                let tx = SQLiteTx(db)
                out = try body(tx)
                try seal(tx)
                return .commit
            }
            guard let out else { throw CommandRefusal(.storage, "Not saved: the transaction did not complete.") }
            return out
        }
    }
}

extension DatabaseError: SQLStorageError {
    var storageMessage: String { message ?? "\(resultCode)" }
}
