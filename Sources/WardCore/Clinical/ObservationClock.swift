import Foundation

/// What is observed: a withdrawal scale, vital signs (NEWS2), or sedation.
public enum ObservationKind: Sendable, Hashable {
    case withdrawal(ScaleKind)
    case vitals
    case sedation
}

/// A recorded decision to defer an observation until a time (e.g. "off the
/// ward for a scan", "asleep — do not wake before 06:00").
public struct MonitoringException: Sendable, Hashable {
    public var kind: ObservationKind
    public var until: Date
    public var reason: String
    public init(kind: ObservationKind, until: Date, reason: String) { self.kind = kind; self.until = until; self.reason = reason }
}

/// The latest entries of one patient that decide when observations are due.
public struct ObservationHistory: Sendable, Hashable {
    public var admittedAt: Date
    /// Withdrawal scales this patient is scored on.
    public var scales: [ScaleKind]
    public var latestScores: [ScaleKind: TimedTotal]
    public var latestVitals: TimedVitals?
    /// NEWS2 SpO2 scale 2, from the patient's record.
    public var spo2Scale2: Bool
    public var latestSedation: TimedSedation?
    public var lastPRNAt: Date?
    public var exceptions: [MonitoringException]
    /// Recent current scores per scale, newest first (for a step-down rule; empty = latest only).
    public var recentScores: [ScaleKind: [TimedTotal]]
    /// The admission record's substances as written (alcohol on the list schedules CIWA-Ar from admission).
    public var admissionSubstances: [String]

    public init(admittedAt: Date, scales: [ScaleKind], latestScores: [ScaleKind: TimedTotal] = [:],
                latestVitals: TimedVitals? = nil, spo2Scale2: Bool = false, latestSedation: TimedSedation? = nil,
                lastPRNAt: Date? = nil, exceptions: [MonitoringException] = [], recentScores: [ScaleKind: [TimedTotal]] = [:],
                admissionSubstances: [String] = []) {
        self.admittedAt = admittedAt; self.scales = scales; self.latestScores = latestScores
        self.latestVitals = latestVitals; self.spo2Scale2 = spo2Scale2; self.latestSedation = latestSedation
        self.lastPRNAt = lastPRNAt; self.exceptions = exceptions; self.recentScores = recentScores
        self.admissionSubstances = admissionSubstances
    }
}

public enum ObservationStatus: String, Sendable, Hashable {
    /// Not due yet.
    case upcoming
    /// Within the protocol's "due soon" lead time, or exactly at the due time.
    case due
    /// Past the due time.
    case overdue
    /// Overdue by more than the protocol's stale limit: the record is out of date.
    case stale
    /// NEWS2 calls for continuous monitoring.
    case continuous
    /// Deferred by a recorded monitoring exception.
    case deferred
    /// Not to be done now: a CIWA scale while the patient cannot communicate (the observer scale is due instead).
    case suspended
}

public struct ObservationDue: Sendable, Hashable {
    public var kind: ObservationKind
    public var dueAt: Date
    public var status: ObservationStatus
    /// Why it is due then, e.g. "CIWA-B moderate: every 2 h".
    public var reason: String
    public init(kind: ObservationKind, dueAt: Date, status: ObservationStatus, reason: String) {
        self.kind = kind; self.dueAt = dueAt; self.status = status; self.reason = reason
    }
}

/// Next due time of each observation for one patient, from the protocol and
/// the latest entries, at an injected `now`. Pure.
public struct ObservationClock: Sendable {
    public var proto: WardProtocol
    public init(_ proto: WardProtocol) { self.proto = proto }

