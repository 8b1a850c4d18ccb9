import Foundation

/// Record a set of vital signs. NEWS2 SpO2 scale 2 comes from the patient's
/// record in the store, never from the command.
public struct RecordVitals: Sendable, Hashable {
    public var patientID: PatientID
    public var vitals: VitalSigns
    public var takenAt: Date?
    public init(patientID: PatientID, vitals: VitalSigns, takenAt: Date? = nil) {
        self.patientID = patientID; self.vitals = vitals; self.takenAt = takenAt
    }
}

/// Record a sedation score (RASS or POSS).
public struct RecordSedation: Sendable, Hashable {
    public var patientID: PatientID
    public var score: SedationScore
    public var takenAt: Date?
    public init(patientID: PatientID, score: SedationScore, takenAt: Date? = nil) {
        self.patientID = patientID; self.score = score; self.takenAt = takenAt
    }
}

/// Record that a check was attempted and not done; the store sets the
/// re-check time from the protocol.
public struct RecordMonitoringException: Sendable, Hashable {
    public var patientID: PatientID
    public var kind: ObservationKind
    public var reason: ExceptionReason
    public var note: String
    public init(patientID: PatientID, kind: ObservationKind, reason: ExceptionReason, note: String) {
        self.patientID = patientID; self.kind = kind; self.reason = reason; self.note = note
    }
}

/// Record a withdrawal assessment together with the dose-gate answers.
public struct RecordGatedAssessment: Sendable, Hashable {
    public var assessment: RecordAssessment
    /// Nil when the gate was not answered (the score is then monitoring only).
    public var gate: DoseGateAnswers?
    public init(_ assessment: RecordAssessment, gate: DoseGateAnswers?) { self.assessment = assessment; self.gate = gate }
}

/// Correct a vital-signs, sedation or monitoring-exception entry: a new row
/// supersedes the old one, with the reason.
public struct AmendObservation: Sendable, Hashable {
    public enum Change: Sendable, Hashable {
        case enteredInError
        case correctedVitals(VitalSigns)
        case correctedSedation(SedationScore)
    }
    public enum Table: String, Sendable, Hashable { case vitals, sedation, exception }
    public var table: Table
    public var entryID: EntryID
    public var change: Change
    public var reason: String
    public init(_ table: Table, entryID: EntryID, change: Change, reason: String) {
        self.table = table; self.entryID = entryID; self.change = change; self.reason = reason
    }
}
