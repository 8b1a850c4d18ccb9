import GRDB

extension Schema {
    /// Issue 20: the HL7 interface. `interface_messages` keeps every message the ADT listener was
    /// sent, as its bytes (base64) with the outcome and the ACK that answered it; the same control ID
    /// (MSH-10) from the same sender is stored once, so a resend gets the stored ACK and is not
    /// applied again. `patient_demographics`: later versions of what the admission recorded — the
    /// PAS's corrections of name, date of birth, sex and allergies (ADT^A08), and the charge nurse's
    /// completion of an admission the PAS made (substances, seizure history, flags); each row holds
    /// all of them and the newest wins over the admission's. Both append-only.
    static func migrateInterface(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE interface_messages (
                id                  INTEGER PRIMARY KEY,
                received_at         TEXT NOT NULL,
                peer                TEXT NOT NULL,
                sending_application TEXT NOT NULL,
                sending_facility    TEXT NOT NULL,
                control_id          TEXT,
                message_type        TEXT NOT NULL,
                patient_mrn         TEXT,
                event_time          TEXT,
                raw_base64          TEXT NOT NULL,
                outcome             TEXT NOT NULL CHECK (outcome IN ('AA','AE','AR')),
                ack                 TEXT NOT NULL,
                detail              TEXT NOT NULL,
                UNIQUE (sending_application, sending_facility, control_id)
            );
            CREATE INDEX interface_messages_by_mrn ON interface_messages(patient_mrn, id);
            CREATE TRIGGER interface_messages_no_update BEFORE UPDATE ON interface_messages
            BEGIN SELECT RAISE(ABORT, 'interface_messages rows are never changed'); END;
            CREATE TRIGGER interface_messages_no_delete BEFORE DELETE ON interface_messages
            BEGIN SELECT RAISE(ABORT, 'interface_messages rows are never deleted'); END;
            CREATE TABLE patient_demographics (
                id            INTEGER PRIMARY KEY,
                patient_id    INTEGER NOT NULL REFERENCES patients(id),
                name          TEXT NOT NULL,
                date_of_birth TEXT NOT NULL,
                sex           TEXT NOT NULL,
                allergies     TEXT NOT NULL,
                substances    TEXT NOT NULL,
                seizure_history INTEGER NOT NULL CHECK (seizure_history IN (0,1)),
                risk_flags    TEXT NOT NULL,
                source        TEXT NOT NULL,
                recorded_at   TEXT NOT NULL,
                recorded_by   INTEGER NOT NULL REFERENCES staff(id)
            );
            CREATE INDEX patient_demographics_by_patient ON patient_demographics(patient_id, id);
            CREATE TRIGGER patient_demographics_no_update BEFORE UPDATE ON patient_demographics
            BEGIN SELECT RAISE(ABORT, 'patient_demographics rows are never changed: record a new row'); END;
            CREATE TRIGGER patient_demographics_no_delete BEFORE DELETE ON patient_demographics
            BEGIN SELECT RAISE(ABORT, 'patient_demographics rows are never deleted'); END;
            """)
    }
}
