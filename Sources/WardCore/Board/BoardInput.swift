import Foundation

/// A scheduled dose as the medication record knows it (filled from the
/// medication data once it exists; empty until then).
public struct ScheduledDoseDue: Sendable, Hashable {
    public var label: String          // "diazepam 10 mg"
    public var dueAt: Date
    public var given: Bool
    public init(label: String, dueAt: Date, given: Bool = false) { self.label = label; self.dueAt = dueAt; self.given = given }
}

/// A PRN dose whose effect (the follow-up re-assessment's result) is still to be recorded.
public struct PRNEffectDue: Sendable, Hashable {
    public var label: String          // "diazepam 5 mg"
    public var givenAt: Date
    public var dueAt: Date
    public init(label: String, givenAt: Date, dueAt: Date) { self.label = label; self.givenAt = givenAt; self.dueAt = dueAt }
}

/// PRN use against one order's 24-hour cap, in diazepam-equivalent mg.
public struct PRNCapUse: Sendable, Hashable {
    public var order: String
    public var countedMg: Double
    public var capMg: Double
    /// The latest PRN dose counted (the alert episode starts there).
    public var lastDoseAt: Date
    public init(order: String, countedMg: Double, capMg: Double, lastDoseAt: Date) {
        self.order = order; self.countedMg = countedMg; self.capMg = capMg; self.lastDoseAt = lastDoseAt
    }
}

/// A seizure or delirium recorded for a patient.
public struct ClinicalEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable { case seizure, delirium }
    public var kind: Kind
    public var at: Date
    public var note: String
    /// True once the event's alert has been escalated (the action taken is on record).
    public var reviewed: Bool
    public init(kind: Kind, at: Date, note: String = "", reviewed: Bool = false) {
        self.kind = kind; self.at = at; self.note = note; self.reviewed = reviewed
    }
}

/// The CIWA-driven dose gate of a patient on a CIWA-triggered order.
public struct CIWAOrderGate: Sendable, Hashable {
    public var order: String
    public var gate: DoseGateDecision
    /// When the gate was last assessed.
    public var at: Date
    public init(order: String, gate: DoseGateDecision, at: Date) { self.order = order; self.gate = gate; self.at = at }
}

/// Everything the board knows about one admitted patient: the snapshot-like
/// input of the alert engine, the overview rows and the worklists. Data from
/// the observation and medication records is optional: nil or empty means
/// "not recorded here" and the overview shows "—". Those values are the
/// patient's `PatientBoardExtras`, read through as if they were fields of
/// this input (`input.vitals`, `input.doses` …).
@dynamicMemberLookup
public struct PatientBoardInput: Sendable, Hashable {
    public var patient: Patient
    /// Current withdrawal scores (amendments applied), newest first.
    public var scores: [TimedTotal]
    /// Vital signs, sedation, doses, PRN use, events … from the other records.
    public var extras: PatientBoardExtras
    /// Doses given on a prescriber's override that the prescriber has not co-signed yet.
    public var unsignedOverrides: [RecordedOverride] = []
    /// The patient's current medication orders (admission reconciliation).
    public var orders: [OrderTerms] = []

    public init(patient: Patient, scores: [TimedTotal], vitals: [TimedVitals]? = nil, sedation: [TimedSedation]? = nil,
                lastPRNAt: Date? = nil, exceptions: [MonitoringException] = [], diazepamEquivalent24hMg: Double? = nil,
                doses: [ScheduledDoseDue]? = nil, prnCaps: [PRNCapUse] = [], events: [ClinicalEvent] = [],
                ciwaGate: CIWAOrderGate? = nil) {
        self.patient = patient; self.scores = scores
        extras = PatientBoardExtras(vitals: vitals, sedation: sedation, lastPRNAt: lastPRNAt, exceptions: exceptions,
                                    diazepamEquivalent24hMg: diazepamEquivalent24hMg, doses: doses, prnCaps: prnCaps,
                                    events: events, ciwaGate: ciwaGate)
    }

    /// The extras' values as fields of the input: `input.vitals`, `input.prnCaps = …`.
    public subscript<T>(dynamicMember field: WritableKeyPath<PatientBoardExtras, T>) -> T {
        get { extras[keyPath: field] }
        set { extras[keyPath: field] = newValue }
    }

    /// Withdrawal scales this patient is scored on: those with scores, CIWA-B when none.
    public var scales: [ScaleKind] {
        var out: [ScaleKind] = []
        for s in scores where !out.contains(s.scale) && s.scale != .bwsq { out.append(s.scale) }
        return out.isEmpty ? [.ciwaB] : out
    }

