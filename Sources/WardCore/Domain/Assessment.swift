import Foundation

/// The scored instruments the ward uses.
public enum ScaleKind: String, Sendable, Codable, CaseIterable, Hashable {
    case ciwaB = "ciwa-b"
    case ciwaAr = "ciwa-ar"
    case bwsq
    case rass
    case poss

    public var displayName: String {
        switch self {
        case .ciwaB: "CIWA-B"
        case .ciwaAr: "CIWA-Ar"
        case .bwsq: "BWSQ"
        case .rass: "RASS"
        case .poss: "POSS"
        }
    }
}

public typealias EntryID = Int64

/// One scored withdrawal assessment (CIWA-B, CIWA-Ar, BWSQ). Never edited:
/// a correction is a new assessment whose `supersedes` names the old one.
public struct Assessment: Sendable, Codable, Hashable, Identifiable {
    public var id: EntryID
    public var patientID: PatientID
    public var scale: ScaleKind
    public var items: [Int]
    public var total: Int
    public var band: String
    public var recordedBy: StaffKey
    public var recordedByName: String
    public var recordedAt: Date
    /// The entry this one corrects, if it is an amendment.
    public var supersedes: EntryID?
    public var amendReason: String?
    /// Set when a later amendment replaced this entry (filled in by the store on read).
    public var supersededBy: EntryID?
    /// "entered in error" amendments void the entry without a replacement value.
    public var enteredInError: Bool

    public init(id: EntryID, patientID: PatientID, scale: ScaleKind, items: [Int], total: Int, band: String,
                recordedBy: StaffKey, recordedByName: String, recordedAt: Date, supersedes: EntryID? = nil,
                amendReason: String? = nil, supersededBy: EntryID? = nil, enteredInError: Bool = false) {
        self.id = id; self.patientID = patientID; self.scale = scale; self.items = items; self.total = total
        self.band = band; self.recordedBy = recordedBy; self.recordedByName = recordedByName
        self.recordedAt = recordedAt; self.supersedes = supersedes; self.amendReason = amendReason
        self.supersededBy = supersededBy; self.enteredInError = enteredInError
    }

    /// Current = not replaced by an amendment and not voided.
    public var isCurrent: Bool { supersededBy == nil && !enteredInError }
}
