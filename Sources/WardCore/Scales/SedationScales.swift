/// One level of a sedation scale with its published label and description.
public struct SedationLevel: Sendable, Hashable {
    public var score: SedationScore
    public var label: String
    public var description: String
}

/// The observer-rated sedation instruments, as published. These are
/// instrument definitions (labels), not ward choices: hold thresholds are in
/// the protocol's `[hold]` section.
public struct SedationScale: Sendable {
    public var kind: ScaleKind
    public var name: String
    public var levels: [SedationLevel]
    public var source: String

    public func label(for score: SedationScore) -> String? { levels.first { $0.score == score }?.label }
    public func level(for score: SedationScore) -> SedationLevel? { levels.first { $0.score == score } }

    /// Richmond Agitation–Sedation Scale (Sessler et al. 2002) [S22].
    public static let rass = SedationScale(kind: .rass, name: "RASS", levels: [
        .init(score: .rass(4), label: "Combative", description: "Overtly combative or violent; immediate danger to staff"),
        .init(score: .rass(3), label: "Very agitated", description: "Pulls on or removes tubes or catheters; aggressive"),
        .init(score: .rass(2), label: "Agitated", description: "Frequent non-purposeful movement"),
        .init(score: .rass(1), label: "Restless", description: "Anxious or apprehensive; movements not aggressive"),
        .init(score: .rass(0), label: "Alert and calm", description: ""),
        .init(score: .rass(-1), label: "Drowsy", description: "Not fully alert; sustained (more than 10 s) awakening, eye contact, to voice"),
        .init(score: .rass(-2), label: "Light sedation", description: "Briefly (less than 10 s) awakens with eye contact to voice"),
        .init(score: .rass(-3), label: "Moderate sedation", description: "Any movement (but no eye contact) to voice"),
        .init(score: .rass(-4), label: "Deep sedation", description: "No response to voice; any movement to physical stimulation"),
        .init(score: .rass(-5), label: "Unrousable", description: "No response to voice or physical stimulation"),
    ], source: "Sessler CN et al. 2002 (Stanford palliative appendix) [S22]")

    /// Pasero Opioid-induced Sedation Scale (Pasero 1994) [S23]. Designed for
    /// opioids; use for benzodiazepines is an extrapolation (facts.md 5.2).
    public static let poss = SedationScale(kind: .poss, name: "POSS", levels: [
        .init(score: .poss(.sleepEasyToArouse), label: "Sleep, easy to arouse", description: "Acceptable"),
        .init(score: .poss(.awakeAlert), label: "Awake and alert", description: "Acceptable"),
        .init(score: .poss(.slightlyDrowsy), label: "Slightly drowsy, easily aroused", description: "Acceptable"),
        .init(score: .poss(.frequentlyDrowsy), label: "Frequently drowsy, arousable, drifts off to sleep during conversation",
              description: "Unacceptable (published action for opioids: monitor closely, reduce dose or notify prescriber)"),
        .init(score: .poss(.somnolent), label: "Somnolent, minimal or no response to verbal and physical stimulation",
              description: "Unacceptable (published action for opioids: stop the drug, stay with the patient, rapid response; naloxone does not reverse benzodiazepines)"),
    ], source: "Pasero 1994 [S23]; benzodiazepine use is an extrapolation (UNCONFIRMED)")
}
