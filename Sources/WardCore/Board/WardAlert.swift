import Foundation

public enum AlertSeverity: Int, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case info = 0, warning = 1, critical = 2
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var word: String {
        switch self { case .info: "info"; case .warning: "warning"; case .critical: "CRITICAL" }
    }
}

/// The alert rules of the ward board. Each one reads its numbers from the protocol.
public enum AlertRule: String, Sendable, Hashable, CaseIterable, Codable {
    case observationOverdue = "observation-overdue"
    case doseOverdue = "dose-overdue"
    case withdrawalBandRose = "ciwa-band-rose"
    case news2Threshold = "news2-threshold"
    case singleRedParameter = "single-red-parameter"
    case overSedation = "over-sedation"
    case prnCapApproaching = "prn-cap-approaching"
    case seizureOrDelirium = "seizure-or-delirium"
    case gateFailedOnCIWAOrder = "gate-failed-ciwa-order"
    case overrideUnsigned = "override-unsigned"
    case newConfusion = "new-confusion"
    case ciwaArEscalation = "ciwa-ar-escalation"
    case thiamineReminder = "thiamine-reminder"
    case admissionDoseCut = "admission-dose-cut"

    public var title: String {
        switch self {
        case .observationOverdue: "Observation overdue"
        case .doseOverdue: "Dose overdue"
        case .withdrawalBandRose: "Withdrawal band rose"
        case .news2Threshold: "NEWS2 at/above threshold"
        case .singleRedParameter: "Single red parameter"
        case .overSedation: "Over-sedation"
        case .prnCapApproaching: "PRN cap approaching"
        case .seizureOrDelirium: "Seizure or delirium"
        case .gateFailedOnCIWAOrder: "Dose gate failed on CIWA order"
        case .overrideUnsigned: "Dose override awaiting co-signature"
        case .newConfusion: "New confusion"
        case .ciwaArEscalation: "CIWA-Ar escalation"
        case .thiamineReminder: "Thiamine (alcohol co-use)"
        case .admissionDoseCut: "Orders cut the admission dose"
        }
    }
}

/// One open alert: what and why in one line, the patient, since when, and
/// the escalation it calls for. `key` names the cause (rule, patient,
/// subject) and `since` the episode: an acknowledgement covers one episode.
public struct WardAlert: Sendable, Hashable, Identifiable {
    public var rule: AlertRule
    public var severity: AlertSeverity
    public var patientID: PatientID
    public var patientName: String
    public var bed: String?
    /// What the alert is about within the rule, e.g. "ciwa-b", "vitals", a dose label.
    public var subject: String
    public var message: String
    public var since: Date
    public var escalation: String

    public init(rule: AlertRule, severity: AlertSeverity, patientID: PatientID, patientName: String, bed: String?,
                subject: String, message: String, since: Date, escalation: String) {
        self.rule = rule; self.severity = severity; self.patientID = patientID; self.patientName = patientName
        self.bed = bed; self.subject = subject; self.message = message; self.since = since; self.escalation = escalation
    }

    /// Stable name of the cause: "news2-threshold:12:vitals".
    public var key: String { "\(rule.rawValue):\(patientID):\(subject)" }
    /// One episode of the cause.
    public var id: AlertEpisode { AlertEpisode(key: key, since: since) }
}

/// One episode of an alert: its cause and when it started (second precision).
public struct AlertEpisode: Sendable, Hashable, Codable {
    public var key: String
    public var since: Date
    public init(key: String, since: Date) {
        self.key = key
        self.since = Date(timeIntervalSince1970: since.timeIntervalSince1970.rounded(.down))
    }
}

/// An acknowledgement: who saw the alert, when, with an optional note.
public struct AlertAcknowledgement: Sendable, Hashable, Codable {
    public var episode: AlertEpisode
    public var by: String
    public var at: Date
    public var note: String?
    public init(episode: AlertEpisode, by: String, at: Date, note: String? = nil) {
        self.episode = episode; self.by = by; self.at = at; self.note = note
    }
}

/// An escalation: to whom, when, the outcome.
public struct AlertEscalation: Sendable, Hashable, Codable {
    public var episode: AlertEpisode
    public var by: String
    public var to: String
    public var at: Date
    public var outcome: String
    public init(episode: AlertEpisode, by: String, to: String, at: Date, outcome: String) {
        self.episode = episode; self.by = by; self.to = to; self.at = at; self.outcome = outcome
    }
}

/// What the store knows about alert episodes (acknowledgements, escalations,
/// and which episodes it holds as open).
public struct AlertLog: Sendable, Hashable {
    public var acknowledgements: [AlertEpisode: AlertAcknowledgement]
    public var escalations: [AlertEpisode: [AlertEscalation]]
    /// Episodes logged and not yet cleared: the only ones a terminal holding this log may clear.
    public var open: Set<AlertEpisode>
    public init(acknowledgements: [AlertEpisode: AlertAcknowledgement] = [:], escalations: [AlertEpisode: [AlertEscalation]] = [:],
                open: Set<AlertEpisode> = []) {
        self.acknowledgements = acknowledgements; self.escalations = escalations; self.open = open
    }
    public func acknowledgement(_ a: WardAlert) -> AlertAcknowledgement? { acknowledgements[a.id] }
    public func escalations(_ a: WardAlert) -> [AlertEscalation] { escalations[a.id] ?? [] }
}
