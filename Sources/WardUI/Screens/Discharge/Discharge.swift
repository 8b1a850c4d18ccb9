import WardCore

/// Discharge, after reading the summary of the taper so far.
public struct DischargeState: Sendable, Hashable {
    public var patientID: PatientID
    public var summary: [String]
    public var saving = false
}

extension DischargeState: ScreenComponent {
    var screen: Screen { .discharge(self) }
    var keyContext: KeyContext { .confirm }
    var isModal: Bool { true }

    mutating func update(_ action: Action?, _ event: InputEvent, _ app: inout AppState) -> [Effect] {
        guard let action else { return [] }
        return app.handleDischarge(action, &self)
    }

    func draw(_ s: inout Surface, _ app: AppState, below: ArraySlice<Screen>) { DischargeView.draw(&s, app, self) }
}
