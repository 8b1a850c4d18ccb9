import WardCore

extension SedationForm {
    /// The sedation form's keys.
    static let keys: [KeyBinding] = [
        KeyBinding(chars("-012345s"), .fieldChar, label: "0-4 -1..-5 s",
                   help: "Choose the level: press the key shown beside it (RASS: - first for a minus score)"),
        KeyBinding([.key(.up), .key(.down)], .fieldNext, label: "↑↓", inLegend: false,
                   help: "Choose the level above / below"),
        KeyBinding([.key(.tab)], .switchScale, label: "Tab"),
        KeyBinding([.key(.enter)], .save, label: "Enter", help: "Save the sedation score"),
        KeyBinding([.key(.escape)], .discard, label: "Esc", legend: "leave", help: "Leave without saving"),
    ]
}
