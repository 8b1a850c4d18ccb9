import WardCore

/// Admit a patient to an empty bed.
public struct AdmitForm: Sendable, Hashable {
    public static let labels = ["MRN", "Name (Family, Given)", "Date of birth (YYYY-MM-DD)", "Sex (F/M/X/U)", "Bed",
                                "Substances (a; b; …)", "Seizure history (y/n)", "Order-set flags (codes)",
                                "Other flags (free text, a, b)", "Allergies (NKDA/list/blank)"]
    public var fields: TextFields
    public var saving = false
    public var message: Flash?
    public init(bed: String) {
        fields = TextFields(Self.labels)
        fields.values[4] = bed
    }
}

extension AdmitForm: SavingScreen {
    var screen: Screen { .admit(self) }
    var keyContext: KeyContext { .textForm }
    func appKeysFirst(_ action: Action?, _ event: InputEvent) -> Bool { false }

    mutating func update(_ action: Action?, _ event: InputEvent, _ app: inout AppState) -> [Effect] {
        guard app.editText(action, event, &fields, enterAdvances: true) else { return [] }
        return app.submitAdmission(&self)
    }

    func draw(_ s: inout Surface, _ app: AppState, below: ArraySlice<Screen>) { AdmitView.draw(&s, app, self) }
}
