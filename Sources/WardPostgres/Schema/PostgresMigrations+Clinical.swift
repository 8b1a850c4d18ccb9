/// The clinical migrations after v1, each beside its SQLite twin's name (Sources/WardStore/Schema).
extension PostgresSchema {
    /// Vital signs, sedation scores, monitoring exceptions, dose-gate answers (issue 6).
    static let observations = [
        """
        CREATE TABLE vital_signs (
            id               \(DDL.identity),
            patient_id       bigint NOT NULL REFERENCES patients(id),
            respiration_rate bigint NOT NULL,
            spo2             bigint NOT NULL,
            on_oxygen        bigint NOT NULL CHECK (on_oxygen IN (0,1)),
            systolic         bigint NOT NULL,
            diastolic        bigint,
            pulse            bigint NOT NULL,
            acvpu            text NOT NULL CHECK (acvpu IN ('A','C','V','P','U')),
            temperature      double precision NOT NULL,
            scale2           bigint NOT NULL CHECK (scale2 IN (0,1)),
            news2_total      bigint NOT NULL,
            supersedes       bigint UNIQUE REFERENCES vital_signs(id),
        \(DDL.amendable)
        )
        """,
        "CREATE INDEX vital_signs_by_patient ON vital_signs(patient_id, taken_at)",
        """
        CREATE TABLE sedation_scores (
            id               \(DDL.identity),
            patient_id       bigint NOT NULL REFERENCES patients(id),
            scale            text NOT NULL CHECK (scale IN ('rass','poss')),
            value            text NOT NULL,
            supersedes       bigint UNIQUE REFERENCES sedation_scores(id),
        \(DDL.amendable)
        )
        """,
        "CREATE INDEX sedation_by_patient ON sedation_scores(patient_id, taken_at)",
        """
        CREATE TABLE monitoring_exceptions (
            id               \(DDL.identity),
            patient_id       bigint NOT NULL REFERENCES patients(id),
            kind             text NOT NULL,
            reason           text NOT NULL CHECK (reason IN ('asleep','refused','off-ward')),
            note             text NOT NULL,
            \(DDL.time("recheck_at")),
            supersedes       bigint UNIQUE REFERENCES monitoring_exceptions(id),
        \(DDL.amendable)
        )
        """,
        "CREATE INDEX exceptions_by_patient ON monitoring_exceptions(patient_id, taken_at)",
        """
        CREATE TABLE dose_gates (
            assessment_id        bigint PRIMARY KEY REFERENCES assessments(id),
            recent_use_confirmed bigint NOT NULL CHECK (recent_use_confirmed IN (0,1)),
            can_communicate      bigint NOT NULL CHECK (can_communicate IN (0,1)),
            \(DDL.time("entered_at")),
            recorded_by          bigint NOT NULL REFERENCES staff(id)
        )
        """,
    ] + ["vital_signs", "sedation_scores", "monitoring_exceptions", "dose_gates"].map(DDL.appendOnly)

