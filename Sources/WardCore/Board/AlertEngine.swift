import Foundation

/// The ward's alert rules over the board input, at an injected `now`. Pure:
/// every threshold comes from the protocol.
///
/// Severities (a design choice, documented in docs/charge-nurse.md):
/// critical — NEWS2 at/above the alert threshold, over-sedation, seizure or
/// delirium recorded, an observation overdue past the stale limit;
/// warning — observation overdue, dose overdue, withdrawal band rose, single
/// red parameter, PRN cap approaching, dose gate failed on a CIWA order.
public struct AlertEngine: Sendable {
    public var proto: WardProtocol
    public init(_ proto: WardProtocol) { self.proto = proto }

    /// Every open alert of the ward, most severe first, then oldest first.
    public func alerts(_ input: BoardInput, now: Date) -> [WardAlert] {
        input.patients.flatMap { alerts(for: $0, now: now) }.sorted(by: AlertEngine.order)
    }

    public static func order(_ a: WardAlert, _ b: WardAlert) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.since != b.since { return a.since < b.since }
        return a.key < b.key
    }

    public func alerts(for p: PatientBoardInput, now: Date) -> [WardAlert] {
        var out: [WardAlert] = []
        func add(_ rule: AlertRule, _ sev: AlertSeverity, _ subject: String, _ msg: String, _ since: Date, _ esc: String) {
            out.append(WardAlert(rule: rule, severity: sev, patientID: p.patient.id, patientName: p.patient.name,
                                 bed: p.patient.bed, subject: subject, message: msg, since: since, escalation: esc))
        }
        let cal = Calendar.wardDefault

        // Observation overdue (ObservationClock: due times from the re-assessment intervals).
        for d in p.due(ObservationClock(proto), now: now) where d.status == .overdue || d.status == .stale {
            let name = Self.name(d.kind)
            let late = Int(now.timeIntervalSince(d.dueAt) / 60)
            let stale = d.status == .stale
            add(.observationOverdue, stale ? .critical : .warning, Self.subject(d.kind),
                "\(name) overdue \(Self.minutes(late)) (\(d.reason))", d.dueAt,
                stale ? "Do the \(name) now; the record is out of date. If it cannot be done, record a monitoring exception and tell the nurse in charge."
                      : "Do the \(name) now, or record a monitoring exception saying why not.")
        }

        // Dose overdue: a scheduled dose past its administration window.
        let window = TimeInterval(proto.administration.windowMinutes * 60)
        for dose in p.doses ?? [] where !dose.given && now > dose.dueAt.addingTimeInterval(window) {
            add(.doseOverdue, .warning, "dose@\(Int(dose.dueAt.timeIntervalSince1970))",
                "\(dose.label) due \(Self.clock(dose.dueAt, cal)) not given (window ±\(proto.administration.windowMinutes) min)",
                dose.dueAt, "Give the dose or record why it was held; tell the prescriber if it will be missed.")
        }

        // Withdrawal band rose between the last two scores of a scale.
        for scale in p.scales {
            let s = p.scores.filter { $0.scale == scale }
            guard s.count >= 2, let new = proto.band(scale, total: s[0].total), let old = proto.band(scale, total: s[1].total),
                  new.level > old.level else { continue }
            add(.withdrawalBandRose, .warning, scale.rawValue,
                "\(scale.displayName) rose \(old.name) → \(new.name) (\(s[1].total) → \(s[0].total))", s[0].takenAt,
                "Re-score as the protocol says for \(new.name); review PRN and the taper with the prescriber.")
        }

        // NEWS2: aggregate threshold and single red parameter (latest set only).
        if let v = p.vitals?.first {
            let score = proto.news2.score(v.vitals, scale2: p.patient.spo2Scale2)
            if score.total >= proto.alerts.news2AtOrAbove {
                add(.news2Threshold, .critical, "vitals", "NEWS2 \(score.total) (alert at ≥ \(proto.alerts.news2AtOrAbove))",
                    v.takenAt, score.response.response)
            }
            if proto.escalation.singleRedParameter && score.singleRed {
                let reds = score.parameters.scoring(atLeast: proto.news2.redScore).map(\.rawValue)
                add(.singleRedParameter, .warning, "vitals", "Single red NEWS2 parameter: \(reds.joined(separator: ", "))",
                    v.takenAt, proto.news2.singleRed.response)
            }
        }

        // Over-sedation, graded by the protocol's pathway: the hold rules stop the dose, this says what next.
        let os = proto.oversedation
        if let call = os.assess(sedation: p.sedation?.first, vitals: p.vitals?.first, spo2Scale2: p.patient.spo2Scale2) {
            let emergency = call.level == .emergency
            add(.overSedation, .critical, "sedation",
                "\(emergency ? "EMERGENCY — " : "")Over-sedated: \(call.findings.joined(separator: ", "))", call.since, call.response)
        }
        // New confusion (ACVPU C) on the latest vital signs: an urgent medical review, not only a hold.
        if let v = p.vitals?.first, v.vitals.acvpu == .confusion {
            add(.newConfusion, .critical, "confusion", "New confusion (ACVPU C) at \(Self.clock(v.takenAt, cal))", v.takenAt,
                os.newConfusionResponse)
        }
        // Alcohol co-use: the CIWA-Ar escalation band, and a thiamine prompt from admission.
        let alcohol = proto.alcohol
        if let ar = p.scores.first(where: { $0.scale == .ciwaAr }), ar.total >= alcohol.ciwaArEscalateAtOrAbove {
            add(.ciwaArEscalation, .critical, "ciwa-ar", "CIWA-Ar \(ar.total) (at or above \(alcohol.ciwaArEscalateAtOrAbove))",
                ar.takenAt, alcohol.escalationResponse)
        }
        if p.patient.usesAlcohol(proto) {
            add(.thiamineReminder, .info, "thiamine", "Alcohol on the admission list: thiamine", p.patient.admittedAt,
                alcohol.thiamineReminder)
        }

        // PRN cap approaching.
        for c in p.prnCaps where c.capMg > 0 && c.countedMg >= proto.alerts.prnCapApproachingFraction * c.capMg - 1e-9 {
            let pct = Int((c.countedMg / c.capMg * 100).rounded())
            add(.prnCapApproaching, .warning, "prn:\(c.order)",
                "PRN \(c.order): \(fmt(c.countedMg)) of \(fmt(c.capMg)) mg diazepam-eq in 24 h (\(pct)%)", c.lastDoseAt,
                "Review with the prescriber before another PRN dose.")
        }

        // Seizure or delirium recorded (until the escalation is on record).
        for e in p.events where !e.reviewed {
            add(.seizureOrDelirium, .critical, "\(e.kind.rawValue)@\(Int(e.at.timeIntervalSince1970))",
                "\(e.kind == .seizure ? "Seizure" : "Delirium") recorded \(Self.clock(e.at, cal))\(e.note.isEmpty ? "" : ": \(e.note)")",
                e.at, "Call the medical team now and record the escalation.")
        }

        // Dose gate failed while on a CIWA-triggered order.
        if let g = p.ciwaGate, !g.gate.scaleMayGuideDosing {
            add(.gateFailedOnCIWAOrder, .warning, "gate:\(g.order)",
                "On CIWA-triggered \(g.order) but \(g.gate.reasons.joined(separator: "; "))", g.at,
                "Monitor with \(g.gate.observerScale.displayName); ask the prescriber to review the order.")
        }

        // A dose given on a prescriber's override, until the prescriber co-signs it.
        for o in p.unsignedOverrides {
            add(.overrideUnsigned, .warning, "override:\(o.id)",
                "Dose given on \(o.prescriberName)'s override (\(o.instruction.label)) at \(Self.clock(o.recordedAt, cal)), not yet co-signed",
                o.recordedAt, "Ask \(o.prescriberName) to co-sign it: My patients (m), then K on the MAR.")
        }
        out += admissionAlerts(for: p)
        return out.sorted(by: Self.order)
    }

    static func name(_ k: ObservationKind) -> String {
        switch k { case .withdrawal(let s): s.displayName; case .vitals: "vital signs"; case .sedation: "sedation score" }
    }
    static func subject(_ k: ObservationKind) -> String {
        switch k { case .withdrawal(let s): "obs:\(s.rawValue)"; case .vitals: "obs:vitals"; case .sedation: "obs:sedation" }
    }
    static func minutes(_ m: Int) -> String { DoseText.duration(minutes: m) }
    static func clock(_ d: Date, _ cal: Calendar) -> String {
        let c = cal.dateComponents([.hour, .minute], from: d)
        return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }
}
