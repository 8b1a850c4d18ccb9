import Foundation

public typealias OrderID = Int64

public enum OrderKind: String, Sendable, Hashable, Codable, CaseIterable {
    case taper, prn
}

/// What a version says about the order as a whole.
public enum OrderStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case active
    /// Doses paused (a versioned change, not a delete): nothing is scheduled.
    case held
    /// Finished or cancelled: nothing is scheduled, no PRN may be given.
    case stopped
}

/// One taper phase as stored with an order ("down to 10 mg by 2 mg every 7 days").
public struct OrderPhase: Sendable, Hashable, Codable {
    public var untilMg: Double
    /// Reduction in mg, or in percent when `percent` is true.
    public var step: Double
    public var percent: Bool
    public var everyDays: Int
    public init(untilMg: Double, step: Double, percent: Bool = false, everyDays: Int) {
        self.untilMg = untilMg; self.step = step; self.percent = percent; self.everyDays = everyDays
    }
    public var phase: TaperPhase {
        TaperPhase(untilMg: untilMg, reduction: percent ? .percent(step) : .mg(step), everyDays: everyDays)
    }
}

/// The taper part of an order: the planner's request plus the day it starts.
public struct TaperTerms: Sendable, Hashable, Codable {
    public var startDailyMg: Double
    public var phases: [OrderPhase]
    public var percentOfCurrent: Bool
    /// Day 0 of the plan, a ward-local calendar day "YYYY-MM-DD".
    public var startDay: String
    /// The reduction-rate guard rail chosen by the prescriber. Orders stored
    /// before the field existed decode as `.outpatient`: the rule they were
    /// checked against when written, so no stored order loses a warning.
    public var profile: TaperProfile
    /// "Hold at this step": from this ward-local day "YYYY-MM-DD" on, the daily dose stays at that
    /// day's dose until a later version of the order says otherwise (nil: no hold). A prescriber's
    /// decision; resuming is a new version with its own start day and dose.
    public var holdFromDay: String?
    public init(startDailyMg: Double, phases: [OrderPhase], percentOfCurrent: Bool = false, startDay: String,
                profile: TaperProfile = .outpatient, holdFromDay: String? = nil) {
        self.startDailyMg = startDailyMg; self.phases = phases; self.percentOfCurrent = percentOfCurrent; self.startDay = startDay
        self.profile = profile; self.holdFromDay = holdFromDay
    }
    public var request: TaperRequest {
        TaperRequest(startMg: startDailyMg, phases: phases.map(\.phase), percentOf: percentOfCurrent ? .current : .start,
                     profile: profile)
    }

    enum CodingKeys: String, CodingKey { case startDailyMg, phases, percentOfCurrent, startDay, profile, holdFromDay }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        startDailyMg = try c.decode(Double.self, forKey: .startDailyMg)
        phases = try c.decode([OrderPhase].self, forKey: .phases)
        percentOfCurrent = try c.decode(Bool.self, forKey: .percentOfCurrent)
        startDay = try c.decode(String.self, forKey: .startDay)
        profile = try c.decodeIfPresent(TaperProfile.self, forKey: .profile) ?? .outpatient
        holdFromDay = try c.decodeIfPresent(String.self, forKey: .holdFromDay)
    }
}

/// The PRN part of an order (copied from a protocol template, then editable).
public struct PRNTerms: Sendable, Hashable, Codable {
    public var template: String
    public var scale: String
    public var threshold: Int
    public var doseMg: Double
    public var minIntervalMinutes: Int
    public var maxPer24hDiazepamMg: Double
    public init(template: String, scale: String, threshold: Int, doseMg: Double, minIntervalMinutes: Int,
                maxPer24hDiazepamMg: Double) {
        self.template = template; self.scale = scale; self.threshold = threshold; self.doseMg = doseMg
        self.minIntervalMinutes = minIntervalMinutes; self.maxPer24hDiazepamMg = maxPer24hDiazepamMg
    }
    /// The protocol template's numbers, as a starting point for the prescriber.
    public init(_ t: PRNTemplate) {
        self.init(template: t.name, scale: t.scale.rawValue, threshold: t.threshold, doseMg: t.doseMg,
                  minIntervalMinutes: t.minIntervalMinutes, maxPer24hDiazepamMg: t.maxPer24hDiazepamMg)
    }
}

/// Everything a prescriber writes in one version of an order.
public struct OrderTerms: Sendable, Hashable, Codable {
    public var kind: OrderKind
    public var drug: String
    /// Tablet strength stocked for this order, mg (informational).
    public var strengthMg: Double?
    public var route: String
    public var indication: String
    /// Scheduled dose times (taper); empty for PRN.
    public var doseTimes: [String]
    public var taper: TaperTerms?
    public var prn: PRNTerms?
    public var status: OrderStatus

    public init(kind: OrderKind, drug: String, strengthMg: Double? = nil, route: String = "oral", indication: String,
                doseTimes: [String] = [], taper: TaperTerms? = nil, prn: PRNTerms? = nil, status: OrderStatus = .active) {
        self.kind = kind; self.drug = drug.lowercased(); self.strengthMg = strengthMg; self.route = route
        self.indication = indication; self.doseTimes = doseTimes; self.taper = taper; self.prn = prn; self.status = status
    }

    public var clockTimes: [ClockTime] { doseTimes.compactMap(ClockTime.init) }
}

/// One version of an order as recorded (versions are never changed; a change
/// is a new version with a reason).
public struct MedicationOrder: Sendable, Hashable, Identifiable {
    /// The order (stable across versions).
    public var id: OrderID
    public var patientID: PatientID
    public var version: Int
    /// Row id of this version.
    public var versionID: Int64
    public var terms: OrderTerms
    /// Why this version replaced the previous one (nil for version 1).
    public var reason: String?
    public var writtenBy: StaffKey
    public var writtenByName: String
    public var writtenAt: Date
    /// When the order was first written (version 1): no dose falls due before it.
    public var createdAt: Date

    public init(id: OrderID, patientID: PatientID, version: Int, versionID: Int64, terms: OrderTerms, reason: String?,
                writtenBy: StaffKey, writtenByName: String, writtenAt: Date, createdAt: Date? = nil) {
        self.id = id; self.patientID = patientID; self.version = version; self.versionID = versionID; self.terms = terms
        self.reason = reason; self.writtenBy = writtenBy; self.writtenByName = writtenByName; self.writtenAt = writtenAt
        self.createdAt = createdAt ?? writtenAt
    }

    /// Whether a scheduled time is the order's to give: its window had not
    /// closed when the order was first written (an order written at 14:00
    /// never makes that morning's 08:00 and 12:00 doses due or overdue; a
    /// 14:00 dose written at 14:20 is due as usual).
    public func schedules(_ dueAt: Date, _ rules: AdministrationRules) -> Bool { rules.overdueAfter(dueAt) >= createdAt }

    public var kind: OrderKind { terms.kind }
    public var drug: String { terms.drug }
    public var isActive: Bool { terms.status == .active }
}
