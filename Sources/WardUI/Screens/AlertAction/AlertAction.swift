import WardCore

/// Acknowledge or escalate one alert.
public struct AlertActionForm: Sendable, Hashable {
    public enum Mode: Sendable, Hashable { case acknowledge, escalate }
    public var mode: Mode
    public var alert: WardAlert
    public var fields: TextFields
    public var saving = false
    public var message: Flash?
    public init(mode: Mode, alert: WardAlert) {
        self.mode = mode; self.alert = alert
        fields = TextFields(mode == .acknowledge ? ["Note (optional)"] : ["Escalated to", "Outcome"])
    }
}

extension AlertActionForm: SavingScreen {
    var screen: Screen { .alertAction(self) }
    var keyContext: KeyContext { .textForm }
    var isModal: Bool { true }
    func appKeysFirst(_ action: Action?, _ event: InputEvent) -> Bool { false }

    mutating func update(_ action: Action?, _ event: InputEvent, _ app: inout AppState) -> [Effect] {
        guard app.editText(action, event, &fields, enterAdvances: mode == .escalate) else { return [] }
        return app.submitAlertAction(&self)
    }

    func draw(_ s: inout Surface, _ app: AppState, below: ArraySlice<Screen>) { AlertActionView.draw(&s, app, self) }
}
