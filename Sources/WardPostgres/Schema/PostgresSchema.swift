/// A ward's PostgreSQL schema (`ward_<code>` in the hospital's database) with the guarantees the
/// SQLite store has, enforced by the database (issue 18, plan section 4):
///
/// * the same tables and columns as SQLite's after all its migrations (type families INTEGER →
///   bigint, REAL → double precision, TEXT → text; times stay text, checked), so rows read and hash
///   alike on both backends; the same migration names and count in `schema_migrations`;
/// * the terminals' role may read and append, never change or remove: no UPDATE, DELETE or
///   TRUNCATE grant except the sign-in columns of `staff`, `signin_throttle` and the value of a
///   setting; append-only triggers refuse the owner too;
/// * never twice by constraint: a scheduled dose claims its slot (`administration_slots`);
/// * the audit chain refuses a fork at its head (`prev_seq`); each event is NOTIFYed on
///   `wardline.<schema>` for the change feed.
///
/// Only PostgreSQL's own additions differ: the tables `ward_meta`, `schema_migrations` and
/// `administration_slots`, and the columns in `extraColumns`.
public enum PostgresSchema {
    /// `ward_meta.application_id`, as SQLite's `PRAGMA application_id` ("WRD1").
    public static let applicationID: Int64 = 0x5752_4431
    /// The role the terminals sign in as.
    public static let defaultAppRole = "wardline_app"
    /// SQLSTATE of an append-only trigger's refusal.
    public static let refusedChangeState = "WL001"
    static let channelPrefix = "wardline."

    /// The migration names, in order (SQLite's `Schema.migrator`'s).
    public static var migrationNames: [String] { migrations.map(\.name) }
    /// A ward's version once installed: one per migration.
    public static var version: Int { migrations.count }

    /// Tables only PostgreSQL has.
    public static let extraTables: Set<String> = ["ward_meta", "schema_migrations", "administration_slots", "command_receipts"]
    /// PostgreSQL's own tables the terminals' role writes: a command's receipt (SELECT and INSERT only).
    public static let appInsertableExtras = ["command_receipts"]
    /// Columns only PostgreSQL has, each last in its table: the rowid SQLite names `settings` and
    /// `beds` rows by (their keys are text), and the audit chain's `prev_seq`.
    public static let extraColumns: [String: [String]] = ["settings": ["rowid"], "beds": ["rowid"], "audit_events": ["prev_seq"]]

    /// The columns the app role may UPDATE (everything else: SELECT and INSERT only). Sign-in
    /// keeps its lockout on the staff row and in `signin_throttle` (AttemptBudget), a manager
    /// disables a member or resets a PIN (StaffManagement), ward setup changes a setting's value
    /// by upsert (WardSetup, ProtocolSetting).
    public static let appUpdatableColumns: [String: [String]] = [
        "staff": ["disabled", "pin_hash", "failed_attempts", "locked_until"],
        "signin_throttle": ["failed_attempts", "locked_until"],
        "settings": ["value"],
    ]

    /// The schema of a ward: `ward_<code>`, where a code is a lower-case letter then up to 30
    /// lower-case letters, digits or `_` (as the URL's `ward=` takes it).
    public static func schemaName(ward: String) throws(PostgresSchemaError) -> String {
        guard PostgresTarget.isWardCode(ward) else { throw .init(.wardCode, "ward code \(ward): \(PostgresTarget.wardCodeRule)") }
        return "ward_" + ward
    }

    /// The channel a ward's audit events are NOTIFYed on (LISTEN "wardline.ward_<code>").
    public static func channel(ward: String) throws(PostgresSchemaError) -> String { try channelPrefix + schemaName(ward: ward) }

    /// What an install did.
    public enum Outcome: Sendable, Hashable {
        /// The schema was created at the current version.
        case created
        /// Migrations from `from` (the version it had) to the current one were applied.
        case upgraded(from: Int)
        /// It was already current: nothing was changed.
        case upToDate
    }

    /// Creates the ward's schema, or brings it to the current version, in one transaction, through
    /// a link signed in as the schema's owner (e.g. `wardline_owner`); grants `appRole` its rights
    /// whenever a migration ran. A schema written by a newer Wardline (more migrations than this
    /// one knows) is refused and left untouched, as is a schema that is not a Wardline ward.
    @discardableResult
    public static func install(ward: String, on link: PostgresLink, appRole: String = defaultAppRole) throws(PostgresSchemaError) -> Outcome {
        let schema = try schemaName(ward: ward)
        guard PostgresTarget.isWardCode(appRole) else { throw .init(.wardCode, "role \(appRole): use a plain lower-case role name") }
        return try inTransaction(schema, on: link) { try migrate(schema: schema, ward: ward, on: link, appRole: appRole) }
    }

    /// `body` in one transaction on `link`: committed, or rolled back with its error as a schema error.
    static func inTransaction<T>(_ schema: String, on link: PostgresLink, _ body: () throws -> T) throws(PostgresSchemaError) -> T {
        do {
            try link.query("BEGIN")
            let out = try body()
            try link.query("COMMIT")
            return out
        } catch {
            _ = try? link.query("ROLLBACK")
            if let e = error as? PostgresSchemaError { throw e }
            throw .init(.failed, "\(schema): \(error)", cause: error as? PostgresQueryError)
        }
    }

