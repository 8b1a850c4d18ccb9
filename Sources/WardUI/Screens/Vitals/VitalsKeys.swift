import WardCore

extension VitalsForm {
    /// The vital-signs form's keys.
    static let keys: [KeyBinding] = [
        KeyBinding(chars("0123456789.acvpuo"), .fieldChar, label: "0-9",
                   help: "Type the value, or the letter shown for the field"),
        KeyBinding([.key(.enter), .key(.tab), .key(.down)], .fieldNext, label: "Enter",
                   help: "Keep the value, next field (on the summary: save)"),
        KeyBinding([.key(.up), .key(.backTab)], .fieldPrevious, label: "↑"),
        KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp",
                   help: "Delete the last character typed (an empty field: back to the previous field)"),
        KeyBinding(chars("yn"), .fieldChar, label: "y/n", inLegend: false,
                   help: "An unusual value: y it is right, n clear it and type it again"),
        KeyBinding([.key(.escape)], .discard, label: "Esc", legend: "leave",
                   help: "Leave the form (asks before throwing away what was typed)"),
    ]
}