    /// Observation kinds whose record is available (vitals/sedation need the observation record).
    public func tracks(_ k: ObservationKind) -> Bool {
        switch k { case .withdrawal: true; case .vitals: extras.vitals != nil; case .sedation: extras.sedation != nil }
    }

    /// Next due observations whose record is available.
    public func due(_ clock: ObservationClock, now: Date) -> [ObservationDue] {
        clock.due(history(), now: now).filter { tracks($0.kind) }
    }

    public func history() -> ObservationHistory {
        var latest: [ScaleKind: TimedTotal] = [:]
        for s in scores where latest[s.scale] == nil { latest[s.scale] = s }
        return ObservationHistory(admittedAt: patient.admittedAt, scales: scales, latestScores: latest,
                                  latestVitals: extras.vitals?.first, spo2Scale2: patient.spo2Scale2,
                                  latestSedation: extras.sedation?.first, lastPRNAt: extras.lastPRNAt,
                                  exceptions: extras.exceptions,
                                  recentScores: Dictionary(grouping: scores, by: \.scale),
                                  admissionSubstances: patient.substances.map(\.substance))
    }
}

/// The whole board input: the ward's beds and one input per admitted patient.
public struct BoardInput: Sendable, Hashable {
    public var beds: [Bed]
    public var patients: [PatientBoardInput]
    public init(beds: [Bed], patients: [PatientBoardInput]) { self.beds = beds; self.patients = patients }

    public func patient(inBed bed: String) -> PatientBoardInput? { patients.first { $0.patient.bed == bed } }

    /// From a ward snapshot: withdrawal scores from the assessments; the
    /// optional observation/medication values from whatever the snapshot carries.
    public init(_ snapshot: WardSnapshot) {
        beds = snapshot.ward.beds
        patients = snapshot.patients.map { Self.input($0, snapshot) }
    }

    static func input(_ p: Patient, _ snapshot: WardSnapshot) -> PatientBoardInput {
        let current: [Assessment] = (snapshot.assessments[p.id] ?? []).filter { a in
            a.isCurrent && a.scale != .rass && a.scale != .poss
        }
        var scores: [TimedTotal] = current.map { a in TimedTotal(scale: a.scale, total: a.total, takenAt: a.recordedAt) }
        scores.sort { a, b in a.takenAt > b.takenAt }
        var input = PatientBoardInput(patient: p, scores: scores)
        if let extra = snapshot.board[p.id] { input.extras = extra }
        input.unsignedOverrides = (snapshot.doseOverrides[p.id] ?? []).filter { !$0.isSigned }
        input.orders = (snapshot.orders[p.id] ?? []).map(\.terms)
        return input
    }
}

/// Observation and medication values of one patient that other records
/// supply (vitals, sedation, doses …). Attached to the snapshot as
/// `WardSnapshot.board`; nil fields leave the board showing "—".
public struct PatientBoardExtras: Sendable, Hashable {
    /// Vital signs, newest first (nil = no observation record available).
    public var vitals: [TimedVitals]?
    /// Sedation scores, newest first (nil = no observation record available).
    public var sedation: [TimedSedation]?
    public var lastPRNAt: Date?
    public var exceptions: [MonitoringException]
    /// 24-hour diazepam-equivalent mg (nil = medication record not available).
    public var diazepamEquivalent24hMg: Double?
    /// Scheduled doses around now (nil = medication record not available).
    public var doses: [ScheduledDoseDue]?
    public var prnCaps: [PRNCapUse]
    public var events: [ClinicalEvent]
    public var ciwaGate: CIWAOrderGate?
    /// PRN doses whose effect is still to be recorded.
    public var prnEffectsDue: [PRNEffectDue] = []

    public init(vitals: [TimedVitals]? = nil, sedation: [TimedSedation]? = nil, lastPRNAt: Date? = nil,
                exceptions: [MonitoringException] = [], diazepamEquivalent24hMg: Double? = nil,
                doses: [ScheduledDoseDue]? = nil, prnCaps: [PRNCapUse] = [], events: [ClinicalEvent] = [],
                ciwaGate: CIWAOrderGate? = nil) {
        self.vitals = vitals; self.sedation = sedation; self.lastPRNAt = lastPRNAt; self.exceptions = exceptions
        self.diazepamEquivalent24hMg = diazepamEquivalent24hMg; self.doses = doses; self.prnCaps = prnCaps
        self.events = events; self.ciwaGate = ciwaGate
    }
}


