import Foundation

/// A withdrawal score as the board shows it.
public struct ScoreCell: Sendable, Hashable {
    public var scale: ScaleKind
    public var total: Int
    public var band: String
    public var level: Int
    public var takenAt: Date
    /// Older than its re-assessment interval: never shown as if current.
    public var stale: Bool
}

public struct NEWS2Cell: Sendable, Hashable {
    public var total: Int
    public var singleRed: Bool
    public var risk: NEWS2Risk
    public var takenAt: Date
    public var stale: Bool
}

public struct SedationCell: Sendable, Hashable {
    public var score: SedationScore
    /// How deep: 0 = awake/alert … higher = more sedated (RASS below 0, POSS above 1).
    public var depth: Int
    public var overSedated: Bool
    public var takenAt: Date
    public var stale: Bool
    /// "RASS -2", "POSS 3".
    public var short: String {
        switch score {
        case .rass(let v): "RASS \(v > 0 ? "+" : "")\(v)"
        case .poss(let l): "POSS \(l.rawValue)"
        }
    }
}

public struct DoseCell: Sendable, Hashable {
    public var due: Int
    public var overdue: Int
}

/// One row of the ward overview: one bed. Columns the records do not supply
/// yet are nil (shown as "—").
public struct OverviewRow: Sendable, Hashable, Identifiable {
    public var bed: String
    /// Position of the bed on the ward (the "bed" sort).
    public var position: Int
    public var patient: Patient?
    public var detoxDay: Int?
    public var diazepamEquivalent24hMg: Double?
    public var withdrawal: ScoreCell?
    /// Totals of the shown scale over the last 24 h, oldest first.
    public var trend: [Int]
    public var news2: NEWS2Cell?
    public var sedation: SedationCell?
    /// The soonest observation due (nil for an empty bed).
    public var nextCheck: ObservationDue?
    public var doses: DoseCell?
    public var alerts: [WardAlert]
    public var assigned: BedAssignment?
    /// The illness severity the protocol's `[severity]` rule gives (the handover's rule); nil for an empty bed.
    public var severity: RiskCall?

    public var id: String { bed }
    public var isEmpty: Bool { patient == nil }
    public var openCritical: Int { alerts.filter { $0.severity == .critical }.count }
    public var topSeverity: AlertSeverity? { alerts.map(\.severity).max() }
    /// How overdue the most overdue observation or dose is, in seconds (0 = nothing overdue).
    public var overdueSeconds: TimeInterval = 0
}

/// The pure ward overview: rows, stale marking and the risk sort.
public struct WardOverview: Sendable {
    public var proto: WardProtocol
    public init(_ proto: WardProtocol) { self.proto = proto }