    /// The install's work, inside its transaction.
    static func migrate(schema: String, ward: String, on link: PostgresLink, appRole: String) throws -> Outcome {
        // Two installers of one ward wait for each other (the lock ends with the transaction).
        try link.query("SELECT pg_advisory_xact_lock(hashtext($1))", [.text("wardline.install." + schema)])
        try link.query("CREATE SCHEMA IF NOT EXISTS \(schema)")
        try link.query("SET LOCAL search_path = \(schema)")
        let created = try link.query("SELECT to_regclass($1) IS NULL", [.text(schema + ".ward_meta")]) == [[.bool(true)]]
        if created { try bootstrap(schema: schema, ward: ward, on: link) } else { try checkMeta(schema: schema, ward: ward, on: link) }

        let applied = try link.query("SELECT version, name FROM schema_migrations ORDER BY version")
        if applied.count > migrations.count {
            throw PostgresSchemaError(.newerSchema, """
                \(schema) has \(applied.count) migrations, this Wardline knows \(migrations.count): it was \
                created or upgraded by a newer Wardline. Use that version (or newer); nothing was changed.
                """)
        }
        for (i, row) in applied.enumerated() where row != [.int(Int64(i + 1)), .text(migrations[i].name)] {
            throw PostgresSchemaError(.notAWard, "\(schema): migration \(i + 1) is recorded as \(row), this Wardline has \(migrations[i].name): not a schema this program wrote; nothing was changed")
        }
        guard applied.count < migrations.count else { return .upToDate }
        for (i, migration) in migrations.enumerated().dropFirst(applied.count) {
            for statement in migration.statements(schema) { try link.query(statement) }
            try link.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, \(now))",
                           [.int(Int64(i + 1)), .text(migration.name)])
        }
        try installCapture(schema: schema, on: link)
        try grant(schema: schema, to: appRole, on: link)
        try PostgresHospital.grantSites(schema: schema, on: link)
        return created ? .created : .upgraded(from: applied.count)
    }

    /// The server's time as the store writes times (UTC, milliseconds), as SQL.
    public static var serverNow: String { now }
    static let now = #"to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')"#

    /// `ward_meta` (what SQLite keeps in PRAGMA application_id) and `schema_migrations` (GRDB's
    /// `grdb_migrations`, with the version and time), in a schema that holds nothing else yet.
    private static func bootstrap(schema: String, ward: String, on link: PostgresLink) throws {
        let others = try link.query("SELECT count(*) FROM pg_class WHERE relnamespace = $1::regnamespace", [.text(schema)])
        guard others == [[.int(0)]] else {
            throw PostgresSchemaError(.notAWard, "\(schema) already holds tables but no ward_meta: not a Wardline ward; nothing was changed")
        }
        try link.query("""
            CREATE TABLE ward_meta (
                application_id bigint NOT NULL,
                ward_code      text NOT NULL,
                created_at     text NOT NULL,
                one_row        boolean PRIMARY KEY DEFAULT true CHECK (one_row)
            )
            """)
        try link.query("INSERT INTO ward_meta (application_id, ward_code, created_at) VALUES ($1, $2, \(now))",
                       [.int(applicationID), .text(ward)])
        try link.query("""
            CREATE TABLE schema_migrations (
                version    bigint PRIMARY KEY CHECK (version >= 1),
                name       text NOT NULL UNIQUE,
                applied_at text NOT NULL
            )
            """)
    }

    private static func checkMeta(schema: String, ward: String, on link: PostgresLink) throws {
        let meta = try link.query("SELECT application_id, ward_code FROM ward_meta")
        guard meta == [[.int(applicationID), .text(ward)]] else {
            throw PostgresSchemaError(.notAWard, "\(schema): ward_meta says \(meta), not a Wardline ward \(ward); nothing was changed")
        }
    }

    /// The app role's rights, set from scratch: USAGE on the schema and its sequences, SELECT on
    /// everything, INSERT on the ward's tables (not PostgreSQL's own), UPDATE on the listed
    /// columns only, and never DELETE or TRUNCATE.
    static func grant(schema: String, to role: String, on link: PostgresLink) throws {
        try link.query("REVOKE ALL ON ALL TABLES IN SCHEMA \(schema) FROM \(role)")
        try link.query("GRANT USAGE ON SCHEMA \(schema) TO \(role)")
        try link.query("GRANT SELECT ON ALL TABLES IN SCHEMA \(schema) TO \(role)")
        try link.query("GRANT USAGE ON ALL SEQUENCES IN SCHEMA \(schema) TO \(role)")
        let tables = try link.query("""
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name
            """, [.text(schema)]).compactMap { row -> String? in
            guard case .text(let name) = row.first, !extraTables.contains(name) else { return nil }
            return name
        }
        try link.query("GRANT INSERT ON " + (tables + appInsertableExtras).joined(separator: ", ") + " TO \(role)")
        for (table, columns) in appUpdatableColumns.sorted(by: { $0.key < $1.key }) {
            try link.query("GRANT UPDATE (\(columns.joined(separator: ", "))) ON \(table) TO \(role)")
        }
    }
}

/// Why a ward's schema was not installed, with what to do.
public struct PostgresSchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The ward code (or role name) cannot name a schema.
        case wardCode
        /// The schema was written by a newer Wardline: this one refuses to touch it.
        case newerSchema
        /// The schema exists but is not a Wardline ward (or another ward's).
        case notAWard
        /// A statement failed (see `cause`); nothing was changed.
        case failed
    }
    public var kind: Kind
    public var description: String
    /// The server's refusal, when a statement failed.
    public var cause: PostgresQueryError?
    init(_ kind: Kind, _ text: String, cause: PostgresQueryError? = nil) { self.kind = kind; description = text; self.cause = cause }
}
