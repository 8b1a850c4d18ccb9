import Foundation

/// How a prescriber's instruction to give a dose despite a safety rule reached the nurse.
public enum OverrideInstruction: String, Sendable, Hashable, Codable, CaseIterable {
    /// The prescriber was on the ward and saw the patient.
    case present
    /// By telephone: the nurse read the instruction back before acting.
    case telephone

    public var label: String {
        switch self {
        case .present: "prescriber present"
        case .telephone: "telephone instruction, read back"
        }
    }
}

/// A prescriber's decision to give a dose that a dose-safety rule would
/// refuse: who decided, how the instruction came, and why. Recorded with the
/// dose in the same transaction, and open on the prescriber's worklist until
/// they co-sign it.
public struct DoseOverride: Sendable, Hashable {
    /// The prescriber's staff ID (must exist, be enabled and hold the prescriber role).
    public var prescriberStaffID: String
    public var instruction: OverrideInstruction
    /// For a telephone instruction: the nurse read it back and the prescriber confirmed it.
    public var readBack: Bool
    public var reason: String

    public init(prescriberStaffID: String, instruction: OverrideInstruction, readBack: Bool, reason: String) {
        self.prescriberStaffID = prescriberStaffID; self.instruction = instruction; self.readBack = readBack; self.reason = reason
    }
}

/// An override as recorded, with its co-signature when given.
public struct RecordedOverride: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var administrationID: AdministrationID
    public var patientID: PatientID
    public var prescriber: StaffKey
    public var prescriberName: String
    public var instruction: OverrideInstruction
    public var reason: String
    /// The rules overridden, one sentence each, as the nurse saw them.
    public var rules: [String]
    public var recordedByName: String
    public var recordedAt: Date
    public var signedAt: Date?

    public init(id: Int64, administrationID: AdministrationID, patientID: PatientID, prescriber: StaffKey, prescriberName: String,
                instruction: OverrideInstruction, reason: String, rules: [String], recordedByName: String, recordedAt: Date,
                signedAt: Date? = nil) {
        self.id = id; self.administrationID = administrationID; self.patientID = patientID; self.prescriber = prescriber
        self.prescriberName = prescriberName; self.instruction = instruction; self.reason = reason; self.rules = rules
        self.recordedByName = recordedByName; self.recordedAt = recordedAt; self.signedAt = signedAt
    }

    public var isSigned: Bool { signedAt != nil }
}

/// A prescriber co-signs an override they gave.
public struct CosignOverride: Sendable, Hashable {
    public var overrideID: Int64
    public init(overrideID: Int64) { self.overrideID = overrideID }
}
