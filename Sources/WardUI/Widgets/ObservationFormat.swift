import Foundation
import WardCore

extension Format {
    /// "36.8", "120" — no trailing ".0".
    public static func number(_ d: Double) -> String {
        d == d.rounded() ? String(Int(d)) : String(format: "%.1f", d)
    }

    /// "25 min", "1 h 05 min", "2 h" (the one duration format: `DoseText.duration`).
    public static func span(minutes m: Int) -> String { DoseText.duration(minutes: m) }
}

extension NEWS2Risk {
    /// 0…3 for the score roles, lowest concern first.
    var level: Int { NEWS2Risk.allCases.firstIndex(of: self) ?? 0 }
    var upper: String { rawValue.uppercased() }
}

/// One next-due line of the re-assessment clock, in words (not only colour):
/// "next CIWA-B due 14:30 (in 25 min)", "vital signs OVERDUE 10 min (due 13:55)".
enum DueText {
    static func name(_ k: ObservationKind) -> String {
        switch k { case .withdrawal(let s): s.displayName; case .vitals: "vitals"; case .sedation: "sedation" }
    }

    static func text(_ d: ObservationDue, now: Date, calendar: Calendar) -> String {
        let name = name(d.kind)
        let at = Format.clock(d.dueAt, calendar)
        let mins = Int((d.dueAt.timeIntervalSince(now) / 60).rounded(.up))
        switch d.status {
        case .continuous:
            return d.reason.hasSuffix("emergency") ? "\(name) DUE NOW: CONTINUOUS observation (emergency)"
                                                     : "\(name): CONTINUOUS monitoring (NEWS2)"
        case .suspended: return "\(name) SUSPENDED: cannot communicate"
        case .deferred: return "\(name) due \(at) (in \(Format.span(minutes: max(0, mins))), check not done)"
        case .upcoming, .due:
            // A PRN dose that brought the check forward is named: the nurse knows why it is due so soon.
            let prn = d.reason.hasSuffix("after the PRN dose") ? ", \(d.reason)" : ""
            return mins <= 0 ? "\(name) DUE NOW (\(at)\(prn))" : "\(name) due \(at) (in \(Format.span(minutes: mins))\(prn))"
        case .overdue, .stale:
            let late = "\(name) OVERDUE \(Format.span(minutes: max(1, -mins)))"
            if d.reason.hasPrefix("no ") { return late + " (none recorded yet)" }
            let prn = d.reason.hasSuffix("after the PRN dose") ? ", \(d.reason)" : ""
            return late + (d.status == .stale ? " (out of date, due \(at)\(prn))" : " (due \(at)\(prn))")
        }
    }

    static func role(_ d: ObservationDue) -> SemanticRole {
        switch d.status {
        case .upcoming, .deferred, .suspended: .text
        case .due: .doseDue
        case .overdue, .continuous: .doseOverdue
        case .stale: .alertCritical
        }
    }
}
