import GRDB

extension Schema {
    /// Indexes for the snapshot's time windows, so a reload reads what the screens show and
    /// not the ward's whole history (issue 15): the shift census reads the discharges of the
    /// last two shifts through `discharges_by_time`, and a patient's PRN follow-ups are found
    /// through `prn_followups_by_patient`.
    static func migrateReadIndexes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX discharges_by_time ON discharges(discharged_at);
            CREATE INDEX prn_followups_by_patient ON prn_followups(patient_id, due_at);
            """)
    }
}
