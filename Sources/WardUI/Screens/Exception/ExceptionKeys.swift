import WardCore

extension ExceptionForm {
    /// The "check not done" form's keys.
    static let keys: [KeyBinding] = [
        KeyBinding(chars("cavs123"), .fieldChar, label: "cavs 1-3",
                   help: "Choose the check not done (c CIWA, a CIWA-Ar, v vital signs, s sedation), "
                       + "then why (1 asleep, 2 refused, 3 off the ward)"),
        KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp",
                   help: "Delete the last character typed (an empty note: back one step)"),
        KeyBinding([.key(.enter)], .save, label: "Enter", help: "Save the note of the check not done"),
        KeyBinding([.key(.escape)], .discard, label: "Esc", legend: "leave",
                   help: "Leave the form (asks before throwing away what was chosen)"),
    ]
}
