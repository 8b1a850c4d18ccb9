import Foundation

/// Where medication meets observations in one snapshot: the PRN dose time
/// that brings the observation clock forward, and PRN eligibility judged on
/// the patient's recorded vitals, sedation and dose-gate answers.
extension WardSnapshot {
    /// The newest PRN dose of any drug given to the patient at or before `now`.
    public func lastPRNGivenAt(for id: PatientID, now: Date) -> Date? {
        (administrations[id] ?? []).filter { $0.isPRN && $0.status == .given && $0.at <= now }.map(\.at).max()
    }

    /// The observation history with the last PRN dose filled in, so the
    /// protocol's after-PRN intervals apply.
    public func observationHistoryWithPRN(for id: PatientID, now: Date) -> ObservationHistory? {
        observationHistory(for: id, lastPRNAt: lastPRNGivenAt(for: id, now: now))
    }

    /// The newest current vital-sign set as the hold rules read it.
    public func latestTimedVitals(for id: PatientID) -> TimedVitals? {
        currentVitals(for: id).first.map { TimedVitals($0.vitals, at: $0.stamp.recordedAt) }
    }

    /// The newest current sedation score as the hold rules read it.
    public func latestTimedSedation(for id: PatientID) -> TimedSedation? {
        currentSedation(for: id).first.map { TimedSedation($0.score, at: $0.stamp.recordedAt) }
    }
}
