import Foundation

public enum StaffRole: String, Sendable, Codable, CaseIterable {
    case nurse
    case chargeNurse = "charge-nurse"
    case prescriber
    case studentNurse = "student-nurse"
    case admin
    /// The hospital's site manager: the site view of every ward (staff of a site schema only).
    case siteManager = "site-manager"
    /// The hospital's bed manager: the site view, for beds and flow (staff of a site schema only).
    case bedManager = "bed-manager"

    public var title: String {
        switch self {
        case .nurse: "Nurse"
        case .chargeNurse: "Charge nurse"
        case .prescriber: "Prescriber"
        case .studentNurse: "Student nurse"
        case .admin: "Ward IT (admin)"
        case .siteManager: "Site manager"
        case .bedManager: "Bed manager"
        }
    }

    /// The roles that belong to a hospital's site schema, not to a ward.
    public var isSiteRole: Bool { self == .siteManager || self == .bedManager }
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
