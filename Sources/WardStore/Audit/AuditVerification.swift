import Foundation
import GRDB

/// The first place the audit chain is broken.
public struct AuditBreak: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The event's content no longer matches its own hash.
        case edited
        /// Sequence numbers are missing between two events.
        case deleted
        /// The event is not part of the chain: the event after it links to the one before it.
        case inserted
        /// The event does not link to the one before it (inserted, deleted or rewritten around here).
        case unlinked
    }
    public var kind: Kind
    /// The event where the chain first fails.
    public var seq: Int64
    public var message: String
    public var description: String { message }
}

public struct AuditVerification: Sendable, Hashable {
    /// Events checked and found intact before the first break (all of them when intact).
    public var eventsVerified: Int
    /// The newest event and its hash: write them down (or keep them with the
    /// backup) to detect later truncation of the trail.
    public var headSeq: Int64?
    public var headHash: String?
    public var firstBreak: AuditBreak?
    public var isIntact: Bool { firstBreak == nil }
}

extension Store {
    /// Walks the whole audit chain from the first event and reports the first broken link.
    public func auditVerify() throws -> AuditVerification {
        let rows = try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_events ORDER BY seq")
        }
        return Self.verify(rows)
    }

    static func verify(_ rows: [Row]) -> AuditVerification {
        var prevSeq: Int64 = 0
        var prevHash = AuditChain.genesis
        for (i, row) in rows.enumerated() {
            let seq: Int64 = row["seq"]
            let linked: String = row["prev_hash"]
            let stored: String = row["hash"]
            let next = i + 1 < rows.count ? rows[i + 1] : nil
            let nextLinksOver = next.map { ($0["prev_hash"] as String) == prevHash && ($0["prev_hash"] as String) != stored } ?? false
            func result(_ kind: AuditBreak.Kind, _ message: String, at where_: Int64? = nil) -> AuditVerification {
                AuditVerification(eventsVerified: i, headSeq: rows.last?["seq"], headHash: rows.last?["hash"],
                                  firstBreak: AuditBreak(kind: kind, seq: where_ ?? seq, message: message))
            }
            if linked != prevHash {
                if seq > prevSeq + 1 {
                    let missing = seq == prevSeq + 2 ? "event \(prevSeq + 1) is" : "events \(prevSeq + 1)–\(seq - 1) are"
                    return result(.deleted, "audit chain broken after event \(prevSeq): \(missing) missing (deleted)", at: prevSeq + 1)
                }
                return result(.unlinked, "audit chain broken at event \(seq): it does not link to event \(prevSeq) (an event was inserted, deleted or rewritten here)")
            }
            if nextLinksOver {
                return result(.inserted, "audit chain broken at event \(seq): it was inserted (the event after it links to event \(prevSeq))")
            }
            if AuditChain.hash(of: row) != stored {
                let how = next == nil ? "edited, or added by hand at the end" : "edited"
                return result(.edited, "audit chain broken at event \(seq): its content does not match its hash (\(how))")
            }
            if seq != prevSeq + 1 {
                return result(.deleted, "audit chain broken after event \(prevSeq): the next event is numbered \(seq)", at: prevSeq + 1)
            }
            prevSeq = seq; prevHash = stored
        }
        return AuditVerification(eventsVerified: rows.count, headSeq: rows.last?["seq"], headHash: rows.last?["hash"], firstBreak: nil)
    }
}
