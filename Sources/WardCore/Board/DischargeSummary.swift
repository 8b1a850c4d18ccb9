import Foundation

/// The discharge summary of the taper so far, as lines of text.
public enum DischargeSummary {
    public static func lines(_ p: PatientBoardInput, proto: WardProtocol, now: Date, calendar: Calendar = .wardDefault) -> [String] {
        let pt = p.patient
        var out: [String] = []
        out.append("\(pt.name) · MRN \(pt.mrn) · bed \(pt.bed ?? "—")")
        out.append("Admitted \(date(pt.admittedAt, calendar)) · detox day \(pt.detoxDay(at: now, calendar: calendar))")
        if pt.substances.isEmpty {
            out.append("Substances on admission: none recorded")
        } else {
            out.append("Substances on admission: " + pt.substances.map(\.summary).joined(separator: "; "))
        }
        for scale in p.scales {
            let s = p.scores.filter { $0.scale == scale }
            guard let last = s.first, let first = s.last, let peak = s.max(by: { $0.total < $1.total }) else { continue }
            let band = proto.band(scale, total: last.total)?.name ?? "?"
            out.append("\(scale.displayName): \(s.count) scored · first \(first.total) · peak \(peak.total) (\(date(peak.takenAt, calendar))) · last \(last.total) \(band)")
        }
        if p.scores.isEmpty { out.append("No withdrawal score recorded") }
        out.append("24-h diazepam equivalent now: " + (p.diazepamEquivalent24hMg.map { "\(fmt($0)) mg" } ?? "— (no medication record)"))
        if !p.events.isEmpty {
            out.append("Events: " + p.events.map { "\($0.kind.rawValue) \(date($0.at, calendar))" }.joined(separator: ", "))
        }
        out += proto.riskFlags(pt, orders: p.orders, now: now, calendar: calendar).map(\.text)
        return out
    }

    static func date(_ d: Date, _ cal: Calendar) -> String {
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute], from: d)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
