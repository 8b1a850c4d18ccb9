import Foundation

extension ObservationKind {
    /// Stored code: "ciwa-b", "ciwa-ar", "bwsq", "vitals", "sedation".
    public var code: String {
        switch self {
        case .withdrawal(let s): s.rawValue
        case .vitals: "vitals"
        case .sedation: "sedation"
        }
    }

    public init?(code: String) {
        switch code {
        case "vitals": self = .vitals
        case "sedation": self = .sedation
        default:
            guard let s = ScaleKind(rawValue: code), s == .ciwaB || s == .ciwaAr || s == .bwsq else { return nil }
            self = .withdrawal(s)
        }
    }

    /// "CIWA-B", "vital signs", "sedation".
    public var displayName: String {
        switch self {
        case .withdrawal(let s): s.displayName
        case .vitals: "vital signs"
        case .sedation: "sedation"
        }
    }
}

/// Why a check was attempted but not done.
public enum ExceptionReason: String, Sendable, Codable, Hashable, CaseIterable {
    case asleep = "asleep"
    case refused = "refused"
    case offWard = "off-ward"

    public var label: String {
        switch self {
        case .asleep: "asleep (not woken)"
        case .refused: "refused"
        case .offWard: "off the ward"
        }
    }
}

/// Who recorded an entry, when, and whether it was amended. Shared by every
/// bedside observation entry.
public struct EntryStamp: Sendable, Codable, Hashable {
    public var id: EntryID
    public var patientID: PatientID
    public var recordedBy: StaffKey
    public var recordedByName: String
    /// When the observation was taken.
    public var recordedAt: Date
    public var supersedes: EntryID?
    public var amendReason: String?
    /// Filled in by the store on read when a later amendment replaced this entry.
    public var supersededBy: EntryID?
    public var enteredInError: Bool

    public init(id: EntryID, patientID: PatientID, recordedBy: StaffKey, recordedByName: String, recordedAt: Date,
                supersedes: EntryID? = nil, amendReason: String? = nil, supersededBy: EntryID? = nil,
                enteredInError: Bool = false) {
        self.id = id; self.patientID = patientID; self.recordedBy = recordedBy; self.recordedByName = recordedByName
        self.recordedAt = recordedAt; self.supersedes = supersedes; self.amendReason = amendReason
        self.supersededBy = supersededBy; self.enteredInError = enteredInError
    }

    /// Current = not replaced by an amendment and not voided.
    public var isCurrent: Bool { supersededBy == nil && !enteredInError }
    /// This entry corrects an earlier one.
    public var isAmendment: Bool { supersedes != nil }
}

/// One recorded set of vital signs. Never edited: amendments supersede.
public struct VitalSignsEntry: Sendable, Codable, Hashable, Identifiable {
    public var stamp: EntryStamp
    public var vitals: VitalSigns
    /// NEWS2 SpO2 scale 2 was in force when this set was taken.
    public var scale2: Bool
    public var id: EntryID { stamp.id }
    public var isCurrent: Bool { stamp.isCurrent }
    public init(stamp: EntryStamp, vitals: VitalSigns, scale2: Bool) {
        self.stamp = stamp; self.vitals = vitals; self.scale2 = scale2
    }
}

/// One recorded sedation score (RASS or POSS).
public struct SedationEntry: Sendable, Codable, Hashable, Identifiable {
    public var stamp: EntryStamp
    public var score: SedationScore
    public var id: EntryID { stamp.id }
    public var isCurrent: Bool { stamp.isCurrent }
    public init(stamp: EntryStamp, score: SedationScore) { self.stamp = stamp; self.score = score }
}

/// A check that was attempted and not done (asleep, refused, off ward), with
/// the time the protocol says to try again.
public struct MonitoringExceptionEntry: Sendable, Hashable, Identifiable {
    public var stamp: EntryStamp
    public var kind: ObservationKind
    public var reason: ExceptionReason
    public var note: String
    /// The next attempt is due then (recordedAt + the protocol's re-check interval).
    public var recheckAt: Date
    public var id: EntryID { stamp.id }
    public var isCurrent: Bool { stamp.isCurrent }
    public init(stamp: EntryStamp, kind: ObservationKind, reason: ExceptionReason, note: String, recheckAt: Date) {
        self.stamp = stamp; self.kind = kind; self.reason = reason; self.note = note; self.recheckAt = recheckAt
    }

    /// The clock's view of this exception.
    public var exception: MonitoringException {
        MonitoringException(kind: kind, until: recheckAt, reason: "\(reason.label): \(note)")
    }
}

/// The appropriateness (dose) gate as answered for one withdrawal assessment.
public struct DoseGateAnswers: Sendable, Codable, Hashable {
    public var recentUseConfirmed: Bool
    public var canCommunicate: Bool
    public init(recentUseConfirmed: Bool, canCommunicate: Bool) {
        self.recentUseConfirmed = recentUseConfirmed; self.canCommunicate = canCommunicate
    }
}
