import Foundation

/// Everything the screens need about the ward at one moment, read in one
/// transaction. Screens never query the store; they are handed snapshots.
public struct WardSnapshot: Sendable, Hashable {
    public var ward: Ward
    /// Admitted patients (not discharged).
    public var patients: [Patient]
    /// Assessments per patient, newest first, amendments included (see `isCurrent`).
    public var assessments: [PatientID: [Assessment]]
    /// Store change counter at load time (the change feed compares it).
    public var version: Int
    public var loadedAt: Date
    /// Vital-sign sets per patient, newest first, amendments included (see `isCurrent`).
    public var vitals: [PatientID: [VitalSignsEntry]] = [:]
    /// Sedation scores (RASS/POSS) per patient, newest first, amendments included.
    public var sedation: [PatientID: [SedationEntry]] = [:]
    /// Monitoring exceptions (check attempted, not done) per patient, newest first.
    public var exceptions: [PatientID: [MonitoringExceptionEntry]] = [:]
    /// Dose-gate answers per withdrawal assessment (absent = not answered: monitoring only).
    public var doseGates: [EntryID: DoseGateAnswers] = [:]
    /// Seizures and deliriums recorded from the chart, newest first.
    public var clinicalEvents: [PatientID: [ClinicalEventEntry]] = [:]
    /// Medication orders per patient: the current version of each order (issue 5).
    public var orders: [PatientID: [MedicationOrder]] = [:]
    /// Every version of every order, oldest first (history view).
    public var orderVersions: [PatientID: [MedicationOrder]] = [:]
    /// Dose events (given/held/refused/omitted) per patient, the last 48 h, newest first.
    public var administrations: [PatientID: [Administration]] = [:]
    /// Dose events later marked entered in error, per patient, the last 48 h,
    /// newest first: kept apart so that nothing counts them; shown, marked, on the MAR and handover.
    public var voidedAdministrations: [PatientID: [Administration]] = [:]
    /// PRN follow-up re-assessments per patient, newest first.
    public var prnFollowUps: [PatientID: [PRNFollowUp]] = [:]
    /// Prescriber overrides of dose-safety rules, newest first (signed and unsigned).
    public var doseOverrides: [PatientID: [RecordedOverride]] = [:]
    /// Handover notes, severity overrides and handed-over/accepted marks of the admitted patients.
    public var handover: HandoverRecords = HandoverRecords()
    /// Discharges on record (for the handover census).
    public var discharges: [DischargeRecord] = []
    /// Observation/medication values for the ward board, per patient (filled by those records; empty = "—").
    public var board: [PatientID: PatientBoardExtras] = [:]
    /// Acknowledgements and escalations of alert episodes.
    public var alertLog: AlertLog = AlertLog()
    /// Nurse-to-bed assignments for the current shift.
    public var assignments: [BedAssignment] = []
    /// Staff who can be assigned to beds (nurses, charge nurses, students), enabled only.
    public var assignableStaff: [StaffMember] = []
    /// Rows of the admitted patients' record (and the ward's) that could not be read: listed, never skipped in silence.
    public var unreadable: [UnreadableEntry] = []
    /// The newest audit event that is not the alert log's upkeep (what the change feed reports).
    public var clinicalVersion: Int = 0
    /// Transfers to and from this ward (a hospital's PostgreSQL ward; none otherwise), newest first.
    public var transfers: [WardTransfer] = []
    /// The hospital's other wards a patient may be sent to (none outside a hospital).
    public var otherWards: [HospitalWard] = []
    /// The PAS's discharge notices of admitted patients (ADT^A03 / A11 not yet acted on).
    public var pasNotices: [PatientID: PASNotice] = [:]
    /// This ward's code in the hospital's register (nil outside a hospital).
    public var hospitalCode: String?
    /// Patients sent to this ward and not yet accepted into a bed, oldest first.
    public var arriving: [WardTransfer] {
        transfers.filter { $0.isWaiting && $0.toWard == hospitalCode }.sorted { $0.id < $1.id }
    }

    public init(ward: Ward, patients: [Patient], assessments: [PatientID: [Assessment]], version: Int, loadedAt: Date) {
        self.ward = ward; self.patients = patients; self.assessments = assessments
        self.version = version; self.loadedAt = loadedAt
    }

    public func patient(inBed bed: String) -> Patient? { patients.first { $0.bed == bed } }
    public func patient(_ id: PatientID) -> Patient? { patients.first { $0.id == id } }
    /// The unreadable entries of one patient's record.
    public func unreadable(for id: PatientID) -> [UnreadableEntry] { unreadable.filter { $0.patientID == id } }

    /// Current (not amended away) assessments of one scale, newest first.
    public func current(_ scale: ScaleKind, for id: PatientID) -> [Assessment] {
        (assessments[id] ?? []).filter { $0.scale == scale && $0.isCurrent }
    }
    public func latest(_ scale: ScaleKind, for id: PatientID) -> Assessment? { current(scale, for: id).first }
}
