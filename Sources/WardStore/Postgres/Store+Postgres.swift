import Foundation
import WardCore
import WardPostgres

extension Store {
    /// Opens the ward named by a `postgresql://USER@HOST[:PORT][,HOST2…]/DB?ward=CODE…` URL (the
    /// password from the pgpass file). With `create` (`wardline init`, signed in as the schema's
    /// owner) the ward's schema is created or upgraded; without it, a missing or older schema is
    /// refused with what to run. The audit key is the URL's `auditkey=` file, else
    /// `/var/lib/wardline/<ward>.audit-key`; it is made (mode 0640) for a ward whose chain is not keyed yet.
    static func openPostgres(url: String, create: Bool, clock: any WardClock, group: String?) throws(StoreOpenError) -> Store {
        let (target, shown, wardCode, passwords) = try location(url)
        let ward: PostgresWard
        do { ward = try PostgresWard(target: target, passwords: passwords, ward: wardCode) } catch {
            throw StoreOpenError(.badLocation, path: shown, error.description)
        }
        do {
            // (An untyped closure: a typed-throws one here crashes swift 6.3.1's SIL checker.)
            try ward.withLink { link in
                do { try checkSchema(ward, link: link, create: create, shown: shown) } catch let e { throw e as any Error }
            }
            let keyPath = target.auditKeyFile(ward: wardCode)
            let keyed = try ward.read { tx in try chainIsKeyed(tx) }
            let key: [UInt8]
            do { key = try AuditKey.load(keyPath) } catch {
                guard case .missing = error, !keyed else { throw StoreOpenError(.unreadable, path: shown, error.description) }
                let gid = group.flatMap { getgrnam($0)?.pointee.gr_gid }
                do { key = try AuditKey.create(keyPath, gid: gid) } catch {
                    if let k = try? AuditKey.load(keyPath) { key = k } else { throw StoreOpenError(.cannotCreate, path: shown, error.description) }
                }
            }
            if !keyed {
                try ward.transaction(key: key, { tx in
                    try tx.execute("INSERT INTO settings(key, value) VALUES ('created_at', ?) ON CONFLICT DO NOTHING", [Timestamp.text(clock.now())])
                    try AuditChain.keyIfNeeded(tx, at: clock.now())
                }, seal: { _ in })
            }
            return Store(path: shown, backend: .postgres(ward), clock: clock, auditKey: key)
        } catch let e as StoreOpenError {
            ward.close()
            throw e
        } catch let e as PostgresConnectError {
            ward.close()
            throw StoreOpenError(e.kind == .unreachable || e.kind == .noPrimary ? .unreachable : .unreadable, path: shown, e.description)
        } catch {
            ward.close()
            throw StoreOpenError(.other, path: shown, "\(shown): \(error)")
        }
    }

    /// The ward's schema is there and current; with `create`, made or upgraded first.
    private static func checkSchema(_ ward: PostgresWard, link: PostgresLink, create: Bool, shown: String) throws(StoreOpenError) {
        if create {
            do { try PostgresSchema.install(ward: ward.ward, on: link) } catch { throw installError(error, shown: shown) }
            return
        }
        let version: Int
        do {
            guard try link.query("SELECT to_regclass($1) IS NOT NULL", [.text(ward.schema + ".schema_migrations")]) == [[.bool(true)]] else {
                throw StoreOpenError(.missing, path: shown,
                    "\(shown): ward \(ward.ward) has no schema (\(ward.schema)) in this database; create it with wardline init --db '\(shown)' as the schema's owner")
            }
            guard case .int(let n) = try link.query("SELECT count(*) FROM schema_migrations").first?.first else {
                throw StoreOpenError(.notADatabase, path: shown, "\(shown): \(ward.schema).schema_migrations cannot be read")
            }
            version = Int(n)
        } catch let e as StoreOpenError {
            throw e
        } catch let e as PostgresQueryError where e.sqlState == "42501" {
            throw StoreOpenError(.unreadable, path: shown, """
                \(shown): role \(ward.target.user) may not use ward \(ward.ward) (\(e.description)): each ward's terminals sign \
                in as the ward's own role — check the URL's user and ward= (wardline ward list shows which role serves which ward)
                """)
        } catch {
            throw StoreOpenError(.other, path: shown, "\(shown): \(error)")
        }
        if version > PostgresSchema.version {
            throw StoreOpenError(.newerSchema, path: shown,
                "\(shown) was written by a newer Wardline (schema \(version), this one knows \(PostgresSchema.version)); upgrade Wardline")
        }
        if version < PostgresSchema.version {
            throw StoreOpenError(.olderSchema, path: shown,
                "\(shown): ward \(ward.ward) is at schema \(version), this Wardline needs \(PostgresSchema.version); upgrade it with wardline init --db '\(shown)' as the schema's owner")
        }
    }
}

