import WardCore

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

extension VitalsForm: SavingScreen {
    var screen: Screen { .vitals(self) }
    var keyContext: KeyContext { .vitals }
    var unsavedWorkName: String? { isStarted ? "set of vital signs" : nil }

    mutating func update(_ action: Action?, _ event: InputEvent, _ app: inout AppState) -> [Effect] {
        app.handleVitals(action, event, &self)
    }

    func draw(_ s: inout Surface, _ app: AppState, below: ArraySlice<Screen>) { VitalsView.draw(&s, app, self) }

    /// The NEWS2 the set scored, for whom; in an obs round, the sedation score comes next.
    mutating func saved(_ saved: Saved, _ app: inout AppState) -> AfterSave {
        guard case .vitals(let e) = saved else { return .unasked(saved, app) }
        let score = app.wardProtocol.news2.score(e.vitals, scale2: e.scale2)
        let text = "Vital signs saved\(app.forWhom(e.stamp.patientID)) \(Format.clock(e.stamp.recordedAt, app.calendar)): "
            + "NEWS2 \(score.total) \(score.risk.rawValue)."
        guard round else { return AfterSave(flash: Flash(text, role: .saved)) }
        return AfterSave(flash: Flash(text + " Obs round: sedation next.", role: .saved),
                         next: .sedation(SedationForm(patientID: patientID, scale: app.wardProtocol.appropriateness.observerScale, round: true)))
    }
}
