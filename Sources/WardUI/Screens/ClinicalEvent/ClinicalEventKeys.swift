import WardCore

extension EventForm {
    /// The seizure/delirium form's keys.
    static let keys: [KeyBinding] = [
        KeyBinding(chars("sd"), .fieldChar, label: "s/d", help: "Choose the event: s seizure, d delirium"),
        KeyBinding([.key(.tab), .key(.backTab)], .nextField, label: "Tab",
                   help: "Move between the note and the time it happened"),
        KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp",
                   help: "Delete the last character typed (an empty field: back one step)"),
        KeyBinding([.key(.enter)], .save, label: "Enter",
                   help: "Save the seizure or delirium record (no time typed: now)"),
        KeyBinding([.key(.escape)], .discard, label: "Esc", legend: "leave",
                   help: "Leave the form (asks before throwing away what was chosen)"),
    ]
}
