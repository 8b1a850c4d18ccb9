import GRDB

extension Schema {
    /// Tables written by the medication commands (issue 5).
    static let medicationAppendOnlyTables = ["med_orders", "med_order_versions", "administrations",
                                             "prn_followups", "prn_followup_results"]

    /// Orders (versions never change), dose events, PRN follow-ups. A
    /// scheduled dose has at most one event: the unique index is the last
    /// line of defence against a dose given twice.
    static func v2Medication(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE med_orders (
                id         INTEGER PRIMARY KEY,
                patient_id INTEGER NOT NULL REFERENCES patients(id),
                kind       TEXT NOT NULL CHECK (kind IN ('taper','prn')),
                created_at TEXT NOT NULL,
                created_by INTEGER NOT NULL REFERENCES staff(id)
            );
            CREATE INDEX med_orders_by_patient ON med_orders(patient_id);
            CREATE TABLE med_order_versions (
                id         INTEGER PRIMARY KEY,
                order_id   INTEGER NOT NULL REFERENCES med_orders(id),
                version    INTEGER NOT NULL CHECK (version >= 1),
                status     TEXT NOT NULL CHECK (status IN ('active','held','stopped')),
                drug       TEXT NOT NULL,
                terms      TEXT NOT NULL,
                reason     TEXT,
                written_by INTEGER NOT NULL REFERENCES staff(id),
                written_at TEXT NOT NULL,
                UNIQUE (order_id, version),
                CHECK ((version = 1) = (reason IS NULL))
            );
            CREATE TABLE administrations (
                id             INTEGER PRIMARY KEY,
                patient_id     INTEGER NOT NULL REFERENCES patients(id),
                order_id       INTEGER NOT NULL REFERENCES med_orders(id),
                order_version  INTEGER NOT NULL,
                is_prn         INTEGER NOT NULL CHECK (is_prn IN (0,1)),
                scheduled_for  TEXT,
                status         TEXT NOT NULL CHECK (status IN ('given','held','refused','omitted')),
                drug           TEXT NOT NULL,
                mg             REAL NOT NULL CHECK (mg >= 0),
                route          TEXT NOT NULL,
                at             TEXT NOT NULL,
                recorded_by    INTEGER NOT NULL REFERENCES staff(id),
                reason         TEXT,
                note           TEXT,
                witness        INTEGER REFERENCES staff(id),
                observation_id INTEGER,
                wasted_mg      REAL CHECK (wasted_mg IS NULL OR wasted_mg > 0),
                CHECK ((is_prn = 1) = (scheduled_for IS NULL)),
                CHECK (witness IS NULL OR witness <> recorded_by),
                CHECK (status = 'given' OR reason IS NOT NULL)
            );
            CREATE UNIQUE INDEX administrations_once ON administrations(order_id, scheduled_for) WHERE scheduled_for IS NOT NULL;
            CREATE INDEX administrations_by_patient ON administrations(patient_id, at);
            CREATE INDEX administrations_prn ON administrations(patient_id, drug, at) WHERE is_prn = 1;
            CREATE TABLE prn_followups (
                id                INTEGER PRIMARY KEY,
                administration_id INTEGER NOT NULL UNIQUE REFERENCES administrations(id),
                patient_id        INTEGER NOT NULL REFERENCES patients(id),
                due_at            TEXT NOT NULL
            );
            CREATE TABLE prn_followup_results (
                followup_id INTEGER PRIMARY KEY REFERENCES prn_followups(id),
                result      TEXT NOT NULL CHECK (result IN ('effective','partial','none')),
                recorded_at TEXT NOT NULL,
                recorded_by INTEGER NOT NULL REFERENCES staff(id)
            );
            """)
        for table in medicationAppendOnlyTables {
            try db.execute(sql: """
                CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) rows are never changed: write a new version or a new row'); END;
                CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) rows are never deleted'); END;
                """)
        }
    }
}
