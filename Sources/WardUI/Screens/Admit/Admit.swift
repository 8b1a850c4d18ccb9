import WardCore

/// Admit a patient to an empty bed.
public struct AdmitForm: Sendable, Hashable {
    public static let labels = ["MRN", "Name (Family, Given)", "Date of birth (YYYY-MM-DD)", "Sex (F/M/X/U)", "Bed",
                                "Substances (a; b; …)", "Seizure history (y/n)", "Order-set flags (codes)",
                                "Other flags (free text, a, b)", "Allergies (NKDA/list/blank)"]
    public var fields: TextFields
    public var saving = false
    public var message: Flash?
    /// Completing an admission the ADT feed made: that patient (MRN and bed are not changed).
    public var completing: PatientID?
    /// The MRN and bed of that patient, which completing does not change.
    var fixed: [String] = []
    public init(bed: String) {
        fields = TextFields(Self.labels)
        fields.values[4] = bed
    }

    /// The form filled with what the ADT feed sent, the cursor on the substances.
    public init(completing p: Patient) {
        fields = TextFields(Self.labels)
        fields.values = [p.mrn, p.name, p.dateOfBirth.description, p.sex.letter, p.bed ?? "", "", "",
                         p.admissionFlags.map(\.rawValue).joined(separator: " "),
                         p.riskFlags.filter { $0 != Patient.pasNotAskedFlag }.joined(separator: ", "), p.allergies.joined(separator: ", ")]
        fields.field = 5
        completing = p.id
        fixed = [p.mrn, p.bed ?? ""]
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
