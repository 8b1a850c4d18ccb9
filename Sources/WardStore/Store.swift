import Foundation
import GRDB
import WardCore
import WardPostgres

/// The ward database: one SQLite file in WAL mode shared by every terminal
/// process of the ward, or the ward's schema in a hospital's PostgreSQL
/// (`postgresql://…`, Store+Postgres.swift). Every write is a command: one
/// transaction that takes the ward's write lock, checks the caller's role,
/// writes its rows and its audit event, and returns only after the commit
/// (SQLite: synchronous=FULL; PostgreSQL: the server's acknowledgement, with
/// the synchronous standby's) — so a returned value means the change is durable.
public final class Store: Sendable {
    /// The SQLite file, or the PostgreSQL URL (it holds no password).
    public let path: String
    let backend: Backend
    let clock: any WardClock
    /// The ward's audit key (`<db>.audit-key`, or the URL's `auditkey=`), used by the writing connection.
    let auditKey: [UInt8]

    /// Where the ward's rows are.
    enum Backend: Sendable {
        case sqlite(DatabasePool)
        case postgres(PostgresWard)
    }

    init(path: String, backend: Backend, clock: any WardClock, auditKey: [UInt8]) {
        self.path = path; self.backend = backend; self.clock = clock; self.auditKey = auditKey
    }

    /// Whether the ward is kept in PostgreSQL.
    public var isPostgres: Bool { if case .postgres = backend { true } else { false } }

    /// The SQLite connection pool: only for what exists on SQLite alone (file backup, PRAGMA
    /// checks, the data_version feed), each of which says so for a PostgreSQL ward before it gets here.
    var pool: DatabasePool {
        guard case .sqlite(let pool) = backend else { preconditionFailure("an SQLite-only path was taken for a PostgreSQL ward") }
        return pool
    }

    /// Opens (and with `create`, creates) the ward database at `path`.
    /// A new file is created with mode 0600, or 0660 owned by `group` when
    /// one is given; a missing directory is created (0700 / 0770). An existing
    /// file keeps its owner and mode (`group` applies to new files only).
    /// Every failure is a `StoreOpenError` with a one-line message.
    public static func open(path: String, create: Bool, clock: any WardClock = SystemClock(),
                            group: String? = nil) throws(StoreOpenError) -> Store {
        if PostgresTarget.isURL(path) { return try openPostgres(url: path, create: create, clock: clock, group: group) }
        let file = FileCheck(path: path)
        let isNew = try file.prepare(create: create, group: group)
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration())
        } catch {
            throw file.mapped(error)
        }
        let key: [UInt8]
        do {
            // Start-up reads a few pages whatever the ward's history: no whole-file check here (that is
            // `wardline check`, backup and cron), and no write at all when the schema is current.
            let (current, keyed) = try pool.read { db in
                try Self.checkIdentity(db, path: path)
                let current = try Schema.migrator.hasCompletedMigrations(db)
                    && Int.fetchOne(db, sql: "PRAGMA user_version") == Schema.version
                    && Int32(Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0) == Schema.applicationID
                let keyed = try current && Self.chainIsKeyed(SQLiteTx(db))
                return (current, keyed)
            }
            if !current {
                try Schema.migrator.migrate(pool)
                try pool.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA user_version = \(Schema.version)")
                    try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
                }
            }
            key = try Self.auditKey(pool, database: path, isNew: isNew, group: group)
            // The capture triggers go onto the writing connection at its first write (`write`), not here.
            if isNew || !keyed {
                try pool.writeWithoutTransaction { db in
                    try AuditRows.install(db, key: key)
                    try db.inTransaction(.immediate) {
                        if isNew {
                            try db.execute(sql: "INSERT INTO settings(key, value) VALUES ('created_at', ?) ON CONFLICT DO NOTHING",
                                           arguments: [Timestamp.text(clock.now())])
                        }
                        try AuditChain.keyIfNeeded(SQLiteTx(db), at: clock.now())
                        return .commit
                    }
                }
            }
        } catch let e as StoreOpenError {
            try? pool.close()
            throw e
        } catch {
            try? pool.close()
            throw file.mapped(error)
        }
        return Store(path: path, backend: .sqlite(pool), clock: clock, auditKey: key)
    }

    /// The ward's audit key: created with a new ward (or the first time a ward
    /// from before keyed audit is opened); refused when missing for a ward whose
    /// chain is already keyed.
    private static func auditKey(_ pool: DatabasePool, database path: String, isNew: Bool, group: String?) throws -> [UInt8] {
        let keyPath = AuditKey.path(forDatabase: path)
        do {
            return try AuditKey.load(keyPath)
        } catch {
            guard case .missing = error else { throw StoreOpenError(.unreadable, path: path, error.description) }
        }
        let keyed = try pool.read { db in try Self.chainIsKeyed(SQLiteTx(db)) }
        guard !keyed else { throw StoreOpenError(.unreadable, path: path, AuditKey.Problem.missing(keyPath).description) }
        var gid: gid_t? = group.flatMap { getgrnam($0)?.pointee.gr_gid }
        if gid == nil, !isNew {
            var st = stat()
            if stat(path, &st) == 0, st.st_mode & 0o070 != 0 { gid = st.st_gid }  // the ward's group, when it has one
        }
        do { return try AuditKey.create(keyPath, gid: gid) } catch {
            // Another terminal opening the same ward may have created it a moment ago.
            if let key = try? AuditKey.load(keyPath) { return key }
            throw StoreOpenError(.cannotCreate, path: path, error.description)
        }
    }

    /// The same database seen from another moment: the demo ward replays
    /// its past (orders written at admission, doses given at their time)
    /// through the very commands a terminal uses. Not public: nothing a user
    /// runs can move a store's clock.
    func at(_ clock: any WardClock) -> Store { Store(path: path, backend: backend, clock: clock, auditKey: auditKey) }

    static func configuration() -> Configuration {
        var c = Configuration()
        c.foreignKeysEnabled = true
        c.busyMode = .timeout(10)
        c.label = "wardline"
        c.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return c
    }

    /// Refuses files that are SQLite but not ours or from a newer Wardline. Damage in pages start-up
    /// does not read is found by `wardline check` (and by SQLite, as an error, when a page is read).
    private static func checkIdentity(_ db: Database, path: String) throws {
        let appID = try Int32(Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0)
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
        if tables > 0 && appID != Schema.applicationID {
            throw StoreOpenError(.notADatabase, path: path,
                "\(path) is an SQLite database but not a Wardline ward database; choose another --db path")
        }
        let superseded = tables > 0 ? try Schema.migrator.hasBeenSuperseded(db) : false
        if userVersion > Schema.version || superseded {
            throw StoreOpenError(.newerSchema, path: path,
                "\(path) was written by a newer Wardline (schema \(userVersion), this one knows \(Schema.version)); upgrade Wardline")
        }
    }

    /// Whether the audit chain is keyed: once it is, every newer event is, so the newest one says
    /// (one row read, whatever the history).
    static func chainIsKeyed(_ db: any SQLTx) throws -> Bool {
        try db.scalar(Bool.self, "SELECT rows IS NOT NULL FROM audit_events ORDER BY seq DESC LIMIT 1") ?? false
    }

    /// Closes every connection; later calls fail.
    public func close() throws {
        switch backend {
        case .sqlite(let pool): try pool.close()
        case .postgres(let ward): ward.close()
        }
    }
}
