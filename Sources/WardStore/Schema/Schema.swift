import GRDB

/// The database layout, as versioned GRDB migrations. A migration once
/// shipped is never edited: changes are new migrations appended here.
/// Rows a migration writes into a tracked table (see `AuditRows`) are taken
/// into the chain by the next keyed event only on a ward not yet keyed; on a
/// keyed ward seed data goes through an audited command instead.
enum Schema {
    /// PRAGMA application_id of a Wardline ward database ("WRD1").
    static let applicationID: Int32 = 0x5752_4431

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-ward-staff-patients-assessments-audit", migrate: v1)
        m.registerMigration("v2-observations-vitals-sedation-exceptions-gates", migrate: v2Observations)
        m.registerMigration("v2-medication-orders-administrations", migrate: v2Medication)
        m.registerMigration("v3-handover-notes-overrides-marks", migrate: handoverTables)
        m.registerMigration("v-board-alerts-assignments", migrate: migrateBoard)
        m.registerMigration("v-clinical-events-seizure-delirium", migrate: migrateClinicalEvents)
        m.registerMigration("v-administration-amendments-entered-in-error", migrate: migrateDoseAmendments)
        m.registerMigration("v-dose-overrides-cosignatures", migrate: migrateDoseOverrides)
        m.registerMigration("v-spo2-scale-decisions", migrate: migrateSpO2ScaleDecisions)
        m.registerMigration("v-audit-keyed-rows", migrate: migrateAuditKeyedRows)
        m.registerMigration("v-read-indexes", migrate: migrateReadIndexes)
        m.registerMigration("v-site-roles", migrate: migrateSiteRoles)
        m.registerMigration("v-interface-messages-demographics", migrate: migrateInterface)
        return m
    }

    /// PRAGMA user_version after all known migrations: one per migration.
    static var version: Int { migrator.migrations.count }

    /// Tables whose rows are never changed or removed once written.
    static let appendOnlyTables = ["beds", "patients", "placements", "discharges", "assessments", "audit_events"]

    private static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE settings (
                key   TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL
            );
            CREATE TABLE beds (
                label    TEXT PRIMARY KEY NOT NULL,
                position INTEGER NOT NULL UNIQUE
            );
            CREATE TABLE staff (
                id              INTEGER PRIMARY KEY,
                staff_id        TEXT NOT NULL UNIQUE COLLATE NOCASE,
                name            TEXT NOT NULL,
                role            TEXT NOT NULL CHECK (role IN ('nurse','charge-nurse','prescriber','student-nurse','admin')),
                disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0,1)),
                pin_hash        TEXT NOT NULL CHECK (pin_hash LIKE '$argon2id$%'),
                failed_attempts INTEGER NOT NULL DEFAULT 0,
                locked_until    TEXT,
                created_at      TEXT NOT NULL
            );
            -- Failed sign-ins for IDs that do not exist, so that an unknown ID
            -- locks exactly like a real one and the screen reveals nothing.
            CREATE TABLE signin_throttle (
                attempted_id    TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
                failed_attempts INTEGER NOT NULL,
                locked_until    TEXT
            );
            CREATE TABLE patients (
                id              INTEGER PRIMARY KEY,
                mrn             TEXT NOT NULL UNIQUE,
                name            TEXT NOT NULL,
                date_of_birth   TEXT NOT NULL,
                sex             TEXT NOT NULL CHECK (sex IN ('female','male','other','unknown')),
                admitted_at     TEXT NOT NULL,
                substances      TEXT NOT NULL DEFAULT '[]',
                allergies       TEXT NOT NULL DEFAULT '[]',
                seizure_history INTEGER NOT NULL DEFAULT 0,
                risk_flags      TEXT NOT NULL DEFAULT '[]',
                spo2_scale2     INTEGER NOT NULL DEFAULT 0,
                admitted_by     INTEGER NOT NULL REFERENCES staff(id),
                entered_at      TEXT NOT NULL
            );
            -- A patient's bed is their newest placement (append-only history).
            CREATE TABLE placements (
                id         INTEGER PRIMARY KEY,
                patient_id INTEGER NOT NULL REFERENCES patients(id),
                bed        TEXT NOT NULL REFERENCES beds(label),
                placed_at  TEXT NOT NULL,
                placed_by  INTEGER NOT NULL REFERENCES staff(id)
            );
            CREATE INDEX placements_by_patient ON placements(patient_id, id);
            CREATE TABLE discharges (
                patient_id    INTEGER PRIMARY KEY REFERENCES patients(id),
                discharged_at TEXT NOT NULL,
                discharged_by INTEGER NOT NULL REFERENCES staff(id)
            );
            CREATE TABLE assessments (
                id               INTEGER PRIMARY KEY,
                patient_id       INTEGER NOT NULL REFERENCES patients(id),
                scale            TEXT NOT NULL,
                items            TEXT NOT NULL,
                total            INTEGER NOT NULL,
                band             TEXT NOT NULL,
                taken_at         TEXT NOT NULL,
                entered_at       TEXT NOT NULL,
                recorded_by      INTEGER NOT NULL REFERENCES staff(id),
                supersedes       INTEGER UNIQUE REFERENCES assessments(id),
                amend_reason     TEXT,
                entered_in_error INTEGER NOT NULL DEFAULT 0 CHECK (entered_in_error IN (0,1)),
                CHECK ((supersedes IS NULL) = (amend_reason IS NULL)),
                CHECK (entered_in_error = 0 OR supersedes IS NOT NULL)
            );
            CREATE INDEX assessments_by_patient ON assessments(patient_id, taken_at);
            CREATE TABLE audit_events (
                seq         INTEGER PRIMARY KEY,
                at          TEXT NOT NULL,
                actor       TEXT NOT NULL,
                terminal    TEXT NOT NULL,
                action      TEXT NOT NULL,
                patient_mrn TEXT,
                details     TEXT NOT NULL,
                prev_hash   TEXT NOT NULL,
                hash        TEXT NOT NULL
            );
            -- Each admitted patient's bed: their newest placement, unless discharged.
            CREATE VIEW current_beds AS
                SELECT pl.patient_id, pl.bed FROM placements pl
                WHERE pl.id = (SELECT max(id) FROM placements WHERE patient_id = pl.patient_id)
                  AND NOT EXISTS (SELECT 1 FROM discharges d WHERE d.patient_id = pl.patient_id);
            CREATE INDEX audit_by_patient ON audit_events(patient_mrn);
            CREATE INDEX audit_by_actor ON audit_events(actor COLLATE NOCASE);
            """)
        for table in appendOnlyTables {
            try db.execute(sql: """
                CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) rows are never changed: write an amendment or a new row'); END;
                CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) rows are never deleted'); END;
                """)
        }
        try db.execute(sql: """
            CREATE TRIGGER staff_no_delete BEFORE DELETE ON staff
            BEGIN SELECT RAISE(ABORT, 'staff are disabled, never deleted'); END;
            CREATE TRIGGER staff_fixed_columns BEFORE UPDATE OF id, staff_id, name, role, created_at ON staff
            BEGIN SELECT RAISE(ABORT, 'a staff member''s ID, name and role are fixed; only disabled, PIN and lockout change'); END;
            """)
    }
}
