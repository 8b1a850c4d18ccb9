/// Re-assessment intervals (minutes) per scale band and after a PRN dose.
public struct ReassessmentRules: Sendable, Hashable {
    public var provenance: Provenance
    public var afterPRNMinutes: Int
    public var sedationAfterPRNMinutes: Int
    public var vitalsAfterPRNMinutes: Int
    public var sedationMinutes: Int
    /// Interval per band name, per banded scale.
    public var intervals: [ScaleKind: [String: Int]]
    /// Optional step-down rules per scale (none = the band interval always).
    public var stepDown: [ScaleKind: StepDownRule] = [:]

    public func interval(_ scale: ScaleKind, band: String) -> Int? { intervals[scale]?[band] }
}

/// Fewer checks after a run of low scores: `consecutive` scores in a row below
/// `below` move to `intervalsMinutes[0]`, another run of as many to the next.
public struct StepDownRule: Sendable, Hashable {
    public var below: Int
    public var consecutive: Int
    public var intervalsMinutes: [Int]
    public var provenance: Provenance
    public init(below: Int, consecutive: Int, intervalsMinutes: [Int], provenance: Provenance) {
        self.below = below; self.consecutive = consecutive; self.intervalsMinutes = intervalsMinutes; self.provenance = provenance
    }

    /// The stepped-down interval after `scores` (newest first), with the length of the
    /// low run; nil while the run is shorter than `consecutive`.
    public func interval(after scores: [TimedTotal]) -> (minutes: Int, run: Int)? {
        let run = scores.prefix { $0.total < below }.count
        let stage = min(run / consecutive, intervalsMinutes.count)
        return stage > 0 ? (intervalsMinutes[stage - 1], run) : nil
    }
}

/// The dose gate for a CIWA-driven decision.
public struct AppropriatenessRules: Sendable, Hashable {
    public var requireRecentUseConfirmed: Bool
    public var requireCanCommunicate: Bool
    /// The observer-rated scale to use when the gate is not met.
    public var observerScale: ScaleKind
    public var provenance: Provenance
}

/// Next-due display rules for observations.
public struct ObservationTimingRules: Sendable, Hashable {
    public var dueSoonMinutes: Int
    public var staleAfterMinutes: Int
    /// How far ahead "My patients" lists what is due; 0 = to the end of the shift in force.
    public var worklistHorizonMinutes: Int = 0
    public var provenance: Provenance
}

/// Hold a dose when the latest observations show any of these.
public struct HoldRules: Sendable, Hashable {
    public var rassAtOrBelow: Int
    public var possAtOrAbove: Int
    public var respirationRateBelow: Int
    /// For patients on NEWS2 SpO2 scale 1.
    public var spo2Below: Int
    /// For patients on NEWS2 SpO2 scale 2 (prescribed target 88–92 %).
    public var spo2Scale2Below: Int
    public var holdOnNewConfusion: Bool
    public var observationMaxAgeMinutes: Int
    public var provenance: Provenance
}

/// When to tell the medical team.
public struct EscalationRules: Sendable, Hashable {
    public var news2TotalAtOrAbove: Int
    public var singleRedParameter: Bool
    public var provenance: Provenance
}

public enum HandoverStyle: String, Sendable, Hashable, CaseIterable {
    case ipass = "I-PASS"
    case sbar = "SBAR"
}

/// What the ward overview sorts by, most important first.
public enum WardSortKey: String, Sendable, Hashable, CaseIterable {
    case severity, alerts, news2, sedation, withdrawal, overdue, bed
}

public struct AlertRules: Sendable, Hashable {
    public var news2AtOrAbove: Int
    /// Warn when PRN given in 24 h reaches this fraction of the cap (0…1).
    public var prnCapApproachingFraction: Double
    public var wardSortOrder: [WardSortKey]
    public var handoverStyle: HandoverStyle
    public var provenance: Provenance
}

public struct Shift: Sendable, Hashable {
    public var name: String
    public var start: ClockTime
    public var end: ClockTime
}

public struct ShiftRules: Sendable, Hashable {
    public var shifts: [Shift]
    public var provenance: Provenance

    /// The shift a time of day falls in (start inclusive, end exclusive; a
    /// shift may run past midnight).
    public func shift(at time: ClockTime) -> Shift? {
        let t = time.minutesSinceMidnight
        return shifts.first { s in
            let a = s.start.minutesSinceMidnight, b = s.end.minutesSinceMidnight
            return a < b ? (a..<b).contains(t) : (t >= a || t < b)
        }
    }
}

public struct AdministrationRules: Sendable, Hashable {
    /// A scheduled dose may be given this many minutes either side of its time.
    public var windowMinutes: Int
    public var provenance: Provenance
}

/// Plausible entry ranges for vital signs (typing-error checks, not clinical thresholds).
public struct EntryLimits: Sendable, Hashable {
    public var respirationRate: ClosedRange<Double>
    public var spo2: ClosedRange<Double>
    public var systolic: ClosedRange<Double>
    public var diastolic: ClosedRange<Double>
    public var pulse: ClosedRange<Double>
    public var temperature: ClosedRange<Double>
    public var provenance: Provenance
}
