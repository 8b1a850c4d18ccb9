import WardCore

extension UnlockForm {
    /// The lock screen's keys.
    static let keys: [KeyBinding] = [
        KeyBinding([.key(.enter)], .unlock, label: "Enter"),
        KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp", help: "Delete the last digit of the PIN"),
        KeyBinding([.key(.escape)], .clearField, label: "Esc", help: "Clear the PIN typed"),
        KeyBinding([.key(.tab), .key(.f2)], .switchUser, label: "Tab"),
        KeyBinding([.key(.f1)], .help, label: "F1"),
    ]
}
