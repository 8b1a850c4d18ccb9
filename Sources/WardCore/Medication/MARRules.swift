import Foundation

/// A scheduled dose's state on the MAR at a moment.
public enum MARStatus: Sendable, Hashable {
    /// Before its window opens.
    case notYet
    /// Inside the window (may be given without a reason).
    case due
    /// The window has closed and nothing is recorded.
    case overdue
    case recorded(AdministrationStatus)

    public var word: String {
        switch self {
        case .notYet: "later"
        case .due: "due"
        case .overdue: "OVERDUE"
        case .recorded(let s): s.word
        }
    }
}

/// When a dose is given relative to its window.
public enum DoseTiming: Sendable, Hashable {
    case onTime
    case early(minutes: Int)
    case late(minutes: Int)

    /// The kind of reason a dose given at this time needs (nil: none).
    public var reasonUse: ReasonCode.Use? {
        switch self {
        case .onTime: nil
        case .early: .early
        case .late: .late
        }
    }
}

extension AdministrationRules {
    /// On time inside dueAt ± window (both ends included); otherwise early or
    /// late by whole minutes past the window's edge (at least 1).
    public func timing(dueAt: Date, at: Date) -> DoseTiming {
        let w = TimeInterval(windowMinutes * 60)
        let d = at.timeIntervalSince(dueAt)
        if d > w { return .late(minutes: max(1, Int(((d - w) / 60).rounded(.up)))) }
        if d < -w { return .early(minutes: max(1, Int(((-w - d) / 60).rounded(.up)))) }
        return .onTime
    }

    /// The MAR status of a dose at `now`: recorded wins; otherwise "later"
    /// until the window opens, "due" through its last minute, then "overdue".
    public func status(dueAt: Date, recorded: AdministrationStatus?, now: Date) -> MARStatus {
        if let recorded { return .recorded(recorded) }
        switch timing(dueAt: dueAt, at: now) {
        case .early: return .notYet
        case .onTime: return .due
        case .late: return .overdue
        }
    }

    /// The moment a dose becomes overdue (the first instant after the window).
    public func overdueAfter(_ dueAt: Date) -> Date { dueAt.addingTimeInterval(TimeInterval(windowMinutes * 60)) }
}

/// The 24-hour diazepam-equivalent total of benzodiazepine given.
public struct DiazepamTotal: Sendable, Hashable {
    public var scheduledMg: Double
    public var prnMg: Double
    public var totalMg: Double { scheduledMg + prnMg }
    /// What counts toward the PRN cap under the protocol's `capCounts`.
    public var countedMg: Double
    /// Drugs that could not be converted (not in the table in force).
    public var unconverted: [String]

    /// Sums every dose *given* in the 24 h up to `now`, scheduled and PRN,
    /// over all orders, each as its cautious (upper) diazepam equivalent.
    public static func last24h(_ administrations: [Administration], now: Date, equivalence: EquivalenceRules,
                               capCounts: PRNCapCounting) -> DiazepamTotal {
        let from = now.addingTimeInterval(-86_400)
        var sched = 0.0, prn = 0.0, missing: [String] = []
        for a in administrations where a.status == .given && a.at > from && a.at <= now {
            guard let r = try? equivalence.convert(drug: a.drug, mg: a.mg) else {
                if !missing.contains(a.drug) { missing.append(a.drug) }
                continue
            }
            if a.isPRN { prn += r.diazepamMgHigh } else { sched += r.diazepamMgHigh }
        }
        return DiazepamTotal(scheduledMg: clean(sched), prnMg: clean(prn),
                             countedMg: clean(capCounts == .all ? sched + prn : prn), unconverted: missing)
    }
}
