import WardCore

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

extension ExceptionForm: SavingScreen {
    var screen: Screen { .exception(self) }
    var keyContext: KeyContext { .exception }
    var unsavedWorkName: String? { isStarted ? "note of a check not done" : nil }
    /// While the reason is typed, help and lock keys are letters (F9 still locks).
    func appKeysFirst(_ action: Action?, _ event: InputEvent) -> Bool { step != .note || event == .key(.f9) }

    mutating func update(_ action: Action?, _ event: InputEvent, _ app: inout AppState) -> [Effect] {
        app.handleException(action, event, &self)
    }

    func draw(_ s: inout Surface, _ app: AppState, below: ArraySlice<Screen>) { ExceptionView.draw(&s, app, self) }

    mutating func saved(_ saved: Saved, _ app: inout AppState) -> AfterSave {
        guard case .exception(let e) = saved else { return .unasked(saved, app) }
        return AfterSave(flash: Flash("Noted\(app.forWhom(e.stamp.patientID)): \(e.kind.displayName) not done (\(e.reason.label)). "
                                      + "Next try due \(Format.clock(e.recheckAt, app.calendar)).", role: .saved))
    }
}
