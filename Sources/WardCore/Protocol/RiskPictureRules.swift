/// `[oversedation]`: the graded response to over-sedation.
public struct OverSedationRules: Sendable, Hashable {
    public var sedatedRassAtOrBelow: Int
    public var sedatedPossAtOrAbove: Int
    public var emergencyRassAtOrBelow: Int
    public var emergencyPossAtOrAbove: Int
    /// Hourly checks stop once RASS is back at or above this.
    public var recoveredRassAtOrAbove: Int
    public var observeEveryMinutes: Int
    public var emergencyRespirationRateAtOrBelow: Int
    public var emergencySpo2AtOrBelow: Int
    public var emergencySpo2Scale2AtOrBelow: Int
    public var ciwaSuspendedAtRassOrBelow: Int
    public var ciwaSuspendedAtPossOrAbove: Int
    public var sedatedResponse: String
    public var emergencyResponse: String
    public var newConfusionResponse: String
    public var provenance: Provenance
}

/// `[alcohol]`: alcohol co-use on the admission list.
public struct AlcoholRules: Sendable, Hashable {
    public var ciwaArEscalateAtOrAbove: Int
    public var escalationResponse: String
    public var thiamineReminder: String
    public var provenance: Provenance
}

/// `[severity]`: what raises the handover's illness severity (and the overview's severity sort).
public struct SeverityRules: Sendable, Hashable {
    public var unstableOnCriticalAlert: Bool
    public var unstableNews2AtOrAbove: Int
    public var unstableOnSingleRed: Bool
    public var unstableRassAtOrBelow: Int
    public var unstablePossAtOrAbove: Int
    public var unstableOnSeizureOrDeliriumThisShift: Bool
    /// Alert rules (report names) whose open alert raises a patient to watcher.
    public var watcherOnAlerts: [String]
    public var provenance: Provenance
}