    /// Orders, order versions, dose events, PRN follow-ups (issue 5). As in SQLite's first version,
    /// a scheduled dose has at most one event by a unique index (replaced by slot claims later).
    static let medication = [
        """
        CREATE TABLE med_orders (
            id         \(DDL.identity),
            patient_id bigint NOT NULL REFERENCES patients(id),
            kind       text NOT NULL CHECK (kind IN ('taper','prn')),
            \(DDL.time("created_at")),
            created_by bigint NOT NULL REFERENCES staff(id)
        )
        """,
        "CREATE INDEX med_orders_by_patient ON med_orders(patient_id)",
        """
        CREATE TABLE med_order_versions (
            id         \(DDL.identity),
            order_id   bigint NOT NULL REFERENCES med_orders(id),
            version    bigint NOT NULL CHECK (version >= 1),
            status     text NOT NULL CHECK (status IN ('active','held','stopped')),
            drug       text NOT NULL,
            terms      text NOT NULL,
            reason     text,
            written_by bigint NOT NULL REFERENCES staff(id),
            \(DDL.time("written_at")),
            UNIQUE (order_id, version),
            CHECK ((version = 1) = (reason IS NULL))
        )
        """,
        """
        CREATE TABLE administrations (
            id             \(DDL.identity),
            patient_id     bigint NOT NULL REFERENCES patients(id),
            order_id       bigint NOT NULL REFERENCES med_orders(id),
            order_version  bigint NOT NULL,
            is_prn         bigint NOT NULL CHECK (is_prn IN (0,1)),
            \(DDL.time("scheduled_for", null: true)),
            status         text NOT NULL CHECK (status IN ('given','held','refused','omitted')),
            drug           text NOT NULL,
            mg             double precision NOT NULL CHECK (mg >= 0),
            route          text NOT NULL,
            \(DDL.time("at")),
            recorded_by    bigint NOT NULL REFERENCES staff(id),
            reason         text,
            note           text,
            witness        bigint REFERENCES staff(id),
            observation_id bigint,
            wasted_mg      double precision CHECK (wasted_mg IS NULL OR wasted_mg > 0),
            CHECK ((is_prn = 1) = (scheduled_for IS NULL)),
            CHECK (witness IS NULL OR witness <> recorded_by),
            CHECK (status = 'given' OR reason IS NOT NULL)
        )
        """,
        "CREATE UNIQUE INDEX administrations_once ON administrations(order_id, scheduled_for) WHERE scheduled_for IS NOT NULL",
        "CREATE INDEX administrations_by_patient ON administrations(patient_id, at)",
        "CREATE INDEX administrations_prn ON administrations(patient_id, drug, at) WHERE is_prn = 1",
        """
        CREATE TABLE prn_followups (
            id                \(DDL.identity),
            administration_id bigint NOT NULL UNIQUE REFERENCES administrations(id),
            patient_id        bigint NOT NULL REFERENCES patients(id),
            \(DDL.time("due_at"))
        )
        """,
        """
        CREATE TABLE prn_followup_results (
            followup_id bigint PRIMARY KEY REFERENCES prn_followups(id),
            result      text NOT NULL CHECK (result IN ('effective','partial','none')),
            \(DDL.time("recorded_at")),
            recorded_by bigint NOT NULL REFERENCES staff(id)
        )
        """,
    ] + ["med_orders", "med_order_versions", "administrations", "prn_followups", "prn_followup_results"].map(DDL.appendOnly)

    /// Handover notes, illness-severity overrides, handed-over / accepted marks (issue 8).
    static let handover = [
        """
        CREATE TABLE handover_notes (
            id          \(DDL.identity),
            patient_id  bigint NOT NULL REFERENCES patients(id),
            \(DDL.time("shift_start")),
            text        text NOT NULL,
            written_by  bigint NOT NULL REFERENCES staff(id),
            \(DDL.time("written_at")),
            supersedes  bigint UNIQUE REFERENCES handover_notes(id),
            reason      text,
            withdrawn   bigint NOT NULL DEFAULT 0 CHECK (withdrawn IN (0,1)),
            CHECK ((supersedes IS NULL) = (reason IS NULL)),
            CHECK (withdrawn = 0 OR supersedes IS NOT NULL)
        )
        """,
        "CREATE INDEX handover_notes_by_patient ON handover_notes(patient_id, shift_start)",
        """
        CREATE TABLE severity_overrides (
            id          \(DDL.identity),
            patient_id  bigint NOT NULL REFERENCES patients(id),
            \(DDL.time("shift_start")),
            severity    text CHECK (severity IS NULL OR severity IN ('stable','watcher','unstable')),
            reason      text NOT NULL CHECK (length(reason) > 0),
            set_by      bigint NOT NULL REFERENCES staff(id),
            \(DDL.time("set_at"))
        )
        """,
        "CREATE INDEX severity_overrides_by_patient ON severity_overrides(patient_id, shift_start)",
        """
        CREATE TABLE handover_marks (
            id          \(DDL.identity),
            patient_id  bigint NOT NULL REFERENCES patients(id),
            \(DDL.time("shift_start")),
            kind        text NOT NULL CHECK (kind IN ('handed-over','accepted')),
            staff       bigint NOT NULL REFERENCES staff(id),
            \(DDL.time("at")),
            UNIQUE (patient_id, shift_start, kind)
        )
        """,
    ] + ["handover_notes", "severity_overrides", "handover_marks"].map(DDL.appendOnly)

