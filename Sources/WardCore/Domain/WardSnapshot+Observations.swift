import Foundation

extension WardSnapshot {
    /// Current (not amended away) vital-sign sets, newest first.
    public func currentVitals(for id: PatientID) -> [VitalSignsEntry] { (vitals[id] ?? []).filter(\.isCurrent) }
    public func currentSedation(for id: PatientID) -> [SedationEntry] { (sedation[id] ?? []).filter(\.isCurrent) }
    public func currentExceptions(for id: PatientID) -> [MonitoringExceptionEntry] { (exceptions[id] ?? []).filter(\.isCurrent) }

    /// The withdrawal scales the patient is scored on: CIWA-B (the ward's
    /// scale), plus any other scale already recorded for them.
    public func withdrawalScales(for id: PatientID) -> [ScaleKind] {
        var out: [ScaleKind] = [.ciwaB]
        for s in [ScaleKind.ciwaAr, .bwsq] where !current(s, for: id).isEmpty { out.append(s) }
        return out
    }

    /// The entries that decide when the next observations are due.
    /// `lastPRNAt` comes from the medication record when there is one.
    public func observationHistory(for id: PatientID, lastPRNAt: Date? = nil) -> ObservationHistory? {
        guard let p = patient(id) else { return nil }
        let scales = withdrawalScales(for: id)
        var latest: [ScaleKind: TimedTotal] = [:]
        for s in scales { if let a = self.latest(s, for: id) { latest[s] = TimedTotal(scale: s, total: a.total, takenAt: a.recordedAt) } }
        let v = currentVitals(for: id).first.map { TimedVitals($0.vitals, at: $0.stamp.recordedAt) }
        let sed = currentSedation(for: id).first.map { TimedSedation($0.score, at: $0.stamp.recordedAt) }
        let current = (assessments[id] ?? []).filter(\.isCurrent).sorted { $0.recordedAt > $1.recordedAt }
        let recent = Dictionary(grouping: current.map { TimedTotal(scale: $0.scale, total: $0.total, takenAt: $0.recordedAt) },
                                by: \.scale)
        return ObservationHistory(admittedAt: p.admittedAt, scales: scales, latestScores: latest, latestVitals: v,
                                  spo2Scale2: p.spo2Scale2, latestSedation: sed, lastPRNAt: lastPRNAt,
                                  exceptions: exceptionsForClock(id), recentScores: recent,
                                  admissionSubstances: p.substances.map(\.substance))
    }

    /// Only an exception newer than the latest entry of its kind defers it.
    func exceptionsForClock(_ id: PatientID) -> [MonitoringException] {
        currentExceptions(for: id).filter { e in
            let last: Date?
            switch e.kind {
            case .withdrawal(let s): last = latest(s, for: id)?.recordedAt
            case .vitals: last = currentVitals(for: id).first?.stamp.recordedAt
            case .sedation: last = currentSedation(for: id).first?.stamp.recordedAt
            }
            return last.map { e.stamp.recordedAt > $0 } ?? true
        }.map(\.exception)
    }
}
