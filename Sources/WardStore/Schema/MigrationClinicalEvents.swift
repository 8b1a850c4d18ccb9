import GRDB

extension Schema {
    /// Seizures and deliriums recorded from the chart (issue 7). Append-only.
    static func migrateClinicalEvents(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE clinical_events (
                id           INTEGER PRIMARY KEY,
                patient_id   INTEGER NOT NULL REFERENCES patients(id),
                kind         TEXT NOT NULL CHECK (kind IN ('seizure','delirium')),
                note         TEXT NOT NULL,
                taken_at     TEXT NOT NULL,
                entered_at   TEXT NOT NULL,
                recorded_by  INTEGER NOT NULL REFERENCES staff(id)
            );
            CREATE INDEX clinical_events_by_patient ON clinical_events(patient_id, taken_at);
            CREATE TRIGGER clinical_events_no_update BEFORE UPDATE ON clinical_events
            BEGIN SELECT RAISE(ABORT, 'clinical_events rows are never changed'); END;
            CREATE TRIGGER clinical_events_no_delete BEFORE DELETE ON clinical_events
            BEGIN SELECT RAISE(ABORT, 'clinical_events rows are never deleted'); END;
            """)
    }
}
