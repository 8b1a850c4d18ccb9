import WardCore

/// The CIWA-B history of one patient as display lines, newest first: current
/// entries, each correction with the value it replaced under it, and voided
/// ("entered in error") entries marked as such.
struct HistoryLine: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case current(corrected: Bool)
        /// An entry replaced by a correction (shown under it).
        case replaced
        case enteredInError
        /// The reason for the correction or voiding just above.
        case reason
    }
    var kind: Kind
    var entry: Assessment
    /// Why it was amended, when known.
    var reason: String?
}

enum ChartHistory {
    static func lines(_ ward: WardSnapshot?, _ id: PatientID) -> [HistoryLine] {
        let all = (ward?.assessments[id] ?? []).filter { $0.scale == .ciwaB || $0.scale == .ciwaAr }
        let byID = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [HistoryLine] = []
        var shown = Set<EntryID>()
        for a in all.sorted(by: { $0.recordedAt > $1.recordedAt }) where !shown.contains(a.id) {
            if a.enteredInError {
                let reason = a.amendReason ?? all.first { $0.supersedes == a.id }?.amendReason
                out.append(HistoryLine(kind: .enteredInError, entry: a, reason: reason))
                if let reason { out.append(HistoryLine(kind: .reason, entry: a, reason: reason)) }
                shown.insert(a.id)
                continue
            }
            if a.supersededBy != nil, let by = a.supersededBy, byID[by] != nil {
                continue   // drawn under the entry that replaced it
            }
            if a.supersededBy != nil {
                out.append(HistoryLine(kind: .replaced, entry: a, reason: nil))
                shown.insert(a.id)
                continue
            }
            out.append(HistoryLine(kind: .current(corrected: a.supersedes != nil), entry: a, reason: a.amendReason))
            shown.insert(a.id)
            // The chain of values this one replaced, newest first.
            var prev = a.supersedes
            var newer = a
            while let p = prev, let old = byID[p], !shown.contains(p) {
                out.append(HistoryLine(kind: .replaced, entry: old, reason: nil))
                if let r = newer.amendReason { out.append(HistoryLine(kind: .reason, entry: newer, reason: r)) }
                shown.insert(p)
                prev = old.supersedes
                newer = old
            }
        }
        return out
    }

    /// Totals of current CIWA-B entries, oldest first (for the trend).
    static func trend(_ ward: WardSnapshot?, _ id: PatientID) -> [Int] {
        (ward?.current(.ciwaB, for: id) ?? []).sorted { $0.recordedAt < $1.recordedAt }.map(\.total)
    }
}
