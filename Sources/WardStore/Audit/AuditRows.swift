import Foundation
import GRDB

/// Which rows each audit event wrote, and what they held. The writing
/// connection carries TEMP triggers that note every row a statement
/// inserts, updates or deletes; when a command appends its event the noted
/// rows are hashed (canonical content, one SHA-256 per row) into the event,
/// under the chain's key. `audit verify` hashes the tables again: a row that
/// differs from its event, a row no event wrote, and a row an event wrote
/// that is gone are each reported with the table, the row and the event.
enum AuditRows {
    /// Tables not covered: the trail itself, SQLite's and GRDB's bookkeeping, and
    /// the sign-in throttle for unknown IDs (a counter, changed by every failed guess).
    static let untracked: Set<String> = ["audit_events", "signin_throttle", "grdb_migrations"]
    /// Columns left out of a row's hash: the failed-attempt counter and lock time
    /// change on every wrong PIN and are not the person's identity or rights.
    static let excludedColumns: [String: Set<String>] = ["staff": ["failed_attempts", "locked_until"]]

    static func trackedTables(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
            """).filter { !untracked.contains($0) }
    }

    /// Installs the capture (and the key) on the connection that writes. TEMP
    /// objects belong to this connection only; nothing is written to the file.
    static func install(_ db: Database, key: [UInt8]) throws {
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS audit_touched(tbl TEXT NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (tbl, rid));
            CREATE TEMP TABLE IF NOT EXISTS audit_secret(key BLOB NOT NULL);
            DELETE FROM temp.audit_secret;
            """)
        try db.execute(sql: "INSERT INTO temp.audit_secret(key) VALUES (?)", arguments: [Data(key)])
        for table in try trackedTables(db) {
            let q = table.quotedDatabaseIdentifier
            let lit = "'" + table.replacingOccurrences(of: "'", with: "''") + "'"
            let hashed = try columns(db, table).filter { !(excludedColumns[table]?.contains($0) ?? false) }
            let updateOf = excludedColumns[table] == nil ? "" : " OF " + hashed.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
            for (event, ref) in [("INSERT", "NEW"), ("UPDATE\(updateOf)", "NEW"), ("DELETE", "OLD")] {
                let name = "audit_\(event.prefix(6).lowercased())_\(table)".quotedDatabaseIdentifier
                try db.execute(sql: """
                    DROP TRIGGER IF EXISTS temp.\(name);
                    CREATE TEMP TRIGGER \(name) AFTER \(event) ON main.\(q)
                    BEGIN INSERT OR IGNORE INTO audit_touched(tbl, rid) VALUES (\(lit), \(ref).rowid); END;
                    """)
            }
        }
    }

    /// The key installed on this connection, or nil when it has none.
    static func installedKey(_ db: Database) throws -> [UInt8]? {
        guard try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM temp.sqlite_master WHERE name = 'audit_secret'") == true else { return nil }
        return try Data.fetchOne(db, sql: "SELECT key FROM temp.audit_secret").map { [UInt8]($0) }
    }

    static func columns(_ db: Database, _ table: String) throws -> [String] {
        try Row.fetchAll(db, sql: "PRAGMA main.table_info(\(table.quotedDatabaseIdentifier))").map { $0["name"] }
    }

    /// SHA-256 of the row's canonical content: every column but the excluded
    /// ones, by name, with SQLite's storage class and exact value.
    static func hash(table: String, rid: Int64, row: SQLRow) -> String {
        var out = Array("wardline-row-v1\n\(table.utf8.count):\(table)\n\(rid)\n".utf8)
        let skip = excludedColumns[table] ?? []
        for (name, value) in row where name != "__rid" && !skip.contains(name) {
            out += Array("\(name.utf8.count):\(name)=".utf8)
            switch value {
            case .null: out += Array("n".utf8)
            case .int(let i): out += Array("i\(i)".utf8)
            case .double(let d): out += Array("r\(String(d.bitPattern, radix: 16))".utf8)
            case .text(let s): out += Array("t\(s.utf8.count):".utf8) + Array(s.utf8)
            case .blob(let b): out += Array("b\(b.count):".utf8) + b
            }
            out.append(10)
        }
        return Sodium.hex(Sodium.sha256(out))
    }

    /// A row a command wrote: its table and the number that names it (SQLite's rowid).
    struct RowRef: Hashable {
        var table: String
        var rid: Int64
    }

    /// One entry of an event's `rows`.
    struct Entry: Hashable {
        var table: String
        var rid: Int64
        /// nil: the event deleted the row.
        var hash: String?
    }

    static func parse(_ text: String) -> [Entry]? {
        guard !text.isEmpty else { return [] }
        var out: [Entry] = []
        for part in text.split(separator: ";", omittingEmptySubsequences: false) {
            let f = part.split(separator: ":", omittingEmptySubsequences: false)
            guard f.count == 3, let rid = Int64(f[1]) else { return nil }
            out.append(Entry(table: String(f[0]), rid: rid, hash: f[2] == "-" ? nil : String(f[2])))
        }
        return out
    }
}