    /// One row per bed (empty beds included), in bed order.
    public func rows(_ input: BoardInput, alerts: [WardAlert], assignments: [BedAssignment], now: Date,
                     calendar: Calendar = .wardDefault) -> [OverviewRow] {
        let clock = ObservationClock(proto)
        let shiftStart = proto.shifts.instance(at: now, calendar: calendar)?.start
        return input.beds.enumerated().map { (i, bed) in
            var row = OverviewRow(bed: bed.label, position: i, patient: nil, detoxDay: nil, diazepamEquivalent24hMg: nil,
                                  withdrawal: nil, trend: [], news2: nil, sedation: nil, nextCheck: nil, doses: nil,
                                  alerts: [], assigned: assignments.last { $0.bed == bed.label })
            guard let p = input.patient(inBed: bed.label) else { return row }
            row.patient = p.patient
            row.detoxDay = p.patient.detoxDay(at: now, calendar: calendar)
            row.diazepamEquivalent24hMg = p.diazepamEquivalent24hMg
            if let latest = p.leadingScore {   // the same rule as every screen (LeadingScore)
                let band = proto.band(latest.scale, total: latest.total)
                row.withdrawal = ScoreCell(scale: latest.scale, total: latest.total, band: band?.name ?? "?",
                                           level: band?.level ?? 0, takenAt: latest.takenAt,
                                           stale: isStale(latest, now: now))
                let dayAgo = now.addingTimeInterval(-86_400)
                row.trend = p.scores.filter { $0.scale == latest.scale && $0.takenAt >= dayAgo && $0.takenAt <= now }
                    .reversed().map(\.total)
            }
            if let v = p.vitals?.first {
                let s = proto.news2.score(v.vitals, scale2: p.patient.spo2Scale2)
                let m = s.response.monitoringMinutes
                row.news2 = NEWS2Cell(total: s.total, singleRed: s.singleRed, risk: s.risk, takenAt: v.takenAt,
                                      stale: m > 0 && older(v.takenAt, than: m, now: now))
            }
            if let sd = p.sedation?.first {
                let depth: Int, over: Bool
                switch sd.score {
                case .rass(let v): depth = max(0, -v); over = v <= proto.hold.rassAtOrBelow
                case .poss(let l): depth = max(0, l.rank - 1); over = l.rank >= proto.hold.possAtOrAbove
                }
                row.sedation = SedationCell(score: sd.score, depth: depth, overSedated: over, takenAt: sd.takenAt,
                                            stale: older(sd.takenAt, than: proto.reassessment.sedationMinutes, now: now))
            }
            let dues = p.due(clock, now: now)
            row.nextCheck = dues.filter { $0.status != .deferred && $0.status != .suspended }.min { $0.dueAt < $1.dueAt }
                ?? dues.min { $0.dueAt < $1.dueAt }
            var overdue: TimeInterval = 0
            for d in dues where d.status == .overdue || d.status == .stale { overdue = max(overdue, now.timeIntervalSince(d.dueAt)) }
            if let doses = p.doses {
                let window = TimeInterval(proto.administration.windowMinutes * 60)
                let open = doses.filter { !$0.given }
                let late = open.filter { now > $0.dueAt.addingTimeInterval(window) }
                let due = open.filter { abs(now.timeIntervalSince($0.dueAt)) <= window }
                row.doses = DoseCell(due: due.count, overdue: late.count)
                for d in late { overdue = max(overdue, now.timeIntervalSince(d.dueAt)) }
            }
            row.overdueSeconds = overdue
            row.alerts = alerts.filter { $0.patientID == p.patient.id }
            row.severity = proto.severity.assess(p, alerts: row.alerts, shiftStart: shiftStart, proto: proto)
            return row
        }
    }

    /// True when a withdrawal score is older than its re-assessment interval
    /// (strictly: at exactly the interval it is due, not yet stale).
    public func isStale(_ t: TimedTotal, now: Date) -> Bool {
        guard let band = proto.band(t.scale, total: t.total), let m = proto.reassessment.interval(t.scale, band: band.name) else {
            return true
        }
        return older(t.takenAt, than: m, now: now)
    }

    func older(_ d: Date, than minutes: Int, now: Date) -> Bool {
        now.timeIntervalSince(d) > TimeInterval(minutes * 60)
    }

    /// Sorts rows by `keys` (most important first); empty beds always last,
    /// ties broken by bed position.
    public static func sort(_ rows: [OverviewRow], by keys: [WardSortKey]) -> [OverviewRow] {
        // Ranks computed once per row, not once per comparison (this runs in every overview frame).
        let ranked = rows.map { r in (row: r, ranks: keys.map { rank(r, $0) }) }
        return ranked.sorted { a, b in
            if a.row.isEmpty != b.row.isEmpty { return !a.row.isEmpty }
            for (x, y) in zip(a.ranks, b.ranks) where x != y { return x > y }
            return a.row.position < b.row.position
        }.map(\.row)
    }

    /// The protocol's order with `first` moved to the front (a sort chosen by key).
    public static func keys(_ protocolOrder: [WardSortKey], first: WardSortKey?) -> [WardSortKey] {
        guard let first else { return protocolOrder }
        return [first] + protocolOrder.filter { $0 != first }
    }

    /// Higher = more urgent (sorts first).
    static func rank(_ r: OverviewRow, _ k: WardSortKey) -> Double {
        switch k {
        case .severity:
            guard let c = r.severity else { return -1 }
            // The level, then within it an emergency, then the open critical alerts (both small counts).
            return Double(c.level.rawValue * 1_000_000 + (c.urgency.first ?? 0) * 10_000 + min(9_999, c.urgency.dropFirst().first ?? 0))
        case .alerts:
            return Double(r.openCritical * 1000 + r.alerts.count)
        case .news2:
            guard let n = r.news2 else { return -1 }
            return Double(n.total * 2 + (n.singleRed ? 1 : 0))
        case .sedation:
            guard let s = r.sedation else { return -1 }
            return Double((s.overSedated ? 100 : 0) + s.depth)
        case .withdrawal:
            guard let w = r.withdrawal else { return -1 }
            return Double(w.level * 1000 + w.total)
        case .overdue:
            return r.overdueSeconds
        case .bed:
            return Double(-r.position)
        }
    }
}
