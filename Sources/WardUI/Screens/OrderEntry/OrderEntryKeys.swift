import WardCore

extension OrderEntryForm {
    /// The order form's keys.
    static let keys: [KeyBinding] = [
        KeyBinding([.key(.enter)], .fieldDone, label: "Enter", legend: "OK",
                   help: "Next field; once the order is complete: check the preview, then Enter again to sign"),
        KeyBinding([.key(.tab), .key(.down)], .nextField, label: "Tab", help: "Move to the next field"),
        KeyBinding([.key(.backTab), .key(.up)], .previousField, label: "S-Tab", inLegend: false),
        KeyBinding([.ctrl("u")], .clearField, label: "Ctrl-U", help: "Clear this field"),
        KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp", help: eraseTyped),
        KeyBinding([.key(.escape)], .cancel, label: "Esc"),
    ]
}
