import Foundation

/// One patient's handover, in I-PASS order.
public struct PatientHandover: Sendable, Hashable {
    public var severity: SeverityCall
    public var summary: PatientSummary
    public var numbers: ShiftNumbers
    public var actions: ActionList
    /// The nurse's "if … then …" lines for this shift (free text, one per line).
    public var contingencies: [String]

    public init(severity: SeverityCall, summary: PatientSummary, numbers: ShiftNumbers = ShiftNumbers(),
                actions: ActionList = ActionList(), contingencies: [String] = []) {
        self.severity = severity; self.summary = summary; self.numbers = numbers
        self.actions = actions; self.contingencies = contingencies
    }
}

/// I-PASS illness severity.
public enum IllnessSeverity: String, Sendable, Hashable, CaseIterable, Comparable {
    case stable, watcher, unstable
    public var rank: Int { switch self { case .stable: 0; case .watcher: 1; case .unstable: 2 } }
    public var word: String { rawValue.uppercased() }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// The severity printed for a patient: derived by the rule (with the rule's
/// reason), or overridden by a nurse with a reason of their own.
public struct SeverityCall: Sendable, Hashable {
    public var severity: IllnessSeverity
    /// Why the rule gave this level, e.g. "CIWA-B 34 (moderate) at 14:00".
    public var basis: String
    /// Set when a nurse overrode the derived level.
    public var overrideReason: String?
    /// Order among patients of the same severity (`RiskCall.urgency`): most dangerous first.
    public var urgency: [Int] = []
    public init(severity: IllnessSeverity, basis: String, overrideReason: String? = nil, urgency: [Int] = []) {
        self.severity = severity; self.basis = basis; self.overrideReason = overrideReason; self.urgency = urgency
    }
    /// The one-line reason shown on the ward page.
    public var reason: String { overrideReason.map { "override: \($0)" } ?? basis }
}

public struct PatientSummary: Sendable, Hashable {
    public var bed: String?
    public var name: String
    public var age: Int?
    public var sex: String?
    public var mrn: String
    /// "alprazolam 4 mg/day for 3 years"
    public var substances: [String]
    public var detoxDay: Int?
    /// nil until the medication work lands: printed "not recorded".
    public var taperStepToday: String?
    public var diazepamEquivalent24hMg: Double?
    public var seizureRiskFactors: [String]
    /// The other derived risk flags (co-sedation, naloxone, order-set flags, a dose cut) and free-text flags, each with its reason.
    public var riskFlags: [String] = []
    /// nil = not recorded; [] = no known drug allergies.
    public var allergies: [String]?

    public init(bed: String?, name: String, age: Int?, sex: String? = nil, mrn: String, substances: [String] = [],
                detoxDay: Int? = nil, taperStepToday: String? = nil, diazepamEquivalent24hMg: Double? = nil,
                seizureRiskFactors: [String] = [], allergies: [String]? = nil) {
        self.bed = bed; self.name = name; self.age = age; self.sex = sex; self.mrn = mrn
        self.substances = substances; self.detoxDay = detoxDay; self.taperStepToday = taperStepToday
        self.diazepamEquivalent24hMg = diazepamEquivalent24hMg; self.seizureRiskFactors = seizureRiskFactors
        self.allergies = allergies
    }
}

public struct TimedScore: Sendable, Hashable {
    public var value: Int
    public var at: Date
    /// The band or parameter name, e.g. "moderate".
    public var label: String?
    public init(value: Int, at: Date, label: String? = nil) { self.value = value; self.at = at; self.label = label }
}

public enum Trend: String, Sendable, Hashable {
    case rising, falling, steady, single
    public var word: String {
        switch self {
        case .rising: "rising"
        case .falling: "falling"
        case .steady: "steady"
        case .single: "one score only"
        }
    }
}

/// A scale over the shift: every current score in time order, plus min/max/last.
public struct ScoreSeries: Sendable, Hashable {
    public var scaleName: String
    /// Oldest first.
    public var points: [TimedScore]
    /// The instrument's possible total range (axis of the trend chart).
    public var range: ClosedRange<Int>
    /// Band lower bounds from the protocol (drawn as guide lines on the chart).
    public var bandStarts: [Int]
    /// The last score before the shift began, if any (context when the shift has none).
    public var before: TimedScore?

