import Foundation

/// One stored row of an amendable entry (vital signs, sedation score, assessment): the version
/// as it was written. A correction is a later row whose `supersedes` names this one; "entered in
/// error" is a later row, a copy of the values, with `enteredInError` set.
public struct EntryVersion<Value: Sendable & Hashable>: Sendable, Hashable {
    public var rowID: EntryID
    public var patientID: PatientID
    public var takenAt: Date
    /// When this row was written (the amendment's time for a correction).
    public var enteredAt: Date
    public var recordedBy: StaffKey
    public var supersedes: EntryID?
    public var amendReason: String?
    public var enteredInError: Bool
    public var value: Value
    public init(rowID: EntryID, patientID: PatientID, takenAt: Date, enteredAt: Date, recordedBy: StaffKey,
                supersedes: EntryID? = nil, amendReason: String? = nil, enteredInError: Bool = false, value: Value) {
        self.rowID = rowID; self.patientID = patientID; self.takenAt = takenAt; self.enteredAt = enteredAt
        self.recordedBy = recordedBy; self.supersedes = supersedes; self.amendReason = amendReason
        self.enteredInError = enteredInError; self.value = value
    }
}

/// One entry with every version of it, oldest first: the original row, then each correction, and
/// last (perhaps) the row that marks it entered in error. One FHIR resource is made per chain,
/// with the id of the original row (stable across amendments) and the newest version's content.
public struct EntryChain<Value: Sendable & Hashable>: Sendable, Hashable {
    public var versions: [EntryVersion<Value>]
    public var original: EntryVersion<Value> { versions[0] }
    public var current: EntryVersion<Value> { versions[versions.count - 1] }
    /// When the entry last changed (the newest version's entry time).
    public var lastEnteredAt: Date { versions.map(\.enteredAt).max() ?? original.enteredAt }

    /// Chains out of rows in any order, by their `supersedes` links; oldest original first.
    /// A row whose superseded row is missing (not read) starts a chain of its own.
    public static func build(_ rows: [EntryVersion<Value>]) -> [EntryChain<Value>] {
        let ids = Set(rows.map(\.rowID))
        var next: [EntryID: EntryVersion<Value>] = [:]
        for r in rows { if let s = r.supersedes, ids.contains(s) { next[s] = r } }
        var chains: [EntryChain<Value>] = []
        for root in rows where root.supersedes.map({ !ids.contains($0) }) ?? true {
            var versions = [root]
            var seen: Set<EntryID> = [root.rowID]
            while let n = next[versions[versions.count - 1].rowID], seen.insert(n.rowID).inserted { versions.append(n) }
            chains.append(EntryChain(versions: versions))
        }
        return chains.sorted { ($0.original.takenAt, $0.original.rowID) < ($1.original.takenAt, $1.original.rowID) }
    }
}

/// A set of vital signs with its NEWS2 as stored, and the sub-scores under the protocol in force
/// (nil when they do not add up to the stored total: then only the total is exported).
public struct ExportedVitals: Sendable, Hashable {
    public var vitals: VitalSigns
    public var scale2: Bool
    public var news2Total: Int
    public var news2Parameters: NEWS2Parameters?
    public init(vitals: VitalSigns, scale2: Bool, news2Total: Int, news2Parameters: NEWS2Parameters?) {
        self.vitals = vitals; self.scale2 = scale2; self.news2Total = news2Total; self.news2Parameters = news2Parameters
    }
}

/// A scored withdrawal assessment (CIWA-B, CIWA-Ar, BWSQ) as stored.
public struct ExportedAssessment: Sendable, Hashable {
    public var scale: ScaleKind
    public var items: [Int]
    public var total: Int
    public var band: String
    public init(scale: ScaleKind, items: [Int], total: Int, band: String) {
        self.scale = scale; self.items = items; self.total = total; self.band = band
    }
}

