import Foundation

/// Which withdrawal score leads wherever a patient's score is shown in one cell (the overview,
/// the ward list, the chart's summary line): one rule, the same on every screen.
///
/// CIWA-B leads whenever the patient has a current CIWA-B score: it is the scale this ward's
/// benzodiazepine taper is run on. A patient with none (alcohol only) is led by the newest score
/// on another withdrawal scale (CIWA-Ar). The BWSQ (a questionnaire, not a withdrawal score) never
/// leads. A newer CIWA-Ar does not displace the CIWA-B: it shows in the chart's history and raises
/// its own alerts (issue 17, item 6).
public enum LeadingScore {
    /// The leading entry of `newestFirst` (current scores only, newest first).
    public static func pick<T>(_ newestFirst: [T], scale: (T) -> ScaleKind) -> T? {
        newestFirst.first { scale($0) == .ciwaB } ?? newestFirst.first { scale($0) != .bwsq && !scale($0).isSedation }
    }
}

extension ScaleKind {
    /// RASS and POSS: sedation, not withdrawal.
    var isSedation: Bool { self == .rass || self == .poss }
}

extension PatientBoardInput {
    /// The leading withdrawal score (see `LeadingScore`).
    public var leadingScore: TimedTotal? { LeadingScore.pick(scores, scale: \.scale) }
}

extension WardSnapshot {
    /// The patient's leading withdrawal assessment (see `LeadingScore`), current entries only.
    public func leadingAssessment(for id: PatientID) -> Assessment? {
        let current = (assessments[id] ?? []).filter(\.isCurrent).sorted { $0.recordedAt > $1.recordedAt }
        return LeadingScore.pick(current, scale: \.scale)
    }
}
