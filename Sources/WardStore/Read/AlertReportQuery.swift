import Foundation
import WardCore

extension Store {
    /// Alert episodes raised at or after `since`, with acknowledgement,
    /// escalation count and clearing. Needs a role that may view the audit trail.
    public func alertEpisodes(since: Date, session: Session) throws(CommandRefusal) -> [AlertEpisodeRecord] {
        try checkedRead("alert.report", .viewAudit, session: session) { db, _ in
            try db.rows("""
                SELECT e.rule, e.raised_at,
                       (SELECT min(at) FROM alert_acknowledgements a WHERE a.episode_id = e.id) AS acked_at,
                       (SELECT count(*) FROM alert_escalations x WHERE x.episode_id = e.id) AS escalations,
                       c.cleared_at
                FROM alert_episodes e LEFT JOIN alert_clearances c ON c.episode_id = e.id
                WHERE e.raised_at >= ? ORDER BY e.id
                """, [Timestamp.text(since)]).compactMap { r in
                guard let raised = Timestamp.date(r["raised_at"]) else { return nil }
                return AlertEpisodeRecord(rule: r["rule"], raisedAt: raised,
                                          acknowledgedAt: (r["acked_at"] as String?).flatMap(Timestamp.date),
                                          escalations: r["escalations"],
                                          clearedAt: (r["cleared_at"] as String?).flatMap(Timestamp.date))
            }
        }
    }
}
