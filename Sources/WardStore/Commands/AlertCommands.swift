import Foundation
import GRDB
import WardCore

extension Store {
    /// Acknowledges an alert episode: who (the session), when (now), an optional note.
    /// The alert stays on the board until its cause clears.
    public func acknowledge(_ alert: WardAlert, note: String?, session: Session) throws(CommandRefusal) {
        let note = try note.map { t throws(CommandRefusal) in try cleaned(t, "Note", max: 300, allowEmpty: true) }
        try command("alert.acknowledge", .handleAlert, session: session) { db, actor, now in
            let patient = try Self.patient(db, alert.patientID)
            let episode = try Self.episode(db, alert, at: now)
            if let who = try String.fetchOne(db, sql: """
                SELECT s.name FROM alert_acknowledgements a JOIN staff s ON s.id = a.staff WHERE a.episode_id = ?
                """, arguments: [episode]) {
                throw CommandRefusal(.conflict, "This alert was already acknowledged by \(InputText.visible(who)).")
            }
            try db.execute(sql: "INSERT INTO alert_acknowledgements(episode_id, staff, at, note) VALUES (?, ?, ?, ?)",
                           arguments: [episode, actor.key, Timestamp.text(now), (note?.isEmpty ?? true) ? nil : note])
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "alert.acknowledge",
                                  patientMRN: patient.mrn,
                                  details: ["alert": .string(alert.key), "since": .string(Timestamp.text(alert.since)),
                                            "note": JSONValue.opt(note)])
        }
    }

    /// Records an escalation of an alert episode: to whom, the outcome; when = now.
    public func escalate(_ alert: WardAlert, to whom: String, outcome: String, session: Session) throws(CommandRefusal) {
        let to = try cleaned(whom, "Escalated to", max: 100)
        let outcome = try cleaned(outcome, "Outcome", max: 300)
        try command("alert.escalate", .handleAlert, session: session) { db, actor, now in
            let patient = try Self.patient(db, alert.patientID)
            let episode = try Self.episode(db, alert, at: now)
            try db.execute(sql: "INSERT INTO alert_escalations(episode_id, staff, to_whom, at, outcome) VALUES (?, ?, ?, ?, ?)",
                           arguments: [episode, actor.key, to, Timestamp.text(now), outcome])
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "alert.escalate",
                                  patientMRN: patient.mrn,
                                  details: ["alert": .string(alert.key), "since": .string(Timestamp.text(alert.since)),
                                            "to": .string(to), "outcome": .string(outcome)])
        }
    }

    /// Brings the alert log in line with the alerts open now, as computed
    /// from the snapshot of `version`: new episodes are logged as raised,
    /// logged episodes no longer open as cleared. Skipped (returns false)
    /// when someone has written since that snapshot (a reload is coming).
    /// Writes nothing — and no audit event — when nothing changed.
    @discardableResult
    public func syncAlerts(_ open: [WardAlert], snapshotVersion: Int, terminal: String) throws(CommandRefusal) -> Bool {
        let now = clock.now()
        return try write { db in
            let newest = try Int.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM audit_events WHERE action <> 'alert.sync'") ?? 0
            guard newest <= snapshotVersion else { return false }
            var raised: [JSONValue] = [], cleared: [JSONValue] = []
            for a in open {
                let before = db.totalChangesCount
                _ = try Self.episode(db, a, at: now)
                if db.totalChangesCount != before { raised.append(.string(a.key)) }
            }
            let openIDs = Set(open.map(\.id))
            let logged = try Row.fetchAll(db, sql: """
                SELECT e.id, e.key, e.since FROM alert_episodes e
                WHERE NOT EXISTS (SELECT 1 FROM alert_clearances c WHERE c.episode_id = e.id)
                """)
            for r in logged {
                guard let since = Timestamp.date(r["since"]) else { continue }
                let ep = AlertEpisode(key: r["key"], since: since)
                if !openIDs.contains(ep) {
                    try db.execute(sql: "INSERT INTO alert_clearances(episode_id, cleared_at) VALUES (?, ?)",
                                   arguments: [r["id"] as Int64, Timestamp.text(now)])
                    cleared.append(.string(ep.key))
                }
            }
            guard !raised.isEmpty || !cleared.isEmpty else { return true }
            try AuditChain.append(db, at: now, actor: "system", terminal: terminal, action: "alert.sync",
                                  details: ["raised": .array(raised), "cleared": .array(cleared)])
            return true
        }
    }

    /// The episode's row id, inserting it if this is the first time it is seen.
    static func episode(_ db: Database, _ a: WardAlert, at now: Date) throws -> Int64 {
        let since = Timestamp.text(a.id.since)
        try db.execute(sql: """
            INSERT OR IGNORE INTO alert_episodes(key, since, rule, severity, patient_id, message, raised_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [a.key, since, a.rule.rawValue, a.severity.word.lowercased(), a.patientID, a.message, Timestamp.text(now)])
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM alert_episodes WHERE key = ? AND since = ?",
                                          arguments: [a.key, since]) else {
            throw CommandRefusal(.storage, "Not saved: the alert could not be logged.")
        }
        return id
    }

    /// Acknowledgements and escalations of episodes not yet cleared.
    static func loadAlertLog(_ db: Database) throws -> AlertLog {
        var log = AlertLog()
        for r in try Row.fetchAll(db, sql: """
            SELECT e.key, e.since, s.name, a.at, a.note FROM alert_acknowledgements a
            JOIN alert_episodes e ON e.id = a.episode_id JOIN staff s ON s.id = a.staff
            WHERE NOT EXISTS (SELECT 1 FROM alert_clearances c WHERE c.episode_id = e.id) ORDER BY a.id
            """) {
            guard let since = Timestamp.date(r["since"]), let at = Timestamp.date(r["at"]) else { continue }
            let ep = AlertEpisode(key: r["key"], since: since)
            if log.acknowledgements[ep] == nil {
                log.acknowledgements[ep] = AlertAcknowledgement(episode: ep, by: r["name"], at: at, note: r["note"])
            }
        }
        for r in try Row.fetchAll(db, sql: """
            SELECT e.key, e.since, s.name, x.to_whom, x.at, x.outcome FROM alert_escalations x
            JOIN alert_episodes e ON e.id = x.episode_id JOIN staff s ON s.id = x.staff
            WHERE NOT EXISTS (SELECT 1 FROM alert_clearances c WHERE c.episode_id = e.id) ORDER BY x.id
            """) {
            guard let since = Timestamp.date(r["since"]), let at = Timestamp.date(r["at"]) else { continue }
            let ep = AlertEpisode(key: r["key"], since: since)
            log.escalations[ep, default: []].append(AlertEscalation(episode: ep, by: r["name"], to: r["to_whom"], at: at, outcome: r["outcome"]))
        }
        return log
    }
}
