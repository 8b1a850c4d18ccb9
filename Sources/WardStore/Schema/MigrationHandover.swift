import GRDB

extension Schema {
    /// Handover (issue #8): the nurse's "if … then …" notes, illness-severity
    /// overrides and handed-over / accepted marks, each per patient and shift.
    /// All append-only: a note is corrected or withdrawn by a new row that
    /// supersedes it with a reason; an override by a newer override.
    static func handoverTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE handover_notes (
                id          INTEGER PRIMARY KEY,
                patient_id  INTEGER NOT NULL REFERENCES patients(id),
                shift_start TEXT NOT NULL,
                text        TEXT NOT NULL,
                written_by  INTEGER NOT NULL REFERENCES staff(id),
                written_at  TEXT NOT NULL,
                supersedes  INTEGER UNIQUE REFERENCES handover_notes(id),
                reason      TEXT,
                withdrawn   INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0,1)),
                CHECK ((supersedes IS NULL) = (reason IS NULL)),
                CHECK (withdrawn = 0 OR supersedes IS NOT NULL)
            );
            CREATE INDEX handover_notes_by_patient ON handover_notes(patient_id, shift_start);
            CREATE TABLE severity_overrides (
                id          INTEGER PRIMARY KEY,
                patient_id  INTEGER NOT NULL REFERENCES patients(id),
                shift_start TEXT NOT NULL,
                severity    TEXT CHECK (severity IS NULL OR severity IN ('stable','watcher','unstable')),
                reason      TEXT NOT NULL CHECK (length(reason) > 0),
                set_by      INTEGER NOT NULL REFERENCES staff(id),
                set_at      TEXT NOT NULL
            );
            CREATE INDEX severity_overrides_by_patient ON severity_overrides(patient_id, shift_start);
            CREATE TABLE handover_marks (
                id          INTEGER PRIMARY KEY,
                patient_id  INTEGER NOT NULL REFERENCES patients(id),
                shift_start TEXT NOT NULL,
                kind        TEXT NOT NULL CHECK (kind IN ('handed-over','accepted')),
                staff       INTEGER NOT NULL REFERENCES staff(id),
                at          TEXT NOT NULL,
                UNIQUE (patient_id, shift_start, kind)
            );
            """)
        for table in ["handover_notes", "severity_overrides", "handover_marks"] {
            try db.execute(sql: """
                CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) rows are never changed: write a new row'); END;
                CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) rows are never deleted'); END;
                """)
        }
    }
}
