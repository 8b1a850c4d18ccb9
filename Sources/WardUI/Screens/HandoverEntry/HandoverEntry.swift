import Foundation
import WardCore

/// Typing a handover note ("if … then …") or a severity override with its reason.
public struct HandoverEntryForm: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case note, severity }
    public var kind: Kind
    public var patientID: PatientID
    public var shift: ShiftOccurrence
    public var text: String
    /// Severity chosen (nil = back to the level the rule gives). Severity form only.
    public var level: SeverityLevel?
    public var saving: Bool
    public var message: Flash?
    /// Note form: the note chosen (↑) to withdraw; the text is then the reason.
    public var withdrawing: Int64? = nil
    public init(kind: Kind, patientID: PatientID, shift: ShiftOccurrence, level: SeverityLevel? = .watcher) {
        self.kind = kind; self.patientID = patientID; self.shift = shift; self.text = ""
        self.level = kind == .severity ? level : nil; self.saving = false; self.message = nil
    }
    /// Longest text accepted on screen (the store checks it again).
    public static let maxLength = 500
}

extension HandoverEntryForm: SavingScreen {
    var screen: Screen { .handoverEntry(self) }
    var keyContext: KeyContext { .handoverEntry }

    mutating func update(_ action: Action?, _ event: InputEvent, _ app: inout AppState) -> [Effect] {
        app.handleHandoverEntry(action, event, &self)
    }

    func draw(_ s: inout Surface, _ app: AppState, below: ArraySlice<Screen>) { HandoverEntryView.draw(&s, app, self) }
}
