import Foundation

public enum StaffRole: String, Sendable, Codable, CaseIterable {
    case nurse
    case chargeNurse = "charge-nurse"
    case prescriber
    case studentNurse = "student-nurse"
    case admin

    public var title: String {
        switch self {
        case .nurse: "Nurse"
        case .chargeNurse: "Charge nurse"
        case .prescriber: "Prescriber"
        case .studentNurse: "Student nurse"
        case .admin: "Ward IT (admin)"
        }
    }
}

public typealias StaffKey = Int64

public struct StaffMember: Sendable, Codable, Hashable, Identifiable {
    public var id: StaffKey
    public var staffID: String            // what they type at sign-in, e.g. "N1042"
    public var name: String
    public var role: StaffRole
    public var disabled: Bool
    public init(id: StaffKey, staffID: String, name: String, role: StaffRole, disabled: Bool = false) {
        self.id = id; self.staffID = staffID; self.name = name; self.role = role; self.disabled = disabled
    }
}
