import WardCore

/// A prescriber moves a patient between NEWS2 SpO2 scale 1 and 2, with the reason.
public struct SpO2ScaleForm: Sendable, Hashable {
    public var patientID: PatientID
    /// The scale the patient is moved to: 2 when true.
    public var toScale2: Bool
    public var fields = TextFields(["Reason (e.g. hypercapnic respiratory failure, target 88–92 %)"])
    public var saving = false
    public var message: Flash?
    public init(patientID: PatientID, toScale2: Bool) { self.patientID = patientID; self.toScale2 = toScale2 }
}

extension SpO2ScaleForm: SavingScreen {
    var screen: Screen { .spo2Scale(self) }
    var keyContext: KeyContext { .textForm }
    var isModal: Bool { true }
    func appKeysFirst(_ action: Action?, _ event: InputEvent) -> Bool { false }

    mutating func update(_ action: Action?, _ event: InputEvent, _ app: inout AppState) -> [Effect] {
        guard app.editText(action, event, &fields), let session = app.session else { return [] }
        let reason = fields.values[0].trimmingCharacters(in: .whitespaces)
        guard !reason.isEmpty else {
            message = Flash("Type the reason, then Enter.", role: .alertWarning)
            return []
        }
        saving = true
        return [.setSpO2Scale(patientID: patientID, scale2: toScale2, reason: reason, session: session)]
    }

    func draw(_ s: inout Surface, _ app: AppState, below: ArraySlice<Screen>) { SpO2ScaleView.draw(&s, app, self) }
}
