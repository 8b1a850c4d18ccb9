import Foundation
import Synchronization
import WardCore
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

    /// A consistent snapshot for `body` (no write is possible in it). A read on a connection the
    /// server had closed (a failover since the last statement) is read again once on a new one.
    /// With `schema`, the snapshot reads another ward's schema (the site view; the server refuses
    /// it unless this connection's role was granted that ward).
    func read<T>(schema other: String? = nil, _ body: (PostgresTx) throws -> T) throws -> T {
        lock.lock(); defer { lock.unlock() }
        do {
            return try readOnce(schema: other, body)
        } catch let e as PostgresQueryError where e.kind == .connectionLost {
            return try readOnce(schema: other, body)
        }
    }

    private func readOnce<T>(schema other: String?, _ body: (PostgresTx) throws -> T) throws -> T {
        let link = try link()
        try link.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        if let other { try link.query("SET LOCAL search_path = \(other)") }
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
    /// standby has it too). The transaction writes a receipt: when the connection is lost during
    /// COMMIT (the primary died), the outcome is asked of the primary the host list leads to next —
    /// saved, or not saved — and never guessed or retried.
    func transaction<T>(key: [UInt8], _ body: (PostgresTx) throws -> T, seal: (PostgresTx) throws -> Void) throws -> T {
        lock.lock(); defer { lock.unlock() }
        let link: PostgresLink
        do { link = try self.link() } catch { throw Self.unreachable(error) }
        let receipt = UUID().uuidString
        var result: T? = nil
        do {
            try link.query("BEGIN")
            try link.query("SELECT pg_advisory_xact_lock(hashtext($1))", [.text("wardline.write." + schema)])
            try link.query("INSERT INTO command_receipts (id, at) VALUES ($1, \(PostgresSchema.serverNow))", [.text(receipt)])
            let tx = PostgresTx(link: link, ward: self, key: key)
            let out = try body(tx)
            try seal(tx)
            result = out
            try link.query("COMMIT")
            return out
        } catch let e as PostgresQueryError where e.kind == .connectionLost || e.kind == .timedOut {
            // Lost before COMMIT was sent: nothing was saved. Lost during it: ask.
            guard let result else { throw Self.unreachable(e) }
            switch outcome(of: receipt) {
            case .some(true): return result   // its writes are exactly what `body` computed
            case .some(false): throw Self.unreachable(e)
            case .none:
                throw CommandRefusal(.storage, "NOT CONFIRMED: the database server went away while this was being saved, and no server has answered since. Look at the record before entering it again; call ward IT.")
            }
        } catch {
            if !link.isClosed { _ = try? link.query("ROLLBACK") }
            throw error
        }
    }

    /// How long a terminal keeps asking for the outcome of a commit whose connection was lost:
    /// long enough for a standby to be promoted (an operational wait, not a clinical number).
    static let outcomeWait: TimeInterval = 30

    /// Whether the receipt is on the primary (true), not there (false), or nobody answered (nil).
    /// Caller holds `lock`.
    private func outcome(of receipt: String) -> Bool? {
        current?.close()
        current = nil
        let deadline = Date().addingTimeInterval(Self.outcomeWait)
        while Date() < deadline {
            if let link = try? link(),
               let rows = try? link.query("SELECT count(*) FROM command_receipts WHERE id = $1", [.text(receipt)]),
               case .int(let n) = rows.first?.first {
                return n > 0
            }
            Thread.sleep(forTimeInterval: 0.25)
        }
        return nil
    }

    /// A command that could not reach the ward's primary: nothing was saved; say so plainly (the
    /// hosts and their answers are ward IT's: `wardline check --db URL` prints them).
    static func unreachable(_ error: any Error) -> CommandRefusal {
        CommandRefusal(.storage, "Not saved: the ward's database server cannot be reached (reconnecting…). What you entered is still here: try again in a moment.")
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
