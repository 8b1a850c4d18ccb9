/// Transfers between a hospital's wards (issue 19). Neither ward's role may touch the other's
/// schema, so a transfer passes through two tables of the register's schema that the database
/// itself keeps to the two wards concerned (row-level security):
///
/// * `hospital.transfers`: the sending ward writes one row as it discharges the patient — who,
///   to which ward, by whom, the head of its audit chain at that moment, and the patient's whole
///   record (the package). A ward's role may add rows **from its own ward** only and read rows
///   from or to its own ward only; a site's role may read every row.
/// * `hospital.transfer_arrivals`: the receiving ward writes one row as it accepts the patient
///   into a bed. Its key is the transfer: a transfer is accepted once, whoever races for it. A
///   ward's role may add arrivals only **for transfers to its own ward**.
///
/// Both are append-only: no role is given UPDATE or DELETE, and a trigger stops the owner too.
extension PostgresHospital {
    /// The tables and policies; idempotent (run by every `ward add`).
    static func installTransfers(on link: PostgresLink) throws {
        let mine = "(SELECT w.code FROM \(schema).wards w WHERE w.app_role = current_user AND w.kind = 'ward')"
        let site = "EXISTS (SELECT 1 FROM \(schema).wards w WHERE w.app_role = current_user AND w.kind = 'site')"
        try link.query("""
            CREATE TABLE IF NOT EXISTS \(schema).transfers (
                id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                from_ward      text NOT NULL REFERENCES \(schema).wards(code),
                to_ward        text NOT NULL REFERENCES \(schema).wards(code),
                mrn            text NOT NULL,
                patient_name   text NOT NULL,
                sent_at        text NOT NULL,
                sent_by        text NOT NULL,
                sent_by_name   text NOT NULL,
                from_seq       bigint NOT NULL,
                from_hash      text NOT NULL,
                schema_version integer NOT NULL,
                package        text NOT NULL,
                CHECK (from_ward <> to_ward)
            )
            """)
        try link.query("""
            CREATE TABLE IF NOT EXISTS \(schema).transfer_arrivals (
                transfer_id    bigint PRIMARY KEY REFERENCES \(schema).transfers(id),
                ward           text NOT NULL REFERENCES \(schema).wards(code),
                bed            text NOT NULL,
                patient_id     bigint NOT NULL,
                accepted_at    text NOT NULL,
                accepted_by    text NOT NULL,
                accepted_by_name text NOT NULL
            )
            """)
        try link.query("""
            CREATE OR REPLACE FUNCTION \(schema).refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION '% rows are never changed or deleted', TG_TABLE_NAME USING ERRCODE = 'WL001'; END $$
            """)
        for table in ["transfers", "transfer_arrivals"] {
            try link.query("ALTER TABLE \(schema).\(table) ENABLE ROW LEVEL SECURITY")
            try link.query("DROP TRIGGER IF EXISTS \(table)_append_only ON \(schema).\(table)")
            try link.query("""
                CREATE TRIGGER \(table)_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON \(schema).\(table)
                FOR EACH STATEMENT EXECUTE FUNCTION \(schema).refuse_change()
                """)
        }
        let policies: [(String, String, String)] = [
            ("transfers", "transfers_read", "FOR SELECT USING (from_ward = \(mine) OR to_ward = \(mine) OR \(site))"),
            ("transfers", "transfers_send", "FOR INSERT WITH CHECK (from_ward = \(mine))"),
            ("transfer_arrivals", "arrivals_read", """
                FOR SELECT USING (ward = \(mine) OR \(site) OR EXISTS (SELECT 1 FROM \(schema).transfers t WHERE t.id = transfer_id))
                """),
            ("transfer_arrivals", "arrivals_accept", """
                FOR INSERT WITH CHECK (ward = \(mine) AND EXISTS (SELECT 1 FROM \(schema).transfers t WHERE t.id = transfer_id AND t.to_ward = \(mine)))
                """),
        ]
        for (table, name, body) in policies {
            try link.query("DROP POLICY IF EXISTS \(name) ON \(schema).\(table)")
            try link.query("CREATE POLICY \(name) ON \(schema).\(table) \(body)")
        }
    }

    /// A ward's role may send and accept transfers; a site's may read them.
    static func grantTransfers(to role: String, kind: Kind, on link: PostgresLink) throws {
        let rights = kind == .ward ? "SELECT, INSERT" : "SELECT"
        try link.query("GRANT \(rights) ON \(schema).transfers, \(schema).transfer_arrivals TO \(role)")
    }
}
