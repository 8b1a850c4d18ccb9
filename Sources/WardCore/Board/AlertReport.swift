import Foundation

/// One logged alert episode with what happened to it (for the report).
public struct AlertEpisodeRecord: Sendable, Hashable {
    public var rule: String
    public var raisedAt: Date
    public var acknowledgedAt: Date?
    public var escalations: Int
    public var clearedAt: Date?
    public init(rule: String, raisedAt: Date, acknowledgedAt: Date?, escalations: Int, clearedAt: Date?) {
        self.rule = rule; self.raisedAt = raisedAt; self.acknowledgedAt = acknowledgedAt
        self.escalations = escalations; self.clearedAt = clearedAt
    }
}

/// Counts per rule, time to acknowledge, and how often an alert was
/// acknowledged without any action (no escalation recorded) — so the ward can
/// retire noisy rules.
public struct AlertReport: Sendable, Hashable {
    public struct Line: Sendable, Hashable {
        public var rule: String
        public var raised = 0
        public var acknowledged = 0
        /// Acknowledged with no escalation on record.
        public var acknowledgedWithoutAction = 0
        public var escalated = 0
        /// Cleared by themselves (never acknowledged).
        public var clearedUnacknowledged = 0
        public var stillOpen = 0
        /// Median minutes from raised to acknowledged (nil when none acknowledged).
        public var medianMinutesToAcknowledge: Double?
        public var maxMinutesToAcknowledge: Double?
    }
    public var since: Date
    public var lines: [Line]

    public init(since: Date, episodes: [AlertEpisodeRecord]) {
        self.since = since
        var byRule: [String: [AlertEpisodeRecord]] = [:]
        for e in episodes where e.raisedAt >= since { byRule[e.rule, default: []].append(e) }
        lines = byRule.keys.sorted().map { rule in
            let es = byRule[rule]!
            var l = Line(rule: rule)
            l.raised = es.count
            let acked = es.filter { $0.acknowledgedAt != nil }
            l.acknowledged = acked.count
            l.acknowledgedWithoutAction = acked.filter { $0.escalations == 0 }.count
            l.escalated = es.filter { $0.escalations > 0 }.count
            l.clearedUnacknowledged = es.filter { $0.acknowledgedAt == nil && $0.clearedAt != nil }.count
            l.stillOpen = es.filter { $0.clearedAt == nil }.count
            let minutes = acked.compactMap { e in e.acknowledgedAt.map { max(0, $0.timeIntervalSince(e.raisedAt)) / 60 } }.sorted()
            if !minutes.isEmpty {
                let n = minutes.count
                l.medianMinutesToAcknowledge = n % 2 == 1 ? minutes[n / 2] : (minutes[n / 2 - 1] + minutes[n / 2]) / 2
                l.maxMinutesToAcknowledge = minutes.last
            }
            return l
        }
    }

    /// Plain-text table.
    public func text(calendarSince: String) -> String {
        var out = ["Alerts raised since \(calendarSince)", ""]
        let head = ["rule", "raised", "acked", "acked, no action", "escalated", "cleared unacked", "open", "median to ack", "max to ack"]
        var rows = [head]
        func m(_ d: Double?) -> String { d.map { $0 < 60 ? "\(Int($0.rounded())) min" : String(format: "%.1f h", $0 / 60) } ?? "—" }
        for l in lines {
            let pct = l.acknowledged == 0 ? "" : " (\(Int((Double(l.acknowledgedWithoutAction) / Double(l.acknowledged) * 100).rounded()))%)"
            rows.append([l.rule, "\(l.raised)", "\(l.acknowledged)", "\(l.acknowledgedWithoutAction)\(pct)", "\(l.escalated)",
                         "\(l.clearedUnacknowledged)", "\(l.stillOpen)", m(l.medianMinutesToAcknowledge), m(l.maxMinutesToAcknowledge)])
        }
        if lines.isEmpty { out.append("No alerts were raised in this period."); return out.joined(separator: "\n") + "\n" }
        let widths = (0..<head.count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        for r in rows {
            out.append(r.enumerated().map { c, v in c == 0 ? v.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                                                      : String(repeating: " ", count: widths[c] - v.count) + v }
                .joined(separator: "  "))
        }
        return out.joined(separator: "\n") + "\n"
    }
}
