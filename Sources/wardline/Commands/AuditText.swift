import Foundation
import WardStore

/// How an audit verification reads on the terminal and in cron mail.
enum AuditText {
    /// At most this many row findings are listed one by one; the rest are counted.
    static let listedFindings = 50

    static func lines(_ v: AuditVerification) -> [String] {
        var out: [String] = []
        if let b = v.firstBreak {
            out.append("Audit trail: BROKEN (\(b.kind.rawValue)) — \(b.message); \(v.eventsVerified) events before it are intact")
        } else {
            let legacy = v.unkeyedEvents > 0 ? " (the first \(v.unkeyedEvents) from before the chain was keyed)" : ""
            out.append("Audit trail: chain intact, \(v.eventsVerified) events\(legacy); newest #\(v.headSeq ?? 0) hash \(v.headHash ?? "-")")
        }
        if v.rowFindings.isEmpty {
            out.append("Record against the trail: every row matches its event")
        } else {
            out.append("Record against the trail: \(v.rowFindings.count) row(s) do not match")
            out += v.rowFindings.prefix(listedFindings).map { "  \($0.kind.rawValue): \($0)" }
            if v.rowFindings.count > listedFindings { out.append("  … and \(v.rowFindings.count - listedFindings) more") }
        }
        return out
    }
}
