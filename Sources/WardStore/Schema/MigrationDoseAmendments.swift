import GRDB

extension Schema {
    /// Dose records marked entered in error. The administration row is never
    /// touched: an append-only amendment row names it, with the reason. A
    /// scheduled dose whose record is voided may be recorded again, so the
    /// unique index `administrations_once` gives way to the same rule over
    /// the records that still count: at most one non-voided event per
    /// (order, scheduled time), enforced by a trigger (and checked first, with
    /// a clear message, inside the recording transaction).
    static func migrateDoseAmendments(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE administration_amendments (
                id                INTEGER PRIMARY KEY,
                administration_id INTEGER NOT NULL UNIQUE REFERENCES administrations(id),
                reason            TEXT NOT NULL CHECK (length(reason) > 0),
                recorded_by       INTEGER NOT NULL REFERENCES staff(id),
                recorded_at       TEXT NOT NULL
            );
            CREATE TRIGGER administration_amendments_no_update BEFORE UPDATE ON administration_amendments
            BEGIN SELECT RAISE(ABORT, 'administration_amendments rows are never changed'); END;
            CREATE TRIGGER administration_amendments_no_delete BEFORE DELETE ON administration_amendments
            BEGIN SELECT RAISE(ABORT, 'administration_amendments rows are never deleted'); END;
            DROP INDEX administrations_once;
            CREATE INDEX administrations_by_dose ON administrations(order_id, scheduled_for) WHERE scheduled_for IS NOT NULL;
            CREATE TRIGGER administrations_once BEFORE INSERT ON administrations
            WHEN NEW.scheduled_for IS NOT NULL AND EXISTS (
                SELECT 1 FROM administrations a
                WHERE a.order_id = NEW.order_id AND a.scheduled_for = NEW.scheduled_for
                  AND NOT EXISTS (SELECT 1 FROM administration_amendments x WHERE x.administration_id = a.id))
            BEGIN SELECT RAISE(ABORT, 'this scheduled dose already has a record: a dose is never recorded twice'); END;
            """)
    }
}
