import Foundation
import GRDB

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

    init(row: Row) {
        seq = row["seq"]
        let atText: String = row["at"]
        at = Timestamp.date(atText) ?? .distantPast
        actor = row["actor"]; terminal = row["terminal"]; action = row["action"]
        patientMRN = row["patient_mrn"]; details = row["details"]
        prevHash = row["prev_hash"]; hash = row["hash"]
    }
}

/// The hash chain: each event stores SHA-256(previous hash ‖ its canonical
/// content). Changing, removing or inserting a row breaks the chain at that
/// row, which `Store.auditVerify()` finds.
enum AuditChain {
    /// The "previous hash" of the first event.
    static let genesis = String(repeating: "0", count: 64)

    /// Length-prefixed fields in a fixed order: unambiguous whatever the
    /// text holds. The stored `at` text is hashed, not a re-formatted date.
    static func canonical(seq: Int64, at: String, actor: String, terminal: String, action: String,
                          patientMRN: String?, details: String) -> [UInt8] {
        var out = Array("wardline-audit-v1\n".utf8)
        func field(_ name: String, _ value: String?) {
            guard let value else { out += Array("\(name)=null\n".utf8); return }
            out += Array("\(name)=\(value.utf8.count):".utf8) + Array(value.utf8) + [10]
        }
        field("seq", String(seq)); field("at", at); field("actor", actor); field("terminal", terminal)
        field("action", action); field("patient", patientMRN); field("details", details)
        return out
    }

    static func hash(prev: String, content: [UInt8]) -> String {
        Sodium.hex(Sodium.sha256((Sodium.unhex(prev) ?? Array(prev.utf8)) + content))
    }

    static func hash(of row: Row) -> String {
        let prev: String = row["prev_hash"]
        return hash(prev: prev, content: canonical(seq: row["seq"], at: row["at"], actor: row["actor"],
                                                   terminal: row["terminal"], action: row["action"],
                                                   patientMRN: row["patient_mrn"], details: row["details"]))
    }

    /// Appends one event inside the caller's transaction; returns its sequence number.
    @discardableResult
    static func append(_ db: Database, at: Date, actor: String, terminal: String, action: String,
                       patientMRN: String? = nil, details: JSONValue) throws -> Int64 {
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")
        let seq: Int64 = (last?["seq"] ?? 0) + 1
        let prev: String = last?["hash"] ?? genesis
        let atText = Timestamp.text(at)
        let detailText = details.text
        let h = hash(prev: prev, content: canonical(seq: seq, at: atText, actor: actor, terminal: terminal,
                                                    action: action, patientMRN: patientMRN, details: detailText))
        try db.execute(sql: """
            INSERT INTO audit_events(seq, at, actor, terminal, action, patient_mrn, details, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [seq, atText, actor, terminal, action, patientMRN, detailText, prev, h])
        return seq
    }
}
