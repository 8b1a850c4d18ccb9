import GRDB

extension Schema {
    /// NEWS2 SpO2 scale decisions (issue 13): a prescriber sets or clears
    /// scale 2 for a patient, with a reason. Append-only; the newest row wins
    /// over the admission column.
    static func migrateSpO2ScaleDecisions(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE spo2_scale_decisions (
                id          INTEGER PRIMARY KEY,
                patient_id  INTEGER NOT NULL REFERENCES patients(id),
                scale2      INTEGER NOT NULL CHECK (scale2 IN (0,1)),
                reason      TEXT NOT NULL,
                decided_at  TEXT NOT NULL,
                decided_by  INTEGER NOT NULL REFERENCES staff(id)
            );
            CREATE INDEX spo2_scale_by_patient ON spo2_scale_decisions(patient_id, id);
            CREATE TRIGGER spo2_scale_decisions_no_update BEFORE UPDATE ON spo2_scale_decisions
            BEGIN SELECT RAISE(ABORT, 'spo2_scale_decisions rows are never changed: record a new decision'); END;
            CREATE TRIGGER spo2_scale_decisions_no_delete BEFORE DELETE ON spo2_scale_decisions
            BEGIN SELECT RAISE(ABORT, 'spo2_scale_decisions rows are never deleted'); END;
            """)
    }
}
