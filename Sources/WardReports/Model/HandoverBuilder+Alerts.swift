import Foundation
import WardCore

extension HandoverInput {
    /// Open alerts at `now` for one patient, most severe first, each with
    /// since when, what it calls for, and who acknowledged it (if anyone).
    static func alertLines(for patient: PatientID, alerts: [WardAlert], log: AlertLog, now: Date,
                           fmt: ReportTime) -> [String] {
        alerts.filter { $0.patientID == patient }
            .sorted { ($0.severity, $1.since) > ($1.severity, $0.since) }
            .map { a in
                var line = "\(a.severity.word): \(a.message) (since \(fmt.timeOrDateTime(a.since, relativeTo: now)))"
                if let ack = log.acknowledgement(a) {
                    line += "; acknowledged by \(ack.by) \(fmt.timeOrDateTime(ack.at, relativeTo: now))"
                } else {
                    line += "; not acknowledged"
                }
                if !a.escalation.isEmpty { line += " → \(a.escalation)" }
                return line
            }
    }

    /// The ward's open alerts at `now`, from the same engine as the overview.
    static func openAlerts(_ snapshot: WardSnapshot, proto: WardProtocol, now: Date, calendar: Calendar) -> [WardAlert] {
        AlertEngine(proto).alerts(BoardInput(snapshot, now: now, protocol: proto, calendar: calendar), now: now)
    }
}
