/// The hospital's register of its wards in one PostgreSQL database (issue 19): the schema
/// `hospital`, owned by the wards' owner, with one row per ward or site.
///
/// **Wards are kept apart by the database.** Each ward's terminals sign in as a role of the ward's
/// own (`wardline_app_<code>` by default), which has rights on its ward's schema and on nothing
/// else: a ward-A role reading `ward_b.patients` is refused by the server ("permission denied for
/// schema ward_b"), whatever the program asks. That is the equivalent of row-level security the
/// issue allows, and stronger: the rows of two wards are not in one table at all. A **site** (the
/// hospital's site and bed managers) is a schema of the same kind whose role may also read — only
/// read — every registered ward.
public enum PostgresHospital {
    public static let schema = "hospital"

    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A ward: patients, beds, staff, its own terminals' role.
        case ward
        /// The site view's schema: its staff are site and bed managers; its role reads every ward.
        case site
    }

    /// One registered ward or site.
    public struct Entry: Sendable, Hashable {
        public var code: String
        public var name: String
        public var kind: Kind
        /// The role its terminals sign in as.
        public var appRole: String
        public var addedAt: String
        public var schema: String { "ward_" + code }
    }

    /// The role a ward's terminals use unless ward IT names another.
    public static func defaultRole(ward: String, kind: Kind) -> String {
        kind == .site ? "wardline_site_" + ward : "wardline_app_" + ward
    }

    /// Creates (or upgrades) the ward's schema and registers it, in one transaction, signed in as the
    /// wards' owner. The role must exist (the database's superuser makes login roles); it may serve
    /// this ward only — a role already serving another registered ward is refused, since then the
    /// database could no longer keep the two apart. A site's role is given read access to every
    /// ward; every site's role is given read access to a new ward.
    @discardableResult
    public static func add(ward code: String, name: String, kind: Kind, appRole: String,
                           on link: PostgresLink) throws(PostgresSchemaError) -> PostgresSchema.Outcome {
        let schema = try PostgresSchema.schemaName(ward: code)
        guard PostgresTarget.isWardCode(appRole) else { throw .init(.wardCode, "role \(appRole): use a plain lower-case role name") }
        return try PostgresSchema.inTransaction(schema, on: link) {
            try link.query("SELECT pg_advisory_xact_lock(hashtext('wardline.hospital'))")
            try installRegister(on: link)
            guard try link.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [.text(appRole)]).count == 1 else {
                throw PostgresSchemaError(.failed, """
                    role \(appRole) does not exist. As the database's superuser: CREATE ROLE \(appRole) LOGIN PASSWORD '…'; \
                    then put the password in the terminals' pgpass file, and run this again. Nothing was changed.
                    """)
            }
            let owner = try link.query("SELECT current_user").first?.first
            if owner == .text(appRole) {
                throw PostgresSchemaError(.failed, "role \(appRole) is the wards' owner: give the terminals a role of their own. Nothing was changed.")
            }
            for e in try entries(on: link) {
                if e.code == code, e.appRole != appRole || e.kind != kind {
                    throw PostgresSchemaError(.failed, "\(code) is already registered as a \(e.kind.rawValue) served by role \(e.appRole). Nothing was changed.")
                }
                if e.code != code, e.appRole == appRole {
                    throw PostgresSchemaError(.failed, """
                        role \(appRole) already serves \(e.kind.rawValue) \(e.code): one role per ward, so that the database keeps \
                        the wards apart. Nothing was changed.
                        """)
                }
            }
            let outcome = try PostgresSchema.migrate(schema: schema, ward: code, on: link, appRole: appRole)
            try link.query("""
                INSERT INTO \(Self.schema).wards (code, name, kind, app_role, added_at) VALUES ($1, $2, $3, $4, \(PostgresSchema.now))
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name
                """, [.text(code), .text(name), .text(kind.rawValue), .text(appRole)])
            try link.query("GRANT USAGE ON SCHEMA \(Self.schema) TO \(appRole)")
            try link.query("GRANT SELECT ON \(Self.schema).wards TO \(appRole)")
            try grantTransfers(to: appRole, kind: kind, on: link)
            // The ward is its role's alone: granted even when the schema was already current (a ward
            // made before the register), and taken from any other role that could use it (the shared
            // terminals' role of before), except the sites' read-only roles.
            try PostgresSchema.grant(schema: schema, to: appRole, on: link)
            if kind == .site {
                for e in try entries(on: link) where e.kind == .ward { try grantRead(e.schema, to: appRole, on: link) }
            } else {
                try grantSites(schema: schema, on: link)
            }
            let keep = Set(try entries(on: link).filter { $0.kind == .site }.map(\.appRole) + [appRole])
            let others = try link.query("""
                SELECT rolname FROM pg_roles WHERE NOT rolsuper AND rolname <> current_user AND rolname NOT LIKE 'pg\\_%'
                AND has_schema_privilege(oid, $1, 'USAGE') ORDER BY rolname
                """, [.text(schema)]).compactMap { r -> String? in if case .text(let n) = r.first { return n } else { return nil } }
            for role in others where !keep.contains(role) && PostgresTarget.isWardCode(role) {
                try link.query("REVOKE ALL ON ALL TABLES IN SCHEMA \(schema) FROM \(role)")
                try link.query("REVOKE ALL ON ALL SEQUENCES IN SCHEMA \(schema) FROM \(role)")
                try link.query("REVOKE ALL ON SCHEMA \(schema) FROM \(role)")
            }
            return outcome
        }
    }

    /// The registered wards and sites, by code; none when the database has no register yet, or
    /// when this role may not read it.
    public static func entries(on link: PostgresLink) throws(PostgresQueryError) -> [Entry] {
        // No register, or a role not given it (a ward's role of before the register): nothing registered for it.
        guard try link.query("""
            SELECT to_regnamespace('\(schema)') IS NOT NULL AND has_schema_privilege('\(schema)', 'USAGE')
                   AND to_regclass('\(schema).wards') IS NOT NULL
            """) == [[.bool(true)]] else { return [] }
        return try link.query("SELECT code, name, kind, app_role, added_at FROM \(schema).wards ORDER BY code").compactMap { r in
            guard r.count == 5, case .text(let code) = r[0], case .text(let name) = r[1], case .text(let k) = r[2],
                  let kind = Kind(rawValue: k), case .text(let role) = r[3], case .text(let at) = r[4] else { return nil }
            return Entry(code: code, name: name, kind: kind, appRole: role, addedAt: at)
        }
    }

    /// Every site's role may read the ward schema `schema` (after its install or upgrade: new tables too).
    static func grantSites(schema: String, on link: PostgresLink) throws {
        for e in try entries(on: link) where e.kind == .site && e.schema != schema {
            try grantRead(schema, to: e.appRole, on: link)
        }
    }

    private static func grantRead(_ schema: String, to role: String, on link: PostgresLink) throws {
        try link.query("GRANT USAGE ON SCHEMA \(schema) TO \(role)")
        try link.query("GRANT SELECT ON ALL TABLES IN SCHEMA \(schema) TO \(role)")
    }

    /// The register's table; rows are added by `add` (the owner's), never by a terminal.
    private static func installRegister(on link: PostgresLink) throws {
        try link.query("CREATE SCHEMA IF NOT EXISTS \(schema)")
        try link.query("""
            CREATE TABLE IF NOT EXISTS \(schema).wards (
                code     text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{0,30}$'),
                name     text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
                kind     text NOT NULL CHECK (kind IN ('ward', 'site')),
                app_role text NOT NULL UNIQUE,
                added_at text NOT NULL
            )
            """)
        try installTransfers(on: link)
    }
}