    /// Alert episodes with acknowledgements, escalations and clearing; nurse assignments (issue 7).
    static let board = [
        """
        CREATE TABLE alert_episodes (
            id         \(DDL.identity),
            key        text NOT NULL,
            \(DDL.time("since")),
            rule       text NOT NULL,
            severity   text NOT NULL CHECK (severity IN ('info','warning','critical')),
            patient_id bigint NOT NULL REFERENCES patients(id),
            message    text NOT NULL,
            \(DDL.time("raised_at")),
            UNIQUE (key, since)
        )
        """,
        "CREATE INDEX alert_episodes_by_raised ON alert_episodes(raised_at)",
        """
        CREATE TABLE alert_acknowledgements (
            id         \(DDL.identity),
            episode_id bigint NOT NULL REFERENCES alert_episodes(id),
            staff      bigint NOT NULL REFERENCES staff(id),
            \(DDL.time("at")),
            note       text
        )
        """,
        "CREATE INDEX alert_acks_by_episode ON alert_acknowledgements(episode_id)",
        """
        CREATE TABLE alert_escalations (
            id         \(DDL.identity),
            episode_id bigint NOT NULL REFERENCES alert_episodes(id),
            staff      bigint NOT NULL REFERENCES staff(id),
            to_whom    text NOT NULL,
            \(DDL.time("at")),
            outcome    text NOT NULL
        )
        """,
        "CREATE INDEX alert_escalations_by_episode ON alert_escalations(episode_id)",
        """
        CREATE TABLE alert_clearances (
            episode_id bigint PRIMARY KEY REFERENCES alert_episodes(id),
            \(DDL.time("cleared_at"))
        )
        """,
        """
        CREATE TABLE nurse_assignments (
            id          \(DDL.identity),
            bed         text NOT NULL REFERENCES beds(label),
            staff       bigint REFERENCES staff(id),
            shift       text NOT NULL,
            \(DDL.time("shift_start")),
            \(DDL.time("assigned_at")),
            assigned_by bigint NOT NULL REFERENCES staff(id)
        )
        """,
        "CREATE INDEX nurse_assignments_by_shift ON nurse_assignments(shift_start, bed, id)",
    ] + ["alert_episodes", "alert_acknowledgements", "alert_escalations", "alert_clearances", "nurse_assignments"].map(DDL.appendOnly)

    /// Seizures and deliriums recorded from the chart (issue 7).
    static let clinicalEvents = [
        """
        CREATE TABLE clinical_events (
            id           \(DDL.identity),
            patient_id   bigint NOT NULL REFERENCES patients(id),
            kind         text NOT NULL CHECK (kind IN ('seizure','delirium')),
            note         text NOT NULL,
            \(DDL.time("taken_at")),
            \(DDL.time("entered_at")),
            recorded_by  bigint NOT NULL REFERENCES staff(id)
        )
        """,
        "CREATE INDEX clinical_events_by_patient ON clinical_events(patient_id, taken_at)",
        DDL.appendOnly("clinical_events"),
    ]

    /// Dose records marked entered in error, and never twice by constraint (plan 4.3). SQLite's
    /// trigger (`NOT EXISTS` a record that still counts) is race-free only because SQLite has one
    /// writer. Here each scheduled dose record claims its slot (order, time, generation) in an
    /// owner-written table whose primary key is the rule: the generation is the number of the
    /// slot's records already voided, so two terminals recording the same dose claim the same key
    /// and the second gets 23505 (`administration_slots_pkey`) when the first commits, while a
    /// voided dose may be recorded once more (the next generation). The claim runs with the
    /// owner's rights (the app role cannot write claims itself); it counts the committed voids, so
    /// a void and a re-record racing each other err on the safe side (refused).
    static func doseAmendments(_ schema: String) -> [String] {
        [
            """
            CREATE TABLE administration_amendments (
                id                \(DDL.identity),
                administration_id bigint NOT NULL UNIQUE REFERENCES administrations(id),
                reason            text NOT NULL CHECK (length(reason) > 0),
                recorded_by       bigint NOT NULL REFERENCES staff(id),
                \(DDL.time("recorded_at"))
            )
            """,
            DDL.appendOnly("administration_amendments"),
            "DROP INDEX administrations_once",
            "CREATE INDEX administrations_by_dose ON administrations(order_id, scheduled_for) WHERE scheduled_for IS NOT NULL",
            """
            CREATE TABLE administration_slots (
                order_id          bigint NOT NULL,
                scheduled_for     text NOT NULL,
                generation        bigint NOT NULL CHECK (generation >= 0),
                administration_id bigint NOT NULL UNIQUE REFERENCES administrations(id),
                PRIMARY KEY (order_id, scheduled_for, generation)
            )
            """,
            DDL.appendOnly("administration_slots"),
            """
            CREATE FUNCTION claim_administration_slot() RETURNS trigger LANGUAGE plpgsql
            SECURITY DEFINER SET search_path = \(schema), pg_temp AS $$
            BEGIN
                INSERT INTO administration_slots (order_id, scheduled_for, generation, administration_id)
                VALUES (NEW.order_id, NEW.scheduled_for,
                        (SELECT count(*) FROM administrations a JOIN administration_amendments x ON x.administration_id = a.id
                         WHERE a.order_id = NEW.order_id AND a.scheduled_for = NEW.scheduled_for),
                        NEW.id);
                RETURN NULL;
            END $$
            """,
            """
            CREATE TRIGGER administrations_once AFTER INSERT ON administrations
            FOR EACH ROW WHEN (NEW.scheduled_for IS NOT NULL) EXECUTE FUNCTION claim_administration_slot()
            """,
        ]
    }

