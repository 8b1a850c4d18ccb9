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
    /// Observation/medication values for the ward board, per patient (filled by those records; empty = "—").
    public var board: [PatientID: PatientBoardExtras] = [:]
    /// Acknowledgements and escalations of alert episodes.
    public var alertLog: AlertLog = AlertLog()
    /// Nurse-to-bed assignments for the current shift.
    public var assignments: [BedAssignment] = []
    /// Staff who can be assigned to beds (nurses, charge nurses, students), enabled only.
    public var assignableStaff: [StaffMember] = []

    public init(ward: Ward, patients: [Patient], assessments: [PatientID: [Assessment]], version: Int, loadedAt: Date) {
        self.ward = ward; self.patients = patients; self.assessments = assessments
        self.version = version; self.loadedAt = loadedAt
    }

    public func patient(inBed bed: String) -> Patient? { patients.first { $0.bed == bed } }
    public func patient(_ id: PatientID) -> Patient? { patients.first { $0.id == id } }

    /// Current (not amended away) assessments of one scale, newest first.
    public func current(_ scale: ScaleKind, for id: PatientID) -> [Assessment] {
        (assessments[id] ?? []).filter { $0.scale == scale && $0.isCurrent }
    }
    public func latest(_ scale: ScaleKind, for id: PatientID) -> Assessment? { current(scale, for: id).first }
}
