import GRDB

extension Schema {
    /// Ward board (issue 7): alert episodes with their acknowledgements,
    /// escalations and clearing, and nurse-to-bed assignments per shift.
    /// Every table is append-only.
    static func migrateBoard(_ db: Database) throws {
        try db.execute(sql: """
            -- One episode of an alert: its cause (key) from a start time. Written
            -- by whichever terminal first sees it (system), or by an acknowledgement.
            CREATE TABLE alert_episodes (
                id         INTEGER PRIMARY KEY,
                key        TEXT NOT NULL,
                since      TEXT NOT NULL,
                rule       TEXT NOT NULL,
                severity   TEXT NOT NULL CHECK (severity IN ('info','warning','critical')),
                patient_id INTEGER NOT NULL REFERENCES patients(id),
                message    TEXT NOT NULL,
                raised_at  TEXT NOT NULL,
                UNIQUE (key, since)
            );
            CREATE INDEX alert_episodes_by_raised ON alert_episodes(raised_at);
            CREATE TABLE alert_acknowledgements (
                id         INTEGER PRIMARY KEY,
                episode_id INTEGER NOT NULL REFERENCES alert_episodes(id),
                staff      INTEGER NOT NULL REFERENCES staff(id),
                at         TEXT NOT NULL,
                note       TEXT
            );
            CREATE INDEX alert_acks_by_episode ON alert_acknowledgements(episode_id);
            CREATE TABLE alert_escalations (
                id         INTEGER PRIMARY KEY,
                episode_id INTEGER NOT NULL REFERENCES alert_episodes(id),
                staff      INTEGER NOT NULL REFERENCES staff(id),
                to_whom    TEXT NOT NULL,
                at         TEXT NOT NULL,
                outcome    TEXT NOT NULL
            );
            CREATE INDEX alert_escalations_by_episode ON alert_escalations(episode_id);
            -- The cause went away (by itself, or after acknowledgement).
            CREATE TABLE alert_clearances (
                episode_id INTEGER PRIMARY KEY REFERENCES alert_episodes(id),
                cleared_at TEXT NOT NULL
            );
            -- The newest row per (bed, shift_start) is the assignment; staff NULL = unassigned.
            CREATE TABLE nurse_assignments (
                id          INTEGER PRIMARY KEY,
                bed         TEXT NOT NULL REFERENCES beds(label),
                staff       INTEGER REFERENCES staff(id),
                shift       TEXT NOT NULL,
                shift_start TEXT NOT NULL,
                assigned_at TEXT NOT NULL,
                assigned_by INTEGER NOT NULL REFERENCES staff(id)
            );
            CREATE INDEX nurse_assignments_by_shift ON nurse_assignments(shift_start, bed, id);
            """)
        for table in ["alert_episodes", "alert_acknowledgements", "alert_escalations", "alert_clearances", "nurse_assignments"] {
            try db.execute(sql: """
                CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) rows are never changed: write a new row'); END;
                CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) rows are never deleted'); END;
                """)
        }
    }
}
