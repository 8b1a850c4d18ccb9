import WardCore

/// The dose gate on a withdrawal form's summary line.
public enum GateStep: Sendable, Hashable {
    case unanswered
    /// "n" was pressed: which answer is no?
    case askingWhichNo
    case answered(DoseGateAnswers)

    public var answers: DoseGateAnswers? { if case .answered(let a) = self { a } else { nil } }
}