    public init(scaleName: String, points: [TimedScore], range: ClosedRange<Int>, bandStarts: [Int] = [],
                before: TimedScore? = nil) {
        self.scaleName = scaleName; self.points = points.sorted { $0.at < $1.at }
        self.range = range; self.bandStarts = bandStarts; self.before = before
    }
    public var last: TimedScore? { points.last }
    /// Lowest score; the earliest one when tied.
    public var min: TimedScore? { points.min { $0.value < $1.value } }
    /// Highest score; the earliest one when tied.
    public var max: TimedScore? { points.min { $0.value > $1.value } }
    /// Last score compared with the one before it (the pre-shift score when
    /// the shift has only one).
    public var trend: Trend? {
        guard let last = points.last else { return nil }
        guard let prev = points.count > 1 ? points[points.count - 2] : before else { return .single }
        return last.value > prev.value ? .rising : last.value < prev.value ? .falling : .steady
    }
}

public struct NEWS2Summary: Sendable, Hashable {
    public var last: TimedScore
    public var worst: TimedScore
    /// Parameters that scored 3 in the worst set, e.g. "SpO2 3".
    public var redParameters: [String]
    public init(last: TimedScore, worst: TimedScore, redParameters: [String] = []) {
        self.last = last; self.worst = worst; self.redParameters = redParameters
    }
}

public struct SedationScore: Sendable, Hashable {
    public var scale: String      // "RASS", "POSS"
    public var score: String      // "-1", "2"
    public var at: Date
    public init(scale: String, score: String, at: Date) { self.scale = scale; self.score = score; self.at = at }
}

public struct PRNDose: Sendable, Hashable {
    public var at: Date
    public var drug: String
    public var dose: String
    public var reason: String?
    /// The follow-up assessment of its effect; nil = not yet recorded.
    public var effect: String?
    /// The record was marked entered in error: why (it is listed, not counted).
    public var enteredInError: String?
    public init(at: Date, drug: String, dose: String, reason: String? = nil, effect: String? = nil, enteredInError: String? = nil) {
        self.at = at; self.drug = drug; self.dose = dose; self.reason = reason; self.effect = effect
        self.enteredInError = enteredInError
    }
}

public enum DoseOutcome: String, Sendable, Hashable, CaseIterable {
    case given, held, refused, late, omitted
}

public struct ScheduledDose: Sendable, Hashable {
    public var due: Date
    public var drug: String
    public var dose: String
    public var outcome: DoseOutcome
    /// When it was given (given / late).
    public var at: Date?
    /// Why it was held, refused, or late.
    public var reason: String?
    /// The record was marked entered in error: why (it is listed, not counted).
    public var enteredInError: String?
    public init(due: Date, drug: String, dose: String, outcome: DoseOutcome, at: Date? = nil, reason: String? = nil,
                enteredInError: String? = nil) {
        self.due = due; self.drug = drug; self.dose = dose; self.outcome = outcome; self.at = at; self.reason = reason
        self.enteredInError = enteredInError
    }
}

/// The shift in numbers. nil = the source is not recorded in Wardline yet.
public struct ShiftNumbers: Sendable, Hashable {
    public var ciwa: ScoreSeries?
    public var news2: NEWS2Summary?
    public var sedation: [SedationScore]?
    public var prnDoses: [PRNDose]?
    public var scheduledDoses: [ScheduledDose]?
    public init(ciwa: ScoreSeries? = nil, news2: NEWS2Summary? = nil, sedation: [SedationScore]? = nil,
                prnDoses: [PRNDose]? = nil, scheduledDoses: [ScheduledDose]? = nil) {
        self.ciwa = ciwa; self.news2 = news2; self.sedation = sedation
        self.prnDoses = prnDoses; self.scheduledDoses = scheduledDoses
    }
}

public enum ActionKind: String, Sendable, Hashable, CaseIterable {
    case checkDue = "check due"
    case doseDue = "dose due"
    case overdue = "OVERDUE"
    case prnFollowUp = "PRN follow-up"
}

public struct ActionItem: Sendable, Hashable {
    public var kind: ActionKind
    public var text: String
    public var due: Date?
    public init(kind: ActionKind, text: String, due: Date? = nil) { self.kind = kind; self.text = text; self.due = due }
}

public struct ActionList: Sendable, Hashable {
    public var items: [ActionItem]
    /// Open alerts; nil = alerts are not recorded yet ("No alerts recorded").
    public var alerts: [String]?
    public init(items: [ActionItem] = [], alerts: [String]? = nil) { self.items = items; self.alerts = alerts }
}
