import WardCore

/// Which pane the patient chart shows.
public enum ChartPane: String, Sendable, Hashable, CaseIterable {
    case scores, vitals, sedation

    public var title: String {
        switch self {
        case .scores: "Scores"
        case .vitals: "Vital signs"
        case .sedation: "Sedation"
        }
    }
    var next: ChartPane { Self.allCases[(Self.allCases.firstIndex(of: self)! + 1) % Self.allCases.count] }
}

/// The dose gate on a withdrawal form's summary line.
public enum GateStep: Sendable, Hashable {
    case unanswered
    /// "n" was pressed: which answer is no?
    case askingWhichNo
    case answered(DoseGateAnswers)

    public var answers: DoseGateAnswers? { if case .answered(let a) = self { a } else { nil } }
}

/// A set of vital signs being typed, field by field.
public struct VitalsForm: Sendable, Hashable {
    public enum Field: Int, Sendable, Hashable, CaseIterable {
        case respirationRate, spo2, oxygen, systolic, diastolic, pulse, acvpu, temperature, summary

        /// The numeric field behind this one, if it is typed.
        public var numeric: VitalField? {
            switch self {
            case .respirationRate: .respirationRate
            case .spo2: .spo2
            case .systolic: .systolic
            case .diastolic: .diastolic
            case .pulse: .pulse
            case .temperature: .temperature
            case .oxygen, .acvpu, .summary: nil
            }
        }

        public var label: String {
            switch self {
            case .oxygen: "Air or oxygen"
            case .acvpu: "Consciousness (ACVPU)"
            case .summary: "Summary"
            default: numeric!.label
            }
        }
    }

    public var patientID: PatientID
    /// NEWS2 SpO2 scale 2, from the patient's record (shown, never chosen here).
    public var scale2: Bool
    public var text: [Field: String] = [:]
    public var onOxygen: Bool?
    public var acvpu: ACVPU?
    public var field: Field = .respirationRate
    /// The unusual value on `field` waits for y/n.
    public var confirming: Bool = false
    /// Unusual values the nurse confirmed, as typed.
    public var confirmed: [Field: String] = [:]
    public var message: Flash?
    public var saving: Bool = false
    /// Part of an obs round: sedation follows the save.
    public var round: Bool = false

    public init(patientID: PatientID, scale2: Bool, round: Bool = false) {
        self.patientID = patientID; self.scale2 = scale2; self.round = round
    }

    /// Set when the form corrects an existing set (amend): Enter on the summary
    /// hands the new set back to the amend dialog instead of saving.
    public var amendingFrom: VitalSigns?

    /// The form filled with an earlier set, on the summary, to correct it.
    public init(correcting v: VitalSigns, patientID: PatientID, scale2: Bool) {
        self.init(patientID: patientID, scale2: scale2)
        text[.respirationRate] = "\(v.respirationRate)"
        text[.spo2] = "\(v.spo2)"
        text[.systolic] = "\(v.systolic)"
        text[.diastolic] = v.diastolic.map { "\($0)" } ?? ""
        text[.pulse] = "\(v.pulse)"
        text[.temperature] = String(format: "%.1f", v.temperature)
        onOxygen = v.onOxygen
        acvpu = v.acvpu
        field = .summary
        amendingFrom = v
    }

    public var isStarted: Bool { !text.values.allSatisfy(\.isEmpty) || onOxygen != nil || acvpu != nil }

    public func value(_ f: Field) -> Double? {
        guard let t = text[f], !t.isEmpty, !t.hasSuffix(".") else { return nil }
        return Double(t)
    }

    /// The complete set, or nil while a required field is empty.
    public var vitals: VitalSigns? {
        guard let rr = value(.respirationRate), let spo2 = value(.spo2), let o2 = onOxygen, let sbp = value(.systolic),
              let pulse = value(.pulse), let acvpu, let temp = value(.temperature) else { return nil }
        return VitalSigns(respirationRate: Int(rr), spo2: Int(spo2), onOxygen: o2, systolic: Int(sbp),
                          diastolic: value(.diastolic).map { Int($0) }, pulse: Int(pulse), acvpu: acvpu, temperature: temp)
    }

    /// First required field with nothing in it.
    public var firstMissing: Field? {
        Field.allCases.first { f in
            switch f {
            case .oxygen: onOxygen == nil
            case .acvpu: acvpu == nil
            case .diastolic, .summary: false
            default: value(f) == nil
            }
        }
    }
}

/// A sedation score being chosen: one key, labels shown.
public struct SedationForm: Sendable, Hashable {
    public var patientID: PatientID
    public var scale: ScaleKind
    public var choice: SedationScore?
    /// "-" was typed: the next digit is a negative RASS.
    public var minus: Bool = false
    public var message: Flash?
    public var saving: Bool = false
    /// Last step of an obs round.
    public var round: Bool = false
    public init(patientID: PatientID, scale: ScaleKind, round: Bool = false) {
        self.patientID = patientID; self.scale = scale; self.round = round
    }
    /// Set when the form corrects an existing score (amend): Enter hands the
    /// new score back to the amend dialog instead of saving.
    public var amendingFrom: SedationScore?
    public var levels: [SedationLevel] { (scale == .poss ? SedationScale.poss : SedationScale.rass).levels }
}

/// A check attempted and not done: which check, why, and the reason in words.
public struct ExceptionForm: Sendable, Hashable {
    public enum Step: Sendable, Hashable { case kind, reason, note }
    public var patientID: PatientID
    public var kind: ObservationKind?
    public var reason: ExceptionReason?
    public var note: String = ""
    public var step: Step = .kind
    public var message: Flash?
    public var saving: Bool = false
    public init(patientID: PatientID) { self.patientID = patientID }
    public var isStarted: Bool { kind != nil }
}

extension Screen {
    /// The unsaved work this screen holds, named as the nurse knows it ("CIWA-Ar", "set of vital
    /// signs", "amendment"); nil when it holds none. Started work is kept for its author when someone
    /// else signs in at this terminal, and named wherever it is counted.
    var unsavedWorkName: String? {
        switch self {
        case .withdrawalScore(let f): f.isStarted ? f.kind.displayName : nil
        case .vitals(let f): f.isStarted ? "set of vital signs" : nil
        case .sedation(let f): f.choice != nil ? "sedation score" : nil
        case .exception(let f): f.isStarted ? "note of a check not done" : nil
        case .clinicalEvent(let f): f.isStarted ? "seizure/delirium record" : nil
        case .amend: "amendment"
        default: nil
        }
    }

    /// The bedside forms a "discard this …?" question can close (vitals, sedation, check not done,
    /// seizure/delirium; a withdrawal score has its own question).
    var isBedsideForm: Bool {
        switch self {
        case .vitals, .sedation, .exception: true
        case .clinicalEvent: true
        default: false
        }
    }
}
