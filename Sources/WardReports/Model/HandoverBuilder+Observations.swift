import Foundation
import WardCore

/// The observation work (#6) in the handover: NEWS2 last and worst of the
/// shift with its red parameters, the shift's sedation scores, and the
/// checks due or overdue now (from `ObservationClock`). Medication and
/// alerts are added beside this (HandoverBuilder+Medication, +Alerts).
extension HandoverInput {
    static func applyingObservations(_ p: PatientHandover, patient: Patient, snapshot: WardSnapshot, proto: WardProtocol,
                                     shift: DateInterval, now: Date, fmt: ReportTime) -> PatientHandover {
        var p = p
        let inShift = { (d: Date) in shift.contains(d) && d <= now }
        // NEWS2
        let sets = snapshot.currentVitals(for: patient.id).filter { inShift($0.stamp.recordedAt) }   // newest first
        let scored = sets.map { ($0, proto.news2.score($0.vitals, scale2: $0.scale2)) }
        if let last = scored.first,
           let worst = scored.reversed().max(by: { $0.1.total < $1.1.total }) {   // earliest of equal worst
            func point(_ e: (VitalSignsEntry, NEWS2Score)) -> TimedScore {
                TimedScore(value: e.1.total, at: e.0.stamp.recordedAt, label: e.1.risk.rawValue)
            }
            p.numbers.news2 = NEWS2Summary(last: point(last), worst: point(worst),
                                           redParameters: redParameters(worst.0.vitals, worst.1, proto.news2.redScore))
        }
        // Sedation: every current score of the shift, oldest first ([] = none this shift).
        p.numbers.sedation = snapshot.currentSedation(for: patient.id).filter { inShift($0.stamp.recordedAt) }.reversed().map { e in
            let (scale, score): (String, String)
            switch e.score {
            case .rass(let v): (scale, score) = ("RASS", v > 0 ? "+\(v)" : "\(v)")
            case .poss(let l): (scale, score) = ("POSS", "\(l.rawValue)")
            }
            return SedationScore(scale: scale, score: score, at: e.stamp.recordedAt)
        }
        // Checks due now, overdue first.
        if let history = snapshot.observationHistoryWithPRN(for: patient.id, now: now) {
            let due = ObservationClock(proto).due(history, now: now)
            // The renderer prints the kind and the time ("[OVERDUE 20:18]"); the text says what and why.
            p.actions.items += due.sorted { $0.dueAt < $1.dueAt }.map { d in
                let what = name(d.kind)
                switch d.status {
                case .overdue, .stale: return ActionItem(kind: .overdue, text: "\(what) (\(d.reason))", due: d.dueAt)
                case .continuous: return ActionItem(kind: .overdue, text: "\(what): continuous monitoring (\(d.reason))", due: d.dueAt)
                case .deferred: return ActionItem(kind: .checkDue, text: "\(what) deferred (\(d.reason))", due: d.dueAt)
                case .suspended: return ActionItem(kind: .checkDue, text: "\(what) \(d.reason)", due: d.dueAt)
                case .due, .upcoming: return ActionItem(kind: .checkDue, text: "\(what) (\(d.reason))", due: d.dueAt)
                }
            }
        }
        return p
    }

    static func name(_ k: ObservationKind) -> String {
        switch k {
        case .withdrawal(let s): s.displayName
        case .vitals: "Vital signs (NEWS2)"
        case .sedation: "Sedation score"
        }
    }

    /// "pulse 3 (134/min)" for each parameter at the red score.
    static func redParameters(_ v: VitalSigns, _ s: NEWS2Score, _ red: Int) -> [String] {
        s.parameters.scoring(atLeast: red).map { k in
            let reading = switch k {
            case .respirationRate: "\(v.respirationRate)/min"
            case .spo2: "\(v.spo2)%"
            case .systolicBP: "\(v.systolic) mmHg"
            case .pulse: "\(v.pulse)/min"
            case .consciousness: v.acvpu.label
            case .temperature: "\(v.temperature) °C"
            }
            return "\(k.rawValue) \(s.parameters[k]) (\(reading))"
        }
    }
}
