import WardCore

extension TextFields {
    /// The keys of a small text form (acknowledge, escalate, admit, SpO2 scale).
    static let keys: [KeyBinding] = [
        KeyBinding([.key(.enter)], .save, label: "Enter",
                   help: "Save (on a form of several fields: the next field, saving from the last)"),
        KeyBinding([.key(.tab), .key(.down)], .nextField, label: "Tab", help: "Move to the next field"),
        KeyBinding([.key(.backTab), .key(.up)], .previousItem, label: "S-Tab", inLegend: false,
                   help: "Go back to the previous field"),
        KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp", help: eraseTyped),
        KeyBinding([.key(.escape)], .discard, label: "Esc", legend: "leave", help: "Leave without saving"),
    ]
}
