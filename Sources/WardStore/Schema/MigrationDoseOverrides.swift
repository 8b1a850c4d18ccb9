import GRDB

extension Schema {
    /// A prescriber's override of a dose-safety rule, recorded with the dose
    /// it allowed (one per administration), and the prescriber's later
    /// co-signature. Both append-only.
    static func migrateDoseOverrides(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE dose_overrides (
                id                INTEGER PRIMARY KEY,
                administration_id INTEGER NOT NULL UNIQUE REFERENCES administrations(id),
                patient_id        INTEGER NOT NULL REFERENCES patients(id),
                prescriber        INTEGER NOT NULL REFERENCES staff(id),
                instruction       TEXT NOT NULL CHECK (instruction IN ('present', 'telephone')),
                read_back         INTEGER NOT NULL CHECK (read_back IN (0, 1)),
                reason            TEXT NOT NULL CHECK (length(reason) > 0),
                rules             TEXT NOT NULL,
                recorded_by       INTEGER NOT NULL REFERENCES staff(id),
                recorded_at       TEXT NOT NULL,
                CHECK (instruction = 'present' OR read_back = 1)
            );
            CREATE INDEX dose_overrides_by_patient ON dose_overrides(patient_id);
            CREATE TRIGGER dose_overrides_no_update BEFORE UPDATE ON dose_overrides
            BEGIN SELECT RAISE(ABORT, 'dose_overrides rows are never changed'); END;
            CREATE TRIGGER dose_overrides_no_delete BEFORE DELETE ON dose_overrides
            BEGIN SELECT RAISE(ABORT, 'dose_overrides rows are never deleted'); END;
            CREATE TABLE override_cosignatures (
                id          INTEGER PRIMARY KEY,
                override_id INTEGER NOT NULL UNIQUE REFERENCES dose_overrides(id),
                signed_by   INTEGER NOT NULL REFERENCES staff(id),
                signed_at   TEXT NOT NULL
            );
            CREATE TRIGGER override_cosignatures_no_update BEFORE UPDATE ON override_cosignatures
            BEGIN SELECT RAISE(ABORT, 'override_cosignatures rows are never changed'); END;
            CREATE TRIGGER override_cosignatures_no_delete BEFORE DELETE ON override_cosignatures
            BEGIN SELECT RAISE(ABORT, 'override_cosignatures rows are never deleted'); END;
            """)
    }
}
