import WardCore

extension AmendForm {
    /// The amendment form's keys.
    static let keys: [KeyBinding] = [
        KeyBinding(chars("12"), .chooseReason, label: "1/2",
                   help: "Choose the change: 1 entered in error, 2 corrected value"),
        KeyBinding([.key(.enter)], .fieldDone, label: "Enter", legend: "OK",
                   help: "Accept the reason typed; then Enter again to save the amendment"),
        KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp", help: eraseTyped),
        KeyBinding([.key(.escape)], .cancel, label: "Esc"),
        KeyBinding([.key(.f1)], .help, label: "F1"),
        KeyBinding([.key(.f9)], .lock, label: "F9", inLegend: false),
    ]
}
