/// A row of the record the program could not read as written (a wrong type,
/// an unreadable time, a number out of the record's range): shown where the
/// entry would be, never skipped in silence and never a crash.
public struct UnreadableEntry: Sendable, Hashable {
    public var table: String
    /// The row's id in its table (the event number for the audit trail).
    public var id: Int64
    /// The patient the row belongs to, when it has one.
    public var patientID: PatientID?
    public var reason: String

    public init(table: String, id: Int64, patientID: PatientID?, reason: String) {
        self.table = table; self.id = id; self.patientID = patientID; self.reason = reason
    }

    /// "unreadable entry #12 (assessments, total is not a whole number)"
    public var text: String { "unreadable entry #\(id) (\(table), \(reason))" }
}
