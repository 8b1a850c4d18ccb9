import Foundation

/// The I-PASS illness severity words, lowest concern first.
public enum RiskLevel: Int, Sendable, Hashable, Comparable, CaseIterable {
    case stable = 0, watcher = 1, unstable = 2
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var word: String { switch self { case .stable: "STABLE"; case .watcher: "WATCHER"; case .unstable: "UNSTABLE" } }

    /// A withdrawal band's concern level (0 lowest … 3 highest) as a severity: 0 stable, 1 watcher, 2 and above unstable.
    public init(bandLevel: Int) { self = bandLevel <= 0 ? .stable : bandLevel == 1 ? .watcher : .unstable }
}

/// A severity with every reason that raised it (the highest level's reasons first).
public struct RiskCall: Sendable, Hashable {
    public var level: RiskLevel
    public var reasons: [String]
    /// Order within a level, most dangerous first: an over-sedation emergency, then the
    /// number of open critical alerts, then the number of reasons (an ordering, not a clinical number).
    public var urgency: [Int]
    public init(level: RiskLevel, reasons: [String], urgency: [Int] = []) { self.level = level; self.reasons = reasons; self.urgency = urgency }

    /// True when `a` should come before `b` (more urgent) among equal levels.
    public static func moreUrgent(_ a: [Int], _ b: [Int]) -> Bool {
        for (x, y) in zip(a, b) where x != y { return x > y }
        return a.count > b.count
    }
}

extension SeverityRules {
    /// The severity the signals give one patient now: open critical alerts,
    /// NEWS2 at the threshold or a single red, sedation at the levels, a
    /// seizure or delirium since `shiftStart` (unstable); a warning alert named
    /// in `watcherOnAlerts` (watcher); and the latest withdrawal score's band
    /// level. Stable only when nothing raises it.
    public func assess(_ p: PatientBoardInput, alerts: [WardAlert], shiftStart: Date?, proto: WardProtocol) -> RiskCall {
        var unstable: [String] = []
        var watcher: [String] = []
        let mine = alerts.filter { $0.patientID == p.patient.id }
        let critical = mine.filter { $0.severity == .critical }
        let alerted = Set(critical.map(\.rule))
        if unstableOnCriticalAlert {
            for a in critical { unstable.append("critical alert: \(a.message)") }
        }
        // The signals below, unless a critical alert above already says the same.
        if let v = p.vitals?.first, !alerted.contains(.news2Threshold) {
            let s = proto.news2.score(v.vitals, scale2: p.patient.spo2Scale2)
            if s.total >= unstableNews2AtOrAbove { unstable.append("NEWS2 \(s.total) (at or above \(unstableNews2AtOrAbove))") }
            else if unstableOnSingleRed && s.singleRed { unstable.append("NEWS2 single red parameter") }
        }
        if let s = p.sedation?.first, !alerted.contains(.overSedation) {
            switch s.score {
            case .rass(let r) where r <= unstableRassAtOrBelow: unstable.append("\(s.score.display)")
            case .poss(let l) where l.rank >= unstablePossAtOrAbove: unstable.append("\(s.score.display)")
            default: break
            }
        }
        if unstableOnSeizureOrDeliriumThisShift, let start = shiftStart, !alerted.contains(.seizureOrDelirium) {
            for e in p.events where e.at >= start { unstable.append("\(e.kind == .seizure ? "seizure" : "delirium") this shift") }
        }
        for a in mine where a.severity == .warning && watcherOnAlerts.contains(a.rule.rawValue) {
            watcher.append(a.message)
        }
        // The latest withdrawal score's band.
        if let latest = p.scores.first(where: { $0.scale != .bwsq }), let band = proto.band(latest.scale, total: latest.total) {
            let what = "\(latest.scale.displayName) \(latest.total) (\(band.name))"
            switch RiskLevel(bandLevel: band.level) {
            case .unstable: unstable.append(what)
            case .watcher: watcher.append(what)
            case .stable: break
            }
        }
        var seen = Set<String>()
        let dedupe = { (xs: [String]) in xs.filter { seen.insert($0).inserted } }
        let emergency = proto.oversedation.assess(sedation: p.sedation?.first, vitals: p.vitals?.first,
                                                  spo2Scale2: p.patient.spo2Scale2)?.level == .emergency
        let urgency = [emergency ? 1 : 0, critical.count, unstable.count + watcher.count]
        if !unstable.isEmpty { return RiskCall(level: .unstable, reasons: dedupe(unstable) + dedupe(watcher), urgency: urgency) }
        if !watcher.isEmpty { return RiskCall(level: .watcher, reasons: dedupe(watcher), urgency: urgency) }
        return RiskCall(level: .stable, reasons: [], urgency: urgency)
    }
}
