/// Everything a signed-in staff member can ask the ward system to do.
/// The store checks every command against `StaffRole.may(_:)`; the UI may
/// use the same matrix to grey out keys, but it is never the only check.
public enum StaffAction: String, Sendable, CaseIterable, Hashable {
    /// See the ward list, charts and histories.
    case viewWard = "view-ward"
    /// Score an assessment or record an observation.
    case recordObservation = "record-observation"
    /// Amend an entry one recorded oneself.
    case amendOwnEntry = "amend-own-entry"
    /// Amend an entry someone else recorded.
    case amendAnyEntry = "amend-any-entry"
    /// Give a scheduled or PRN dose (a controlled drug needs a witness).
    case giveDose = "give-dose"
    /// Give a controlled drug as the responsible (not supervised) person.
    case giveControlledDrugAlone = "give-controlled-drug-alone"
    /// Witness (second-check) a controlled drug.
    case witnessControlledDrug = "witness-controlled-drug"
    /// Create or change a taper or PRN order.
    case writeOrder = "write-order"
    case admitPatient = "admit-patient"
    case dischargePatient = "discharge-patient"
    case assignBed = "assign-bed"
    /// Add, list, disable staff and reset their PINs.
    case manageStaff = "manage-staff"
    /// Set the ward's name and beds.
    case configureWard = "configure-ward"
    /// Read and verify the audit trail.
    case viewAudit = "view-audit"
    /// Write handover notes, override illness severity, hand a patient over or accept one.
    case handOver = "hand-over"
    /// Acknowledge or escalate a ward alert.
    case handleAlert = "handle-alert"
    /// Assign nurses to beds for a shift.
    case assignNurse = "assign-nurse"
    /// See the hospital's site view: every ward's census and alerts, each ward read-only.
    case viewSite = "view-site"

    /// What the action is, for a sentence: "Admitting a patient needs …".
    public var phrase: String {
        switch self {
        case .viewWard: "Viewing the ward"
        case .recordObservation: "Recording an observation"
        case .amendOwnEntry: "Amending an entry"
        case .amendAnyEntry: "Amending another person's entry"
        case .giveDose: "Giving a dose"
        case .giveControlledDrugAlone: "Giving a controlled drug without a supervising nurse"
        case .witnessControlledDrug: "Witnessing a controlled drug"
        case .writeOrder: "Creating or changing an order"
        case .admitPatient: "Admitting a patient"
        case .dischargePatient: "Discharging a patient"
        case .assignBed: "Assigning a bed"
        case .manageStaff: "Managing staff"
        case .configureWard: "Configuring the ward"
        case .viewAudit: "Viewing the audit trail"
        case .handOver: "Handing over or accepting a patient"
        case .handleAlert: "Acknowledging or escalating an alert"
        case .assignNurse: "Assigning nurses to beds"
        case .viewSite: "Viewing every ward of the hospital"
        }
    }

    /// The roles allowed to do this, in `StaffRole.allCases` order.
    public var allowedRoles: [StaffRole] { StaffRole.allCases.filter { $0.may(self) } }
}

extension StaffRole {
    /// The role × action matrix. Students record observations and give doses
    /// under supervision, but never give a controlled drug alone or witness;
    /// only prescribers write orders; only charge nurses and admins admit,
    /// discharge and assign; only admins manage staff. Site and bed managers
    /// see the site view and each ward read-only: nothing else.
    public func may(_ action: StaffAction) -> Bool {
        switch action {
        case .viewWard:
            return true
        case .recordObservation, .amendOwnEntry:
            return self == .nurse || self == .chargeNurse || self == .studentNurse || self == .prescriber
        case .viewSite:
            return isSiteRole
        case .amendAnyEntry, .assignNurse:
            return self == .chargeNurse
        case .giveDose:
            return self == .nurse || self == .chargeNurse || self == .studentNurse
        case .giveControlledDrugAlone, .handOver:
            return self == .nurse || self == .chargeNurse
        case .witnessControlledDrug, .handleAlert:
            return self == .nurse || self == .chargeNurse || self == .prescriber
        case .writeOrder:
            return self == .prescriber
        case .admitPatient, .dischargePatient, .assignBed, .viewAudit:
            return self == .chargeNurse || self == .admin
        case .manageStaff, .configureWard:
            return self == .admin
        }
    }

    /// Throws a refusal naming the role(s) needed when this role may not act.
    public func check(_ action: StaffAction) throws(CommandRefusal) {
        guard !may(action) else { return }
        throw CommandRefusal(.notPermitted, Self.refusalText(action, role: self))
    }

    /// "Admitting a patient needs a charge nurse or ward IT (an admin); you are signed in as a nurse."
    public static func refusalText(_ action: StaffAction, role: StaffRole) -> String {
        let names = action.allowedRoles.map(\.withArticle)
        let needed: String
        switch names.count {
        case 0: needed = "a role no one has"
        case 1: needed = names[0]
        default: needed = names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
        }
        return "\(action.phrase) needs \(needed); you are signed in as \(role.withArticle)."
    }

    /// The role in a sentence: "a nurse", "ward IT (an admin)".
    public var withArticle: String {
        switch self {
        case .nurse: "a nurse"
        case .chargeNurse: "a charge nurse"
        case .prescriber: "a prescriber"
        case .studentNurse: "a student nurse"
        case .admin: "ward IT (an admin)"
        case .siteManager: "a site manager"
        case .bedManager: "a bed manager"
        }
    }
}
