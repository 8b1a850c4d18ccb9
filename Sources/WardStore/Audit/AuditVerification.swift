import Foundation
import GRDB

/// The first place the audit chain is broken.
public struct AuditBreak: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The event's content no longer matches its own hash (or MAC).
        case edited
        /// Sequence numbers are missing between two events.
        case deleted
        /// The event is not part of the chain: the event after it links to the one before it.
        case inserted
        /// The event does not link to the one before it (inserted, deleted or rewritten around here).
        case unlinked
        /// An unkeyed event after the chain was keyed: written outside Wardline.
        case unkeyed
        /// Keyed events and no key to check them with.
        case keyUnavailable
        /// Fewer events than the anchor recorded: the newest were cut off.
        case truncated
        /// The anchored event's hash differs: the chain was rewritten up to there.
        case rewritten
    }
    public var kind: Kind
    /// The event where the chain first fails.
    public var seq: Int64
    public var message: String
    public var description: String { message }
}

/// A row of the record that does not match the audit trail.
public struct AuditRowFinding: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The row differs from what the event that wrote it recorded.
        case rowEdited = "row edited"
        /// No event wrote this row.
        case rowWithoutEvent = "row without an event"
        /// An event wrote this row and it is gone.
        case rowDeleted = "row deleted"
    }
    public var kind: Kind
    public var table: String
    public var rowID: Int64
    /// The event that last wrote the row (nil for a row no event wrote).
    public var seq: Int64?
    public var description: String {
        switch kind {
        case .rowEdited: "\(table) row \(rowID) differs from what event \(seq ?? 0) recorded (edited outside Wardline)"
        case .rowWithoutEvent: "\(table) row \(rowID) was written by no audit event (added or changed outside Wardline)"
        case .rowDeleted: "\(table) row \(rowID), written by event \(seq ?? 0), is missing (deleted outside Wardline)"
        }
    }
}

/// What the trail should hold at least: an event count and that event's hash,
/// written down outside the database by `wardline audit anchor`.
public struct AuditAnchor: Sendable, Hashable {
    public var count: Int64
    public var headHash: String
    public init(count: Int64, headHash: String) { self.count = count; self.headHash = headHash }
}

public struct AuditVerification: Sendable, Hashable {
    /// Events checked and found intact before the first break (all of them when intact).
    public var eventsVerified: Int
    /// The newest event and its hash: `wardline audit anchor` writes them down
    /// outside the database so that a later truncation is found.
    public var headSeq: Int64?
    public var headHash: String?
    public var firstBreak: AuditBreak?
    /// Rows of the record that differ from the trail (every one, in table order).
    public var rowFindings: [AuditRowFinding] = []
    /// Events from before the chain was keyed (plain SHA-256, no row hashes).
    public var unkeyedEvents: Int = 0
    public var isIntact: Bool { firstBreak == nil && rowFindings.isEmpty }
}

extension Store {
    /// Walks the whole audit chain from the first event, then compares every
    /// tracked row with the event that wrote it; with `anchor`, also checks
    /// that the trail still holds the anchored event unchanged.
    public func auditVerify(expect anchor: AuditAnchor? = nil) throws -> AuditVerification {
        try read { db in try Self.verify(db, key: auditKey, anchor: anchor) }
    }

    static func verify(_ db: any SQLTx, key: [UInt8]?, anchor: AuditAnchor? = nil) throws -> AuditVerification {
        let events = try db.rows("SELECT * FROM audit_events ORDER BY seq")
        var v = verifyChain(events, key: key)
        if v.firstBreak == nil, let anchor { v.firstBreak = check(anchor, events) }
        v.rowFindings = try verifyRows(db, events: events.prefix(v.eventsVerified))
        return v
    }

    static func check(_ anchor: AuditAnchor, _ events: [SQLRow]) -> AuditBreak? {
        guard anchor.count > 0 else { return nil }
        guard let row = events.first(where: { ($0["seq"] as Int64) == anchor.count }) else {
            return AuditBreak(kind: .truncated, seq: anchor.count,
                              message: "audit trail truncated: the anchor records \(anchor.count) events and the trail holds \(events.count); the newest were cut off")
        }
        guard (row["hash"] as String) == anchor.headHash else {
            return AuditBreak(kind: .rewritten, seq: anchor.count,
                              message: "audit trail rewritten: event \(anchor.count) does not have the anchored hash \(anchor.headHash.prefix(16))…")
        }
        return nil
    }

