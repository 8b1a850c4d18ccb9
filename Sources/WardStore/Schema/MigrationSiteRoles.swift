import GRDB

extension Schema {
    /// Issue 19: the hospital's site and bed managers are staff of a site schema, which exists only
    /// in a hospital's PostgreSQL database (`wardline ward add CODE --site`); there the migration of
    /// this name widens the staff role check. An SQLite ward is always one ward and never a site:
    /// its check stays as it was, so this step changes nothing here. It exists so that a ward's
    /// version (its migration count) is the same on both backends, as `wardline migrate` needs.
    static func migrateSiteRoles(_ db: Database) throws {}
}
