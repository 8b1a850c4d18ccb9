import Foundation
import GRDB
import WardCore

/// One event of the audit trail, as stored.
public struct AuditEvent: Sendable, Hashable {
    public var seq: Int64
    public var at: Date
    /// Staff ID of who acted (as typed, for a failed sign-in); "(setup)" for `wardline init`.
    public var actor: String
    public var terminal: String
    public var action: String
    public var patientMRN: String?
    /// Canonical JSON (sorted keys): what changed, before/after for amendments.
    public var details: String
    public var prevHash: String
    public var hash: String

    init(row: SQLRow) {
        seq = row["seq"]
        let atText: String = row["at"]
        at = Timestamp.date(atText) ?? .distantPast  // never reached: `auditEvents` reads only rows `RowChecks` can read
        actor = row["actor"]; terminal = row["terminal"]; action = row["action"]
        patientMRN = row["patient_mrn"]; details = row["details"]
        prevHash = row["prev_hash"]; hash = row["hash"]
    }
}

/// The chain: each event stores a MAC of (previous hash ‖ its canonical
/// content). Events written before the ward's chain was keyed carry a plain
/// SHA-256 (format v1); from the first keyed event on, every event carries
/// HMAC-SHA-256 under the ward's audit key and the hashes of the rows it
/// wrote (format v2). Changing, removing or inserting an event breaks the
/// chain there; rewriting the chain consistently needs the key; cutting off
/// the newest events is caught against an anchor kept outside the database.
enum AuditChain {
    /// The "previous hash" of the first event.
    static let genesis = String(repeating: "0", count: 64)

    /// Length-prefixed fields in a fixed order: unambiguous whatever the
    /// text holds. The stored `at` text is hashed, not a re-formatted date.
    /// `rows` nil: a v1 (unkeyed) event.
    static func canonical(seq: Int64, at: String, actor: String, terminal: String, action: String,
                          patientMRN: String?, details: String, rows: String? = nil) -> [UInt8] {
        var out = Array((rows == nil ? "wardline-audit-v1\n" : "wardline-audit-v2\n").utf8)
        func field(_ name: String, _ value: String?) {
            guard let value else { out += Array("\(name)=null\n".utf8); return }
            out += Array("\(name)=\(value.utf8.count):".utf8) + Array(value.utf8) + [10]
        }
        field("seq", String(seq)); field("at", at); field("actor", actor); field("terminal", terminal)
        field("action", action); field("patient", patientMRN); field("details", details)
        if let rows { field("rows", rows) }
        return out
    }

    /// v1: SHA-256; v2 (`key` given): HMAC-SHA-256 under the ward's audit key.
    static func hash(prev: String, content: [UInt8], key: [UInt8]? = nil) -> String {
        let message = (Sodium.unhex(prev) ?? Array(prev.utf8)) + content
        return Sodium.hex(key.map { Sodium.hmacSHA256(key: $0, message) } ?? Sodium.sha256(message))
    }

    /// The hash the row should carry; nil when it is keyed and no key is given.
    static func hash(of row: SQLRow, key: [UInt8]?) -> String? {
        let prev: String = row["prev_hash"]
        let rows: String? = row["rows"]
        if rows != nil && key == nil { return nil }
        return hash(prev: prev, content: canonical(seq: row["seq"], at: row["at"], actor: row["actor"],
                                                   terminal: row["terminal"], action: row["action"],
                                                   patientMRN: row["patient_mrn"], details: row["details"], rows: rows),
                    key: rows == nil ? nil : key)
    }

    /// Appends one keyed event inside the caller's transaction, with the rows
    /// written since the previous event; returns its sequence number.
    @discardableResult
    static func append(_ db: any SQLTx, at: Date, actor: String, terminal: String, action: String,
                       patientMRN: String? = nil, details: JSONValue) throws -> Int64 {
        guard let key = try db.auditKey() else {
            throw CommandRefusal(.storage, "Not saved: this connection has no audit key (a write outside the store).")
        }
        let last = try db.row("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")
        let seq: Int64 = (last?["seq"] ?? 0) + 1
        let prev: String = last?["hash"] ?? genesis
        let atText = Timestamp.text(at)
        let detailText = details.text
        let rows = try db.drainCapturedRows()
        let h = hash(prev: prev, content: canonical(seq: seq, at: atText, actor: actor, terminal: terminal, action: action,
                                                    patientMRN: patientMRN, details: detailText, rows: rows), key: key)
        try db.execute("""
            INSERT INTO audit_events(seq, at, actor, terminal, action, patient_mrn, details, prev_hash, hash, rows)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [seq, atText, actor, terminal, action, patientMRN, detailText, prev, h, rows])
        return seq
    }

    /// Rows written in this transaction after its last event (a command that
    /// wrote after its event): a follow-up event so nothing is unattributed.
    static func sealLeftovers(_ db: any SQLTx, at: Date) throws {
        guard try db.hasUncapturedRows() else { return }
        let last = try db.row("SELECT actor, terminal FROM audit_events ORDER BY seq DESC LIMIT 1")
        try append(db, at: at, actor: last?["actor"] ?? "(unknown)", terminal: last?["terminal"] ?? "", action: "audit.rows",
                   details: ["note": .string("rows written after the command's event")])
    }

    /// Keys the chain of a ward that has none yet: one event records every
    /// row as it is now. Idempotent across processes (checked in the transaction).
    static func keyIfNeeded(_ db: any SQLTx, at: Date) throws {
        guard try !Store.chainIsKeyed(db) else { return }
        try db.captureEveryRow()
        try append(db, at: at, actor: "(setup)", terminal: "", action: "audit.keyed",
                   details: ["note": .string("from this event on the chain is keyed and each event records the rows it wrote; this one records every row as it was")])
    }
}