    static func verifyChain(_ rows: [SQLRow], key: [UInt8]?) -> AuditVerification {
        var prevSeq: Int64 = 0
        var prevHash = AuditChain.genesis
        var keyedFrom: Int64? = nil
        var unkeyed = 0
        for (i, row) in rows.enumerated() {
            let seq: Int64 = row["seq"]
            let linked: String = row["prev_hash"]
            let stored: String = row["hash"]
            let isKeyed = (row["rows"] as String?) != nil
            let next = i + 1 < rows.count ? rows[i + 1] : nil
            let nextLinksOver = next.map { ($0["prev_hash"] as String) == prevHash && ($0["prev_hash"] as String) != stored } ?? false
            func result(_ kind: AuditBreak.Kind, _ message: String, at where_: Int64? = nil) -> AuditVerification {
                AuditVerification(eventsVerified: i, headSeq: rows.last?["seq"], headHash: rows.last?["hash"],
                                  firstBreak: AuditBreak(kind: kind, seq: where_ ?? seq, message: message), unkeyedEvents: unkeyed)
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
            if !isKeyed, let from = keyedFrom {
                return result(.unkeyed, "audit chain broken at event \(seq): it is not keyed, but the chain is keyed from event \(from) (written outside Wardline)")
            }
            guard let expected = AuditChain.hash(of: row, key: key) else {
                return result(.keyUnavailable, "audit chain from event \(seq) cannot be checked: the audit key is not available")
            }
            if expected != stored {
                let how = isKeyed ? "forged or edited without the audit key" : (next == nil ? "edited, or added by hand at the end" : "edited")
                return result(.edited, "audit chain broken at event \(seq): its content does not match its \(isKeyed ? "MAC" : "hash") (\(how))")
            }
            if seq != prevSeq + 1 {
                return result(.deleted, "audit chain broken after event \(prevSeq): the next event is numbered \(seq)", at: prevSeq + 1)
            }
            if isKeyed { keyedFrom = keyedFrom ?? seq } else { unkeyed += 1 }
            prevSeq = seq; prevHash = stored
        }
        return AuditVerification(eventsVerified: rows.count, headSeq: rows.last?["seq"], headHash: rows.last?["hash"],
                                 firstBreak: nil, unkeyedEvents: unkeyed)
    }

    /// Every row of every tracked table against the newest event that wrote it.
    /// Only events whose MAC was verified count as having written anything.
    static func verifyRows(_ db: any SQLTx, events: ArraySlice<SQLRow>) throws -> [AuditRowFinding] {
        guard events.contains(where: { ($0["rows"] as String?) != nil }) else { return [] }  // never keyed: nothing recorded
        var written: [String: [Int64: (seq: Int64, hash: String?)]] = [:]
        for e in events {
            guard let text = e["rows"] as String?, let entries = AuditRows.parse(text) else { continue }
            for entry in entries { written[entry.table, default: [:]][entry.rid] = (e["seq"], entry.hash) }
        }
        var findings: [AuditRowFinding] = []
        for table in try db.trackedTables() {
            let byRow = written[table] ?? [:]
            var seen = Set<Int64>()
            try db.forEachHashedRow(table, rid: nil) { rid, row in
                seen.insert(rid)
                guard let w = byRow[rid], let recorded = w.hash else {
                    findings.append(AuditRowFinding(kind: .rowWithoutEvent, table: table, rowID: rid, seq: nil))
                    return
                }
                if AuditRows.hash(table: table, rid: rid, row: row) != recorded {
                    findings.append(AuditRowFinding(kind: .rowEdited, table: table, rowID: rid, seq: w.seq))
                }
            }
            for (rid, w) in byRow where w.hash != nil && !seen.contains(rid) {
                findings.append(AuditRowFinding(kind: .rowDeleted, table: table, rowID: rid, seq: w.seq))
            }
        }
        return findings.sorted { ($0.table, $0.rowID) < ($1.table, $1.rowID) }
    }
}

extension Store {
    /// The newest event's number and hash, read without verifying (the downtime pack prints it
    /// hourly as an anchor; `audit anchor` verifies first).
    public func auditHead() throws -> AuditAnchor? {
        try read { db in
            try db.row("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")
                .map { AuditAnchor(count: $0["seq"], headHash: $0["hash"]) }
        }
    }
}
