import WardCore

/// Choose one of a list (a nurse to assign, a bed to transfer to).
public struct PickerState: Sendable, Hashable {
    public enum Purpose: Sendable, Hashable {
        case assignNurse(bed: String)
        case transfer(patientID: PatientID, fromBed: String)
        /// Another ward of the hospital to send the patient to.
        case sendToWard(patientID: PatientID, name: String)
        /// An empty bed, with patients sent to this ward or admitted without a bed waiting: a new
        /// admission or one of them.
        case admitInto(bed: String)
    }
    public struct Choice: Sendable, Hashable {
        public var label: String
        public var staff: StaffKey?
        public var bed: String?
        public var ward: HospitalWard?
        public var transfer: WardTransfer?
        /// An admitted patient waiting for a bed (admitted by the ADT feed).
        public var waiting: Patient?
    }
    public var purpose: Purpose
    public var choices: [Choice]
    public var selected = 0
    public init(purpose: Purpose, choices: [Choice]) { self.purpose = purpose; self.choices = choices }
}

extension PickerState: ScreenComponent {
    var screen: Screen { .picker(self) }
    var keyContext: KeyContext { .picker }
    var isModal: Bool { true }

    mutating func update(_ action: Action?, _ event: InputEvent, _ app: inout AppState) -> [Effect] {
        guard let action else { return [] }
        return app.handlePicker(action, &self)
    }

    func draw(_ s: inout Surface, _ app: AppState, below: ArraySlice<Screen>) { PickerView.draw(&s, app, self) }
}
