import Foundation

/// A seizure or delirium as recorded from the chart (append-only).
public struct ClinicalEventEntry: Sendable, Hashable, Identifiable {
    public var id: EntryID
    public var patientID: PatientID
    public var kind: ClinicalEvent.Kind
    public var note: String
    public var recordedBy: StaffKey
    public var recordedByName: String
    public var recordedAt: Date
    public init(id: EntryID, patientID: PatientID, kind: ClinicalEvent.Kind, note: String, recordedBy: StaffKey,
                recordedByName: String, recordedAt: Date) {
        self.id = id; self.patientID = patientID; self.kind = kind; self.note = note
        self.recordedBy = recordedBy; self.recordedByName = recordedByName; self.recordedAt = recordedAt
    }
    /// The board's view: not yet reviewed (the escalation is recorded on the alert).
    public var boardEvent: ClinicalEvent { ClinicalEvent(kind: kind, at: recordedAt, note: note, reviewed: false) }
}

/// Record a seizure or delirium with a short note; `takenAt` is when it
/// happened (nil = now). Never in the future, never before admission.
public struct RecordClinicalEvent: Sendable, Hashable {
    public var patientID: PatientID
    public var kind: ClinicalEvent.Kind
    public var note: String
    public var takenAt: Date?
    public init(patientID: PatientID, kind: ClinicalEvent.Kind, note: String, takenAt: Date? = nil) {
        self.patientID = patientID; self.kind = kind; self.note = note; self.takenAt = takenAt
    }
}
