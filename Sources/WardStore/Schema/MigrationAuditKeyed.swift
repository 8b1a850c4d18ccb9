import GRDB

extension Schema {
    /// Keyed audit (issue 14): each event records the rows it wrote
    /// ("table:rowid:sha256" entries) and is MACed under the ward's audit key.
    /// NULL for events written before the chain was keyed.
    static func migrateAuditKeyedRows(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE audit_events ADD COLUMN rows TEXT")
    }
}
