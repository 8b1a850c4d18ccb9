import Foundation

/// One ward on the hospital's site view (issue 19): what a site or bed manager needs at a glance,
/// computed from the ward's snapshot by the same rules as the ward's own overview.
public struct SiteRow: Sendable, Hashable, Identifiable {
    public var ward: HospitalWard
    public var beds: Int
    /// Patients in a bed.
    public var census: Int
    /// Open critical alerts, and all open alerts.
    public var critical: Int
    public var alerts: Int
    /// Patients with an overdue observation or dose.
    public var overdue: Int
    /// Dose overrides not yet co-signed by a prescriber.
    public var unsignedOverrides: Int
    /// Patients handed over (awaiting acceptance) and accepted at the nearest handover.
    public var handedOver: Int
    public var accepted: Int
    /// Why the ward could not be read (nil: read).
    public var problem: String?
    /// Not read yet: the site view's first second shows the wards read so far and reads on.
    public var reading = false
    public var id: String { ward.code }
    public var free: Int { max(0, beds - census) }

    public init(ward: HospitalWard, beds: Int = 0, census: Int = 0, critical: Int = 0, alerts: Int = 0, overdue: Int = 0,
                unsignedOverrides: Int = 0, handedOver: Int = 0, accepted: Int = 0, problem: String? = nil) {
        self.ward = ward; self.beds = beds; self.census = census; self.critical = critical; self.alerts = alerts
        self.overdue = overdue; self.unsignedOverrides = unsignedOverrides; self.handedOver = handedOver
        self.accepted = accepted; self.problem = problem
    }
}

/// The site view's rules: a ward's row from its snapshot, and the sorts.
public enum SiteOverview {
    /// The row of a ward at `now`, by its own protocol (alerts, overdue and handover as its overview shows them).
    public static func row(_ ward: HospitalWard, snapshot: WardSnapshot, protocol proto: WardProtocol, now: Date,
                           calendar: Calendar = .wardDefault) -> SiteRow {
        let input = BoardInput(snapshot, now: now, protocol: proto, calendar: calendar)
        let alerts = AlertEngine(proto).alerts(input, now: now)
        let rows = WardOverview(proto).rows(input, alerts: alerts, assignments: snapshot.assignments, now: now, calendar: calendar)
        var out = SiteRow(ward: ward, beds: rows.count)
        out.census = rows.filter { !$0.isEmpty }.count
        out.critical = alerts.filter { $0.severity == .critical }.count
        out.alerts = alerts.count
        out.overdue = rows.filter { $0.overdueSeconds > 0 }.count
        out.unsignedOverrides = snapshot.doseOverrides.values.joined().filter { !$0.isSigned }.count
        if let shift = HandoverShift.nearest(proto.shifts, at: now, calendar: calendar) {
            for p in rows.compactMap(\.patient) {
                switch snapshot.handover.status(for: p.id, shiftStart: shift.start) {
                case .handedOver: out.handedOver += 1
                case .accepted: out.accepted += 1
                case .none: break
                }
            }
        }
        return out
    }

    /// How the site view is sorted.
    public enum Sort: String, Sendable, CaseIterable {
        /// Most critical alerts first, then most overdue, then fewest free beds.
        case risk
        /// Most free beds first (the bed manager's).
        case free
        /// By ward code.
        case ward

        public var title: String {
            switch self {
            case .risk: "risk"
            case .free: "free beds"
            case .ward: "ward"
            }
        }
        public var next: Sort { let all = Sort.allCases; return all[(all.firstIndex(of: self)! + 1) % all.count] }
    }

    public static func sorted(_ rows: [SiteRow], by sort: Sort) -> [SiteRow] {
        rows.sorted { a, b in
            switch sort {
            case .risk:
                return (b.critical, b.overdue, a.free, a.ward.code) < (a.critical, a.overdue, b.free, b.ward.code)
            case .free:
                return (b.free, a.ward.code) < (a.free, b.ward.code)
            case .ward:
                return a.ward.code < b.ward.code
            }
        }
    }
}
