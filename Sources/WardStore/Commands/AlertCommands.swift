import Foundation
import WardCore

extension Store {
    /// Acknowledges an alert episode: who (the session), when (now), an optional note.
    /// The alert stays on the board until its cause clears.
    public func acknowledge(_ alert: WardAlert, note: String?, session: Session) throws(CommandRefusal) {
        let note = try note.map { t throws(CommandRefusal) in try cleaned(t, "Note", max: 300, allowEmpty: true) }
        try command("alert.acknowledge", .handleAlert, session: session) { db, actor, now in
            let patient = try Self.patient(db, alert.patientID)
            let episode = try Self.episode(db, alert, at: now)
            if let who = try db.scalar(String.self, """
                SELECT s.name FROM alert_acknowledgements a JOIN staff s ON s.id = a.staff WHERE a.episode_id = ?
                """, [episode]) {
                throw CommandRefusal(.conflict, "This alert was already acknowledged by \(InputText.visible(who)).")
            }
            try db.execute("INSERT INTO alert_acknowledgements(episode_id, staff, at, note) VALUES (?, ?, ?, ?)",
                           [episode, actor.key, Timestamp.text(now), (note?.isEmpty ?? true) ? nil : note])
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
            try db.execute("INSERT INTO alert_escalations(episode_id, staff, to_whom, at, outcome) VALUES (?, ?, ?, ?, ?)",
                           [episode, actor.key, to, Timestamp.text(now), outcome])
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "alert.escalate",
                                  patientMRN: patient.mrn,
                                  details: ["alert": .string(alert.key), "since": .string(Timestamp.text(alert.since)),
                                            "to": .string(to), "outcome": .string(outcome)])
        }
    }

    /// Brings the alert log in line with one terminal's evaluation of the
    /// open alerts (`sync`): alerts open in it and not yet logged are logged
    /// as raised; logged episodes it no longer finds open are logged as
    /// cleared — but only those the terminal knew of (`sync.known`, the log as
    /// its snapshot held it) and raised no later than it evaluated. Terminals
    /// evaluate at their own `now`, a tick apart: an evaluation made before
    /// another terminal raised an alert says nothing about that alert, and a
    /// clearance on its word would log a still-open alert as cleared (for
    /// good: an episode is cleared once).
    ///
    /// Times in the log are evaluation times (never later than this store's
    /// clock): `raised_at` rounded up and `cleared_at` rounded down to the
    /// millisecond, so a clearance never reads earlier than its raise.
    /// Skipped (returns false) when someone has written since the snapshot,
    /// the alert log's own upkeep apart (a reload is coming). Writes nothing
    /// — and no audit event — when nothing changed.
    @discardableResult
    public func syncAlerts(_ sync: AlertSync, terminal: String) throws(CommandRefusal) -> Bool {
        let now = clock.now()
        let at = min(sync.evaluatedAt, now)
        return try write { db in
            let newest = try db.scalar(Int.self, "SELECT coalesce(max(seq), 0) FROM audit_events WHERE action <> 'alert.sync'") ?? 0
            guard newest <= sync.snapshotVersion else { return false }
            var raised: [JSONValue] = [], cleared: [JSONValue] = []
            for a in sync.open {
                if try Self.episode(db, a, raisedAt: Timestamp.textRoundedUp(at)).inserted { raised.append(.string(a.key)) }
            }
            let missing = sync.missing
            let evaluated = Timestamp.text(at)
            let clearable = try db.rows("""
                SELECT e.id, e.key, e.since FROM alert_episodes e
                WHERE NOT EXISTS (SELECT 1 FROM alert_clearances c WHERE c.episode_id = e.id) AND e.raised_at <= ?
                """, [evaluated])
            for r in clearable {
                guard let since = Timestamp.date(r["since"]) else { continue }
                let ep = AlertEpisode(key: r["key"], since: since)
                guard missing.contains(ep) else { continue }
                try db.execute("INSERT INTO alert_clearances(episode_id, cleared_at) VALUES (?, ?)",
                               [r["id"] as Int64, evaluated])
                cleared.append(.string(ep.key))
            }
            guard !raised.isEmpty || !cleared.isEmpty else { return true }
            try AuditChain.append(db, at: now, actor: "system", terminal: terminal, action: "alert.sync",
                                  details: ["raised": .array(raised), "cleared": .array(cleared),
                                            "evaluated": .string(Timestamp.text(sync.evaluatedAt))])
            return true
        }
    }

    /// The episode's row id, inserting it if this is the first time it is seen
    /// (raised at `raisedAt`, stored text; by default now, rounded up).
    static func episode(_ db: any SQLTx, _ a: WardAlert, at now: Date) throws -> Int64 {
        try episode(db, a, raisedAt: Timestamp.textRoundedUp(now)).id
    }

    /// The episode's row id, and whether this call inserted it.
    static func episode(_ db: any SQLTx, _ a: WardAlert, raisedAt: String) throws -> (id: Int64, inserted: Bool) {
        let since = Timestamp.text(a.id.since)
        if let id = try db.scalar(Int64.self, """
            INSERT INTO alert_episodes(key, since, rule, severity, patient_id, message, raised_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id
            """, [a.key, since, a.rule.rawValue, a.severity.word.lowercased(), a.patientID, a.message, raisedAt]) {
            return (id, true)
        }
        guard let id = try db.scalar(Int64.self, "SELECT id FROM alert_episodes WHERE key = ? AND since = ?",
                                     [a.key, since]) else {
            throw CommandRefusal(.storage, "Not saved: the alert could not be logged.")
        }
        return (id, false)
    }

    /// The episodes not yet cleared, with their acknowledgements and escalations.
    static func loadAlertLog(_ db: any SQLTx) throws -> AlertLog {
        var log = AlertLog()
        for r in try db.rows("""
            SELECT e.key, e.since FROM alert_episodes e
            WHERE NOT EXISTS (SELECT 1 FROM alert_clearances c WHERE c.episode_id = e.id)
            """) {
            guard let since = Timestamp.date(r["since"]) else { continue }
            log.open.insert(AlertEpisode(key: r["key"], since: since))
        }
        for r in try db.rows("""
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
        for r in try db.rows("""
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
