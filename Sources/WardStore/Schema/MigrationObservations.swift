import GRDB

extension Schema {
    /// Bedside observations (issue 6): vital signs, sedation scores,
    /// monitoring exceptions and the dose-gate answers of withdrawal
    /// assessments. All append-only; amendments are new rows that supersede.
    static let observationTables = ["vital_signs", "sedation_scores", "monitoring_exceptions", "dose_gates"]

    static func v2Observations(_ db: Database) throws {
        let amendable = """
                taken_at         TEXT NOT NULL,
                entered_at       TEXT NOT NULL,
                recorded_by      INTEGER NOT NULL REFERENCES staff(id),
                amend_reason     TEXT,
                entered_in_error INTEGER NOT NULL DEFAULT 0 CHECK (entered_in_error IN (0,1)),
                CHECK ((supersedes IS NULL) = (amend_reason IS NULL)),
                CHECK (entered_in_error = 0 OR supersedes IS NOT NULL)
            """
        try db.execute(sql: """
            CREATE TABLE vital_signs (
                id               INTEGER PRIMARY KEY,
                patient_id       INTEGER NOT NULL REFERENCES patients(id),
                respiration_rate INTEGER NOT NULL,
                spo2             INTEGER NOT NULL,
                on_oxygen        INTEGER NOT NULL CHECK (on_oxygen IN (0,1)),
                systolic         INTEGER NOT NULL,
                diastolic        INTEGER,
                pulse            INTEGER NOT NULL,
                acvpu            TEXT NOT NULL CHECK (acvpu IN ('A','C','V','P','U')),
                temperature      REAL NOT NULL,
                scale2           INTEGER NOT NULL CHECK (scale2 IN (0,1)),
                news2_total      INTEGER NOT NULL,
                supersedes       INTEGER UNIQUE REFERENCES vital_signs(id),
            \(amendable)
            );
            CREATE INDEX vital_signs_by_patient ON vital_signs(patient_id, taken_at);
            CREATE TABLE sedation_scores (
                id               INTEGER PRIMARY KEY,
                patient_id       INTEGER NOT NULL REFERENCES patients(id),
                scale            TEXT NOT NULL CHECK (scale IN ('rass','poss')),
                value            TEXT NOT NULL,
                supersedes       INTEGER UNIQUE REFERENCES sedation_scores(id),
            \(amendable)
            );
            CREATE INDEX sedation_by_patient ON sedation_scores(patient_id, taken_at);
            CREATE TABLE monitoring_exceptions (
                id               INTEGER PRIMARY KEY,
                patient_id       INTEGER NOT NULL REFERENCES patients(id),
                kind             TEXT NOT NULL,
                reason           TEXT NOT NULL CHECK (reason IN ('asleep','refused','off-ward')),
                note             TEXT NOT NULL,
                recheck_at       TEXT NOT NULL,
                supersedes       INTEGER UNIQUE REFERENCES monitoring_exceptions(id),
            \(amendable)
            );
            CREATE INDEX exceptions_by_patient ON monitoring_exceptions(patient_id, taken_at);
            CREATE TABLE dose_gates (
                assessment_id        INTEGER PRIMARY KEY REFERENCES assessments(id),
                recent_use_confirmed INTEGER NOT NULL CHECK (recent_use_confirmed IN (0,1)),
                can_communicate      INTEGER NOT NULL CHECK (can_communicate IN (0,1)),
                entered_at           TEXT NOT NULL,
                recorded_by          INTEGER NOT NULL REFERENCES staff(id)
            );
            """)
        for table in observationTables {
            try db.execute(sql: """
                CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) rows are never changed: write an amendment or a new row'); END;
                CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) rows are never deleted'); END;
                """)
        }
    }
}