    public func due(_ h: ObservationHistory, now: Date) -> [ObservationDue] {
        var out: [ObservationDue] = []
        let r = proto.reassessment
        let os = proto.oversedation
        let alcohol = proto.namesAlcohol(h.admissionSubstances)
        let over = os.assess(sedation: h.latestSedation, vitals: h.latestVitals, spo2Scale2: h.spo2Scale2)
        // While the patient cannot communicate, the self-reported CIWA items cannot be rated.
        let mute = h.latestSedation.flatMap { s in os.cannotCommunicate(s.score) ? s : nil }
        var scales = h.scales
        if alcohol && !scales.contains(.ciwaAr) { scales.append(.ciwaAr) }
        for scale in scales {
            let kind = ObservationKind.withdrawal(scale)
            if let mute, scale == .ciwaB || scale == .ciwaAr {
                out.append(ObservationDue(kind: kind, dueAt: mute.takenAt, status: .suspended,
                                          reason: "suspended: \(mute.score.display) — cannot communicate; score \(proto.appropriateness.observerScale.displayName) instead"))
                continue
            }
            guard let last = h.latestScores[scale] else {
                let why = scale == .ciwaAr && alcohol ? "alcohol on the admission list" : "due from admission"
                out.append(finish(kind, h.admittedAt, "no \(scale.displayName) yet: \(why)", h, now))
                continue
            }
            let band = proto.band(scale, total: last.total)
            guard let band, let minutes = r.interval(scale, band: band.name) else {
                out.append(finish(kind, last.takenAt, "\(scale.displayName) \(last.total) has no interval in the protocol", h, now))
                continue
            }
            var at = last.takenAt.addingTimeInterval(TimeInterval(minutes * 60))
            var why = "\(scale.displayName) \(last.total) \(band.name): every \(duration(minutes))"
            // Step-down (e.g. CCJM for CIWA-Ar): a run of low scores lengthens the interval, stage by stage.
            if let sd = r.stepDown[scale], let stepped = sd.interval(after: h.recentScores[scale] ?? [last]), stepped.minutes > minutes {
                at = last.takenAt.addingTimeInterval(TimeInterval(stepped.minutes * 60))
                why = "\(scale.displayName) below \(sd.below) on \(stepped.run) checks in a row: every \(duration(stepped.minutes))"
            }
            let next = soonerAfterPRN(at, why, takenAt: last.takenAt, h, minutes: r.afterPRNMinutes)
            out.append(finish(kind, next.at, next.why, h, now))
        }

        // Over-sedation: an emergency is watched continuously; a sedated patient has sedation and
        // vital signs now, then every `observeEveryMinutes` until the sedation score recovers.
        if let over {
            let what = over.findings.joined(separator: ", ")
            switch over.level {
            case .emergency:
                for kind in [ObservationKind.vitals, .sedation] {
                    out.append(ObservationDue(kind: kind, dueAt: over.since, status: .continuous,
                                              reason: "continuous observation: \(what) — emergency"))
                }
                return out
            case .sedated:
                // Sedated is read from a sedation score, so there is one: vital signs are due at it (now) unless taken since.
                let sedAt = h.latestSedation?.takenAt ?? over.since
                let every = TimeInterval(os.observeEveryMinutes * 60)
                let until = "until RASS \(os.recoveredRassAtOrAbove) or better"
                if let v = h.latestVitals, v.takenAt >= sedAt {
                    out.append(finish(.vitals, v.takenAt.addingTimeInterval(every), "\(what): vital signs every \(duration(os.observeEveryMinutes)) \(until)", h, now))
                } else {
                    out.append(finish(.vitals, sedAt, "\(what): vital signs now, then every \(duration(os.observeEveryMinutes)) \(until)", h, now))
                }
                out.append(finish(.sedation, sedAt.addingTimeInterval(every), "\(what): sedation every \(duration(os.observeEveryMinutes)) \(until)", h, now))
                return out
            }
        }

        if let last = h.latestVitals {
            let score = proto.news2.score(last.vitals, scale2: h.spo2Scale2)
            let m = score.response.monitoringMinutes
            let why = "NEWS2 \(score.total) \(score.risk.rawValue): \(score.response.monitoring)"
            if m == 0 {
                out.append(ObservationDue(kind: .vitals, dueAt: last.takenAt, status: .continuous, reason: why))
            } else {
                let at = last.takenAt.addingTimeInterval(TimeInterval(m * 60))
                let next = soonerAfterPRN(at, why, takenAt: last.takenAt, h, minutes: r.vitalsAfterPRNMinutes)
                out.append(finish(.vitals, next.at, next.why, h, now))
            }
        } else {
            out.append(finish(.vitals, h.admittedAt, "no vital signs yet: due from admission", h, now))
        }

        if let last = h.latestSedation {
            let at = last.takenAt.addingTimeInterval(TimeInterval(r.sedationMinutes * 60))
            let next = soonerAfterPRN(at, "sedation every \(duration(r.sedationMinutes))", takenAt: last.takenAt, h,
                                      minutes: r.sedationAfterPRNMinutes)
            out.append(finish(.sedation, next.at, next.why, h, now))
        } else {
            out.append(finish(.sedation, h.admittedAt, "no sedation score yet: due from admission", h, now))
        }
        return out
    }

    /// A check due at `at` (because `why`) after one taken at `takenAt`, brought
    /// forward to `minutes` after a PRN dose given since, when that comes sooner.
    func soonerAfterPRN(_ at: Date, _ why: String, takenAt: Date, _ h: ObservationHistory,
                        minutes: Int) -> (at: Date, why: String) {
        guard let prn = h.lastPRNAt, prn > takenAt else { return (at, why) }
        let afterPRN = prn.addingTimeInterval(TimeInterval(minutes * 60))
        return afterPRN < at ? (afterPRN, "\(duration(minutes)) after the PRN dose") : (at, why)
    }

    func finish(_ kind: ObservationKind, _ at: Date, _ why: String, _ h: ObservationHistory, _ now: Date) -> ObservationDue {
        if let ex = h.exceptions.filter({ $0.kind == kind && $0.until > now }).max(by: { $0.until < $1.until }), ex.until > at {
            return ObservationDue(kind: kind, dueAt: ex.until, status: .deferred, reason: "deferred: \(ex.reason)")
        }
        let o = proto.observations
        let status: ObservationStatus
        if now < at.addingTimeInterval(-TimeInterval(o.dueSoonMinutes * 60)) { status = .upcoming }
        else if now <= at { status = .due }
        else if now <= at.addingTimeInterval(TimeInterval(o.staleAfterMinutes * 60)) { status = .overdue }
        else { status = .stale }
        return ObservationDue(kind: kind, dueAt: at, status: status, reason: why)
    }

    func duration(_ m: Int) -> String { DoseText.duration(minutes: m) }
}
