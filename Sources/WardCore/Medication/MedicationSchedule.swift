import Foundation

/// One scheduled dose of a taper order on one day: the MAR row before anything is recorded.
public struct MARDose: Sendable, Hashable, Identifiable {
    public var orderID: OrderID
    public var orderVersion: Int
    public var drug: String
    public var route: String
    public var time: ClockTime
    public var dueAt: Date
    public var mg: Double
    public var id: String { "\(orderID)@\(dueAt.timeIntervalSince1970)" }
}

public struct ScheduleError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

public enum MedicationSchedule {
    /// "2026-11-28" for `date` in `calendar`.
    public static func dayKey(_ date: Date, _ calendar: Calendar) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// Midnight starting the day "YYYY-MM-DD" in `calendar`.
    public static func startOfDay(_ key: String, _ calendar: Calendar) -> Date? {
        let p = key.split(separator: "-").compactMap { Int($0) }
        guard p.count == 3 else { return nil }
        return calendar.date(from: DateComponents(year: p[0], month: p[1], day: p[2]))
    }

    /// The plan an order's taper terms make under the protocol's rules, in
    /// the order's drug (its mg, rounded to that drug's ward stock), with
    /// guard rails in diazepam equivalents through `equivalence`.
    public static func plan(_ terms: OrderTerms, rules: TaperRules,
                            equivalence: EquivalenceRules?) throws(TaperError) -> TaperPlan {
        guard let t = terms.taper else { throw TaperError(message: "the order has no taper") }
        return try TaperPlanner.plan(request(terms, t), rules: rules, equivalence: equivalence)
    }

    /// As `plan(_:rules:equivalence:)` without a table: a drug other than
    /// diazepam gets a warning that its diazepam equivalent was not checked.
    public static func plan(_ terms: OrderTerms, rules: TaperRules) throws(TaperError) -> TaperPlan {
        try plan(terms, rules: rules, equivalence: nil)
    }

    /// The planner's request for an order: its taper terms, of its drug.
    public static func request(_ terms: OrderTerms, _ taper: TaperTerms) -> TaperRequest {
        var r = taper.request
        r.drug = terms.drug
        return r
    }

    /// The plan day whose dose applies on the calendar day containing `day`: days since the start
    /// day, held at the hold's day when the order holds the taper at a step. Nil before the start.
    public static func planDay(_ taper: TaperTerms, on day: Date, calendar: Calendar) -> Int? {
        guard let start = startOfDay(taper.startDay, calendar),
              let n = calendar.dateComponents([.day], from: start, to: calendar.startOfDay(for: day)).day, n >= 0 else { return nil }
        return min(n, holdDay(taper, calendar: calendar) ?? n)
    }

    /// The plan day the taper is held at, when the order holds it (never before day 0).
    public static func holdDay(_ taper: TaperTerms, calendar: Calendar) -> Int? {
        guard let key = taper.holdFromDay, let start = startOfDay(taper.startDay, calendar), let hold = startOfDay(key, calendar),
              let n = calendar.dateComponents([.day], from: start, to: hold).day else { return nil }
        return max(0, n)
    }

    /// The scheduled doses of a taper order on the calendar day containing
    /// `day`, each an amount the ward's stock of the order's drug makes: none
    /// before the start day, after the plan's last day's doses end (the final
    /// step carries on until the order is changed or stopped), or when the
    /// order is held or stopped. A taper held at a step gives that step's doses every day from the hold.
    public static func doses(for order: MedicationOrder, on day: Date, rules: TaperRules, calendar: Calendar) -> [MARDose] {
        guard order.terms.kind == .taper, order.terms.status == .active, let t = order.terms.taper,
              let plan = try? TaperPlanner.plan(request(order.terms, t), rules: rules) else { return [] }
        let today = calendar.startOfDay(for: day)
        guard let n = planDay(t, on: today, calendar: calendar) else { return [] }
        let daily = plan.dailyMg(onDay: n)
        guard daily > 0 else { return [] }
        let times = order.terms.clockTimes
        return plan.split(daily, across: times).compactMap { d in
            guard d.mg > 0,
                  let due = calendar.date(bySettingHour: d.time.hour, minute: d.time.minute, second: 0, of: today) else { return nil }
            return MARDose(orderID: order.id, orderVersion: order.version, drug: order.drug, route: order.terms.route,
                           time: d.time, dueAt: due, mg: d.mg)
        }
    }
}
