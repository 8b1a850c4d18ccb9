import Foundation
import Synchronization
import WardPostgres

/// A ward kept in PostgreSQL (`ward_<code>` in the hospital's database): the store's storage when
/// `--db` is a `postgresql://` URL. One connection per store, used by one statement sequence at a
/// time (a terminal's commands run on one serial queue; the lock makes any other caller wait, as
/// GRDB's writer does). A command is one transaction that first takes the ward's write lock, so the
/// checks it makes see every earlier commit (SQLite's `BEGIN IMMEDIATE`) and the audit chain has
/// one writer at its head; a read is one REPEATABLE READ snapshot.
final class PostgresWard: @unchecked Sendable {
    let target: PostgresTarget
    let passwords: PGPass
    let ward: String
    let schema: String
    /// Held for each transaction: one at a time on the connection.
    private let lock = NSLock()
    /// The connection; replaced when the server closed it (guarded by `lock`).
    private var current: PostgresLink?
    private let cache = Mutex<Cache>(Cache())

    private struct Cache {
        var tracked: [(table: String, rid: String)]?
        var columns: [String: (all: [String], hashed: [String])] = [:]
    }

    init(target: PostgresTarget, passwords: PGPass, ward: String) throws(PostgresSchemaError) {
        self.target = target; self.passwords = passwords; self.ward = ward
        schema = try PostgresSchema.schemaName(ward: ward)
    }

    /// The connection, made (again) when there is none or the server closed it. Caller holds `lock`.
    private func link() throws -> PostgresLink {
        if let current, !current.isClosed { return current }
        current?.close()
        current = nil
        let link = try PostgresLink.connect(target, passwords: passwords)
        do {
            try link.query("SET search_path = \(schema)")
            try link.query(PostgresSchema.captureTable)
        } catch {
            link.close()
            throw error
        }
        current = link
        return link
    }

    /// A consistent snapshot for `body` (no write is possible in it).
    func read<T>(_ body: (PostgresTx) throws -> T) throws -> T {
        lock.lock(); defer { lock.unlock() }
        let link = try link()
        try link.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        do {
            let out = try body(PostgresTx(link: link, ward: self, key: nil))
            try link.query("COMMIT")
            return out
        } catch {
            if !link.isClosed { _ = try? link.query("ROLLBACK") }
            throw error
        }
    }

    /// One command's transaction under the ward's write lock; `seal` runs last, before COMMIT.
    /// Returns only after the server acknowledged the COMMIT (with a synchronous standby: after the
    /// standby has it too).
    func transaction<T>(key: [UInt8], _ body: (PostgresTx) throws -> T, seal: (PostgresTx) throws -> Void) throws -> T {
        lock.lock(); defer { lock.unlock() }
        let link = try link()
        try link.query("BEGIN")
        do {
            try link.query("SELECT pg_advisory_xact_lock(hashtext($1))", [.text("wardline.write." + schema)])
            let tx = PostgresTx(link: link, ward: self, key: key)
            let out = try body(tx)
            try seal(tx)
            try link.query("COMMIT")
            return out
        } catch {
            if !link.isClosed { _ = try? link.query("ROLLBACK") }
            throw error
        }
    }

    /// Runs `body` on the connection outside any transaction (opening checks, LISTEN).
    func withLink<T>(_ body: (PostgresLink) throws -> T) throws -> T {
        lock.lock(); defer { lock.unlock() }
        return try body(try link())
    }

    func close() {
        lock.lock(); defer { lock.unlock() }
        current?.close()
        current = nil
    }

    /// The tracked tables and their row-naming columns (read once per store).
    func tracked(on link: PostgresLink) throws -> [(table: String, rid: String)] {
        if let t = cache.withLock({ $0.tracked }) { return t }
        let t = try PostgresSchema.trackedTables(schema: schema, on: link)
        cache.withLock { $0.tracked = t }
        return t
    }

    /// A table's columns in order, and those a row's hash covers (SQLite's: without PostgreSQL's own).
    func columns(_ table: String, on link: PostgresLink) throws -> (all: [String], hashed: [String]) {
        if let c = cache.withLock({ $0.columns[table] }) { return c }
        let all = try link.query("""
            SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position
            """, [.text(schema), .text(table)]).compactMap { row -> String? in
            if case .text(let c) = row.first { return c }
            return nil
        }
        let extra = Set(PostgresSchema.extraColumns[table] ?? [])
        let c = (all: all, hashed: all.filter { !extra.contains($0) })
        cache.withLock { $0.columns[table] = c }
        return c
    }
}