    /// A prescriber's override of a dose-safety rule (one per administration) and its co-signature.
    static let doseOverrides = [
        """
        CREATE TABLE dose_overrides (
            id                \(DDL.identity),
            administration_id bigint NOT NULL UNIQUE REFERENCES administrations(id),
            patient_id        bigint NOT NULL REFERENCES patients(id),
            prescriber        bigint NOT NULL REFERENCES staff(id),
            instruction       text NOT NULL CHECK (instruction IN ('present', 'telephone')),
            read_back         bigint NOT NULL CHECK (read_back IN (0, 1)),
            reason            text NOT NULL CHECK (length(reason) > 0),
            rules             text NOT NULL,
            recorded_by       bigint NOT NULL REFERENCES staff(id),
            \(DDL.time("recorded_at")),
            CHECK (instruction = 'present' OR read_back = 1)
        )
        """,
        "CREATE INDEX dose_overrides_by_patient ON dose_overrides(patient_id)",
        DDL.appendOnly("dose_overrides"),
        """
        CREATE TABLE override_cosignatures (
            id          \(DDL.identity),
            override_id bigint NOT NULL UNIQUE REFERENCES dose_overrides(id),
            signed_by   bigint NOT NULL REFERENCES staff(id),
            \(DDL.time("signed_at"))
        )
        """,
        DDL.appendOnly("override_cosignatures"),
    ]

    /// NEWS2 SpO2 scale decisions (issue 13).
    static let spo2ScaleDecisions = [
        """
        CREATE TABLE spo2_scale_decisions (
            id          \(DDL.identity),
            patient_id  bigint NOT NULL REFERENCES patients(id),
            scale2      bigint NOT NULL CHECK (scale2 IN (0,1)),
            reason      text NOT NULL,
            \(DDL.time("decided_at")),
            decided_by  bigint NOT NULL REFERENCES staff(id)
        )
        """,
        "CREATE INDEX spo2_scale_by_patient ON spo2_scale_decisions(patient_id, id)",
        DDL.appendOnly("spo2_scale_decisions"),
    ]

    /// Issue 20: the HL7 interface's inbound messages and the PAS's demographic corrections (A08).
    static let interface = [
        """
        CREATE TABLE interface_messages (
            id                  \(DDL.identity),
            \(DDL.time("received_at")),
            peer                text NOT NULL,
            sending_application text NOT NULL,
            sending_facility    text NOT NULL,
            control_id          text,
            message_type        text NOT NULL,
            patient_mrn         text,
            \(DDL.time("event_time", null: true)),
            raw_base64          text NOT NULL,
            outcome             text NOT NULL CHECK (outcome IN ('AA','AE','AR')),
            ack                 text NOT NULL,
            detail              text NOT NULL,
            UNIQUE (sending_application, sending_facility, control_id)
        )
        """,
        "CREATE INDEX interface_messages_by_mrn ON interface_messages(patient_mrn, id)",
        DDL.appendOnly("interface_messages"),
        """
        CREATE TABLE patient_demographics (
            id            \(DDL.identity),
            patient_id    bigint NOT NULL REFERENCES patients(id),
            name          text NOT NULL,
            \(DDL.date("date_of_birth")),
            sex           text NOT NULL,
            allergies     text NOT NULL,
            substances    text NOT NULL,
            seizure_history bigint NOT NULL CHECK (seizure_history IN (0,1)),
            risk_flags    text NOT NULL,
            source        text NOT NULL,
            \(DDL.time("recorded_at")),
            recorded_by   bigint NOT NULL REFERENCES staff(id)
        )
        """,
        "CREATE INDEX patient_demographics_by_patient ON patient_demographics(patient_id, id)",
        DDL.appendOnly("patient_demographics"),
    ]
}
