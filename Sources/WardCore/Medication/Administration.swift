import Foundation

public typealias AdministrationID = Int64

/// What happened to a dose.
public enum AdministrationStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case given, held, refused, omitted
    public var word: String { rawValue }
}

/// Why a dose was given outside its window, held, refused or omitted. The
/// categories follow the shape of VistA BCMA's variance log (early / late
/// given, held, refused, missing): a ward may rename them in its docs; the
/// code, not the wording, is stored.
public enum ReasonCode: String, Sendable, Hashable, Codable, CaseIterable {
    // Given late (after the window).
    case latePatientUnavailable = "late-patient-unavailable"
    case lateWardEmergency = "late-ward-emergency"
    case lateDoseUnavailable = "late-dose-unavailable"
    case lateOther = "late-other"
    // Given early (before the window).
    case earlyPatientLeaving = "early-patient-leaving"
    case earlyPrescriberInstructed = "early-prescriber-instructed"
    case earlyOther = "early-other"
    // Held.
    case heldSedation = "held-sedation"
    case heldRespiratory = "held-respiratory"
    case heldNotAlert = "held-not-alert"
    case heldPrescriberInstructed = "held-prescriber-instructed"
    case heldOther = "held-other"
    // Refused.
    case refusedByPatient = "refused-by-patient"
    // Omitted.
    case omittedPatientOffWard = "omitted-patient-off-ward"
    case omittedDoseUnavailable = "omitted-dose-unavailable"
    case omittedOther = "omitted-other"
    // PRN given although a criterion was not met (nurse's documented decision).
    case prnPrescriberInstructed = "prn-prescriber-instructed"
    case prnClinicalJudgement = "prn-clinical-judgement"

    public enum Use: Sendable, Hashable { case late, early, held, refused, omitted, prnOverride }

    public var use: Use {
        switch self {
        case .latePatientUnavailable, .lateWardEmergency, .lateDoseUnavailable, .lateOther: .late
        case .earlyPatientLeaving, .earlyPrescriberInstructed, .earlyOther: .early
        case .heldSedation, .heldRespiratory, .heldNotAlert, .heldPrescriberInstructed, .heldOther: .held
        case .refusedByPatient: .refused
        case .omittedPatientOffWard, .omittedDoseUnavailable, .omittedOther: .omitted
        case .prnPrescriberInstructed, .prnClinicalJudgement: .prnOverride
        }
    }

    public static func codes(for use: Use) -> [ReasonCode] { allCases.filter { $0.use == use } }

    /// "other" reasons need a note saying what.
    public var needsNote: Bool { [.lateOther, .earlyOther, .heldOther, .omittedOther, .prnClinicalJudgement].contains(self) }

    public var label: String {
        switch self {
        case .latePatientUnavailable: "patient unavailable (asleep, off ward, in a procedure)"
        case .lateWardEmergency: "emergency on the ward"
        case .lateDoseUnavailable: "dose not available in time"
        case .lateOther: "other (note)"
        case .earlyPatientLeaving: "patient leaving the ward (leave, appointment)"
        case .earlyPrescriberInstructed: "prescriber instructed"
        case .earlyOther: "other (note)"
        case .heldSedation: "sedation (RASS/POSS)"
        case .heldRespiratory: "respiration rate or SpO2"
        case .heldNotAlert: "not alert (ACVPU)"
        case .heldPrescriberInstructed: "prescriber instructed"
        case .heldOther: "other (note)"
        case .refusedByPatient: "patient refused"
        case .omittedPatientOffWard: "patient off the ward"
        case .omittedDoseUnavailable: "dose not available"
        case .omittedOther: "other (note)"
        case .prnPrescriberInstructed: "prescriber's override (who, how, why)"
        case .prnClinicalJudgement: "nurse's clinical judgement (note)"
        }
    }
}

/// A second person's sign-off, as recorded.
public struct WitnessRecord: Sendable, Hashable {
    public var staff: StaffKey
    public var name: String
    public init(staff: StaffKey, name: String) { self.staff = staff; self.name = name }
}

/// One recorded dose event (append-only).
public struct Administration: Sendable, Hashable, Identifiable {
    public var id: AdministrationID
    public var patientID: PatientID
    public var orderID: OrderID
    public var orderVersion: Int
    public var isPRN: Bool
    /// The scheduled time this answers (nil for PRN).
    public var scheduledFor: Date?
    public var status: AdministrationStatus
    public var drug: String
    public var mg: Double
    public var route: String
    public var at: Date
    public var by: StaffKey
    public var byName: String
    public var reason: ReasonCode?
    public var note: String?
    public var witness: WitnessRecord?
    /// The observation that made the nurse hold the dose (held for sedation).
    public var observationID: Int64?
    public var wastedMg: Double?
    /// Set when the record was later marked entered in error: it no longer
    /// counts as given (or held, refused, omitted) but stays on the record.
    public var enteredInError: DoseEnteredInError?
    public var isEnteredInError: Bool { enteredInError != nil }

    /// What the record says happened, in the words a MAR uses: "given late" or
    /// "given early" for a scheduled dose given outside its window (the reason
    /// recorded for it says which), otherwise the status ("given", "held" …).
    public var statusWord: String {
        guard status == .given, !isPRN, let use = reason?.use else { return status.word }
        switch use {
        case .late: return "given late"
        case .early: return "given early"
        case .held, .refused, .omitted, .prnOverride: return status.word
        }
    }

    /// Given outside its window (late or early, by its recorded reason).
    public var isGivenOutsideWindow: Bool { statusWord != status.word }

    public init(id: AdministrationID, patientID: PatientID, orderID: OrderID, orderVersion: Int, isPRN: Bool,
                scheduledFor: Date?, status: AdministrationStatus, drug: String, mg: Double, route: String, at: Date,
                by: StaffKey, byName: String, reason: ReasonCode? = nil, note: String? = nil, witness: WitnessRecord? = nil,
                observationID: Int64? = nil, wastedMg: Double? = nil, enteredInError: DoseEnteredInError? = nil) {
        self.id = id; self.patientID = patientID; self.orderID = orderID; self.orderVersion = orderVersion
        self.isPRN = isPRN; self.scheduledFor = scheduledFor; self.status = status; self.drug = drug; self.mg = mg
        self.route = route; self.at = at; self.by = by; self.byName = byName; self.reason = reason; self.note = note
        self.witness = witness; self.observationID = observationID; self.wastedMg = wastedMg
        self.enteredInError = enteredInError
    }
}

/// A PRN follow-up re-assessment: due after the dose; its result is the PRN's effectiveness.
public struct PRNFollowUp: Sendable, Hashable, Identifiable {
    public enum Effect: String, Sendable, Hashable, Codable, CaseIterable { case effective, partial, none }
    public var id: Int64
    public var administrationID: AdministrationID
    public var patientID: PatientID
    public var dueAt: Date
    public var result: Effect?
    public var resultAt: Date?
    public var resultByName: String?
    public init(id: Int64, administrationID: AdministrationID, patientID: PatientID, dueAt: Date, result: Effect? = nil,
                resultAt: Date? = nil, resultByName: String? = nil) {
        self.id = id; self.administrationID = administrationID; self.patientID = patientID; self.dueAt = dueAt
        self.result = result; self.resultAt = resultAt; self.resultByName = resultByName
    }
}
