import Foundation

/// I-PASS illness severity as a nurse states it in an override.
public enum SeverityLevel: String, Sendable, Hashable, Codable, CaseIterable {
    case stable, watcher, unstable
}

/// A nurse's "if … then …" line for one patient and one shift (append-only;
/// a correction is a new note that supersedes it, with a reason).
public struct HandoverNote: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var patientID: PatientID
    /// Start of the shift the note belongs to (the handover it prints in).
    public var shiftStart: Date
    public var text: String
    public var writtenBy: StaffKey
    public var writtenByName: String
    public var writtenAt: Date
    public var supersedes: Int64?
    public var reason: String?
    /// Set when a later note replaced or withdrew this one.
    public var supersededBy: Int64?
    /// A withdrawal: supersedes a note and prints nothing.
    public var withdrawn: Bool

    public init(id: Int64, patientID: PatientID, shiftStart: Date, text: String, writtenBy: StaffKey,
                writtenByName: String, writtenAt: Date, supersedes: Int64? = nil, reason: String? = nil,
                supersededBy: Int64? = nil, withdrawn: Bool = false) {
        self.id = id; self.patientID = patientID; self.shiftStart = shiftStart; self.text = text
        self.writtenBy = writtenBy; self.writtenByName = writtenByName; self.writtenAt = writtenAt
        self.supersedes = supersedes; self.reason = reason; self.supersededBy = supersededBy; self.withdrawn = withdrawn
    }
    public var isCurrent: Bool { supersededBy == nil && !withdrawn }
}

/// A nurse's override of the derived illness severity, for one shift.
/// `level == nil` returns the patient to the derived level (with a reason).
public struct SeverityOverride: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var patientID: PatientID
    public var shiftStart: Date
    public var level: SeverityLevel?
    public var reason: String
    public var byName: String
    public var at: Date
    public init(id: Int64, patientID: PatientID, shiftStart: Date, level: SeverityLevel?, reason: String,
                byName: String, at: Date) {
        self.id = id; self.patientID = patientID; self.shiftStart = shiftStart; self.level = level
        self.reason = reason; self.byName = byName; self.at = at
    }
}

public enum HandoverMarkKind: String, Sendable, Hashable, Codable {
    /// The outgoing nurse handed the patient over.
    case handedOver = "handed-over"
    /// The incoming nurse accepted the patient.
    case accepted
}

/// One "handed over" or "accepted" record for a patient and a shift.
public struct HandoverMark: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var patientID: PatientID
    public var shiftStart: Date
    public var kind: HandoverMarkKind
    public var by: StaffKey
    public var byStaffID: String
    public var byName: String
    public var at: Date
    public init(id: Int64, patientID: PatientID, shiftStart: Date, kind: HandoverMarkKind, by: StaffKey,
                byStaffID: String, byName: String, at: Date) {
        self.id = id; self.patientID = patientID; self.shiftStart = shiftStart; self.kind = kind
        self.by = by; self.byStaffID = byStaffID; self.byName = byName; self.at = at
    }
}

/// A discharge, for the census (admissions and discharges this shift).
public struct DischargeRecord: Sendable, Hashable {
    public var patientID: PatientID
    public var admittedAt: Date
    public var dischargedAt: Date
    public init(patientID: PatientID, admittedAt: Date, dischargedAt: Date) {
        self.patientID = patientID; self.admittedAt = admittedAt; self.dischargedAt = dischargedAt
    }
}

/// Everything recorded about handovers for the admitted patients.
public struct HandoverRecords: Sendable, Hashable {
    public var notes: [HandoverNote]
    public var overrides: [SeverityOverride]
    public var marks: [HandoverMark]
    public init(notes: [HandoverNote] = [], overrides: [SeverityOverride] = [], marks: [HandoverMark] = []) {
        self.notes = notes; self.overrides = overrides; self.marks = marks
    }

    /// Current notes for a patient and shift, oldest first.
    public func notes(for patient: PatientID, shiftStart: Date) -> [HandoverNote] {
        notes.filter { $0.patientID == patient && $0.shiftStart == shiftStart && $0.isCurrent }
            .sorted { ($0.writtenAt, $0.id) < ($1.writtenAt, $1.id) }
    }

    /// The newest override for a patient and shift (nil level = back to derived).
    public func override(for patient: PatientID, shiftStart: Date) -> SeverityOverride? {
        overrides.filter { $0.patientID == patient && $0.shiftStart == shiftStart }
            .max { ($0.at, $0.id) < ($1.at, $1.id) }
    }

    /// The newest mark of `kind` for a patient and shift.
    public func mark(_ kind: HandoverMarkKind, for patient: PatientID, shiftStart: Date) -> HandoverMark? {
        marks.filter { $0.patientID == patient && $0.shiftStart == shiftStart && $0.kind == kind }
            .max { ($0.at, $0.id) < ($1.at, $1.id) }
    }

    /// The patient's handover state for a shift, for the ward list's marker.
    public func status(for patient: PatientID, shiftStart: Date) -> HandoverStatus {
        if let a = mark(.accepted, for: patient, shiftStart: shiftStart) { return .accepted(a) }
        if let h = mark(.handedOver, for: patient, shiftStart: shiftStart) { return .handedOver(h) }
        return .none
    }
}

public enum HandoverStatus: Sendable, Hashable {
    case none
    case handedOver(HandoverMark)
    case accepted(HandoverMark)
}
