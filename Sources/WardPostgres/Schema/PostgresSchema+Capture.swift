/// The audit row capture of a ward's schema (SQLite's TEMP triggers, AuditRows): every tracked
/// table has row triggers that note the rows a statement writes in the session's own
/// `pg_temp.audit_touched`, when the session has one. The store's connection makes that table and
/// hashes the noted rows into the command's audit event; a session without it (psql, an insider)
/// notes nothing, so what it writes is a row no event wrote, and `audit verify` names it.
extension PostgresSchema {
    /// Tables no event records rows of: the trail itself, the sign-in throttle for unknown IDs, and
    /// PostgreSQL's own bookkeeping (SQLite's AuditRows.untracked, plus `extraTables`).
    public static let untrackedTables: Set<String> = extraTables.union(["audit_events", "signin_throttle"])
    /// Columns whose change is not captured (and not hashed): the lockout counters of `staff`.
    public static let uncapturedColumns: [String: Set<String>] = ["staff": ["failed_attempts", "locked_until"]]

    /// The session's capture table, made by the store on its connection (rows vanish at COMMIT or ROLLBACK).
    public static let captureTable = """
        CREATE TEMP TABLE IF NOT EXISTS audit_touched (tbl text NOT NULL, rid bigint NOT NULL, PRIMARY KEY (tbl, rid)) ON COMMIT DELETE ROWS
        """

    /// Each tracked table and the column that names its rows (SQLite's rowid: the `bigint` primary
    /// key, or the explicit `rowid` column of a table with a text key), in name order.
    public static func trackedTables(schema: String, on link: PostgresLink) throws -> [(table: String, rid: String)] {
        let rows = try link.query("""
            SELECT t.table_name,
                   CASE WHEN EXISTS (SELECT 1 FROM information_schema.columns c
                                     WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'rowid')
                        THEN 'rowid'
                        ELSE (SELECT string_agg(a.attname, ',') FROM pg_index i
                              JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                              WHERE i.indrelid = (quote_ident(t.table_schema) || '.' || quote_ident(t.table_name))::regclass
                                AND i.indisprimary AND a.atttypid = 'bigint'::regtype)
                   END
            FROM information_schema.tables t
            WHERE t.table_schema = $1 AND t.table_type = 'BASE TABLE' ORDER BY t.table_name
            """, [.text(schema)])
        var out: [(String, String)] = []
        for row in rows {
            guard case .text(let table) = row[0], !untrackedTables.contains(table) else { continue }
            guard row.count > 1, case .text(let rid) = row[1], !rid.contains(",") else {
                throw PostgresSchemaError(.failed, "\(schema).\(table) has no single bigint key to name its rows by: the audit capture cannot cover it")
            }
            out.append((table, rid))
        }
        return out
    }

    /// (Re)creates the capture function and the triggers of every tracked table (after any
    /// migration, so a new table is covered the moment it exists).
    static func installCapture(schema: String, on link: PostgresLink) throws {
        try link.query("""
            CREATE OR REPLACE FUNCTION audit_touch() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF to_regclass('pg_temp.audit_touched') IS NOT NULL THEN
                    INSERT INTO pg_temp.audit_touched (tbl, rid)
                    VALUES (TG_TABLE_NAME, ((CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END) ->> TG_ARGV[0])::bigint)
                    ON CONFLICT DO NOTHING;
                END IF;
                RETURN NULL;
            END $$
            """)
        for (table, rid) in try trackedTables(schema: schema, on: link) {
            var update = "UPDATE"
            if let skip = uncapturedColumns[table] {
                let columns = try link.query("""
                    SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position
                    """, [.text(schema), .text(table)]).compactMap { row -> String? in
                    guard case .text(let c) = row[0], !skip.contains(c) else { return nil }
                    return c
                }
                update += " OF " + columns.joined(separator: ", ")
            }
            try link.query("CREATE OR REPLACE TRIGGER audit_capture AFTER INSERT OR DELETE ON \(table) FOR EACH ROW EXECUTE FUNCTION audit_touch('\(rid)')")
            try link.query("CREATE OR REPLACE TRIGGER audit_capture_update AFTER \(update) ON \(table) FOR EACH ROW EXECUTE FUNCTION audit_touch('\(rid)')")
        }
    }
}