/// A patient's stay on the ward: the patient, when the admission was entered, the beds (oldest
/// first) and the risk flags the ward's rules raise for them.
public struct ExportedStay: Sendable, Hashable {
    public struct Placement: Sendable, Hashable {
        public var bed: String
        public var placedAt: Date
        public init(bed: String, placedAt: Date) { self.bed = bed; self.placedAt = placedAt }
    }
    public var patient: Patient
    public var enteredAt: Date
    public var placements: [Placement]
    public var riskFlags: [RiskFlag]
    public init(patient: Patient, enteredAt: Date, placements: [Placement], riskFlags: [RiskFlag]) {
        self.patient = patient; self.enteredAt = enteredAt; self.placements = placements; self.riskFlags = riskFlags
    }
}

/// What the FHIR export is made from: plain values read from the ward database in one transaction.
public struct FHIRExportInput: Sendable, Hashable {
    public var wardName: String
    /// Bed labels in ward order (the bed's Location id is its position here, 1-based).
    public var beds: [String]
    public var staff: [StaffMember]
    public var stays: [ExportedStay]
    public var vitals: [EntryChain<ExportedVitals>]
    public var assessments: [EntryChain<ExportedAssessment>]
    public var sedation: [EntryChain<SedationScore>]
    /// Every version of every order, oldest first.
    public var orderVersions: [MedicationOrder]
    /// Every dose record, those entered in error included (marked).
    public var administrations: [Administration]
    /// Orders with at least one dose given (not entered in error), over the whole record: a stopped
    /// order is `stopped` in FHIR when one was, `cancelled` when none was (kept by `since`).
    public var ordersGiven: Set<OrderID>

    public init(wardName: String, beds: [String], staff: [StaffMember], stays: [ExportedStay],
                vitals: [EntryChain<ExportedVitals>], assessments: [EntryChain<ExportedAssessment>],
                sedation: [EntryChain<SedationScore>], orderVersions: [MedicationOrder], administrations: [Administration]) {
        self.wardName = wardName; self.beds = beds; self.staff = staff; self.stays = stays; self.vitals = vitals
        self.assessments = assessments; self.sedation = sedation; self.orderVersions = orderVersions
        self.administrations = administrations
        ordersGiven = Set(administrations.filter { $0.status == .given && !$0.isEnteredInError }.map(\.orderID))
    }

    /// The clinical entries that changed at or after `since`: an amended or voided entry counts
    /// when its newest version was entered then; an order when a version was written then or a
    /// dose it ordered is exported; a dose record when it was given (recorded) or voided then.
    /// A stay's allergies and flags (entered with the admission) when the admission was entered then.
    /// Patients are kept when they have an exported entry, or were admitted, moved or
    /// discharged then, so that every reference resolves.
    public func since(_ t: Date) -> FHIRExportInput {
        var out = self
        out.vitals = vitals.filter { $0.lastEnteredAt >= t }
        out.assessments = assessments.filter { $0.lastEnteredAt >= t }
        out.sedation = sedation.filter { $0.lastEnteredAt >= t }
        out.administrations = administrations.filter { max($0.at, $0.enteredInError?.at ?? $0.at) >= t }
        let dosed = Set(out.administrations.map(\.orderID))
        let changedOrders = Set(orderVersions.filter { $0.writtenAt >= t }.map(\.id))
        out.orderVersions = orderVersions.filter { dosed.contains($0.id) || changedOrders.contains($0.id) }
        var keep = Set(out.vitals.map(\.original.patientID))
        keep.formUnion(out.assessments.map(\.original.patientID))
        keep.formUnion(out.sedation.map(\.original.patientID))
        keep.formUnion(out.administrations.map(\.patientID))
        keep.formUnion(out.orderVersions.map(\.patientID))
        out.stays = stays.compactMap { s in
            let moved = s.placements.contains { $0.placedAt >= t } || (s.patient.dischargedAt.map { $0 >= t } ?? false)
            let admitted = s.enteredAt >= t
            guard admitted || moved || keep.contains(s.patient.id) else { return nil }
            var s = s
            if !admitted { s.patient.allergies = []; s.riskFlags = [] }
            return s
        }
        return out
    }
}