extension Store {
    /// Whether `--db` names a PostgreSQL ward (`postgresql://…`) rather than an SQLite file.
    public static func isPostgresLocation(_ db: String) -> Bool { PostgresTarget.isURL(db) }

    /// Creates the ward's schema, or upgrades it to this Wardline's, signed in as the URL's user (the
    /// schema's owner); says what it did. Nothing else is written (no staff, no audit event).
    public static func installPostgres(url: String) throws(StoreOpenError) -> String {
        let (target, shown, wardCode, passwords) = try location(url)
        let link: PostgresLink
        do { link = try PostgresLink.connect(target, passwords: passwords) } catch {
            throw StoreOpenError(error.kind == .unreachable || error.kind == .noPrimary ? .unreachable : .unreadable, path: shown, error.description)
        }
        defer { link.close() }
        let schema = "ward_" + wardCode
        do {
            switch try PostgresSchema.install(ward: wardCode, on: link) {
            case .created: return "created \(schema) at schema \(PostgresSchema.version)"
            case .upgraded(let from): return "upgraded \(schema) from schema \(from) to \(PostgresSchema.version)"
            case .upToDate: return "\(schema) is up to date (schema \(PostgresSchema.version))"
            }
        } catch {
            throw installError(error, shown: shown)
        }
    }

    /// The URL read, the ward it names, and the pgpass file it is signed in with; each problem says what to fix.
    private static func location(_ url: String) throws(StoreOpenError) -> (PostgresTarget, shown: String, ward: String, PGPass) {
        let target: PostgresTarget
        do { target = try PostgresTarget(url: url) } catch { throw StoreOpenError(.badLocation, path: url, error.description) }
        let shown = target.description
        guard let wardCode = target.ward else {
            throw StoreOpenError(.badLocation, path: shown, "\(shown): name the ward with ?ward=CODE (its schema is ward_CODE)")
        }
        do { return (target, shown, wardCode, try PGPass.load(file: target.passFile)) } catch {
            throw StoreOpenError(.unreadable, path: shown, error.description)
        }
    }

    /// A schema that could not be created or upgraded, as the CLI says it (a permission refusal names who can).
    private static func installError(_ error: PostgresSchemaError, shown: String) -> StoreOpenError {
        let kind: StoreOpenError.Kind = switch error.kind {
        case .newerSchema: .newerSchema
        case .notAWard: .notADatabase
        case .wardCode: .badLocation
        case .failed: error.cause?.sqlState == "42501" ? .readOnly : .other
        }
        let hint = error.cause?.sqlState == "42501" ? " (create and upgrade a ward as the schema's owner, e.g. wardline_owner, not as the terminals' role)" : ""
        return StoreOpenError(kind, path: shown, error.description + hint)
    }

    /// The ward's folder on this host for a PostgreSQL ward (see `StorePaths.wardDirectory`); nil for SQLite.
    public static func postgresWardDirectory(_ db: String) -> String? {
        guard let target = try? PostgresTarget(url: db), let ward = target.ward else { return nil }
        return target.wardDirectory(ward: ward)
    }

    /// The audit key file of a PostgreSQL ward (the URL's `auditkey=`, else the default place); nil for SQLite.
    public static func postgresAuditKeyFile(_ db: String) -> String? {
        guard let target = try? PostgresTarget(url: db), let ward = target.ward else { return nil }
        return target.auditKeyFile(ward: ward)
    }
}
