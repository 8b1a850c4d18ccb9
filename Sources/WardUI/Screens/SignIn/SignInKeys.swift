import WardCore

extension SignInForm {
    /// The sign-in form's keys.
    static let keys: [KeyBinding] = [
        KeyBinding([.key(.enter)], .submit, label: "Enter",
                   help: "Staff ID: go on to the PIN; PIN: sign in"),
        KeyBinding([.key(.tab), .key(.backTab), .key(.down), .key(.up)], .nextField, label: "Tab",
                   help: "Move between Staff ID and PIN"),
        KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp", help: eraseTyped),
        KeyBinding([.key(.escape)], .clearField, label: "Esc",
                   help: "Clear what was typed (when switching user with nothing typed: back to the lock screen)"),
        KeyBinding([.key(.f1)], .help, label: "F1"),
        KeyBinding([.key(.f10)], .quit, label: "F10",
                   help: "Quit Wardline (not while a colleague's unsaved work is kept at this terminal)"),
    ]
}
