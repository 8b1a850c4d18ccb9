import WardCore

extension PickerState {
    /// The keys of a list to choose from.
    static let keys: [KeyBinding] = moving("Select the line above", "Select the line below") + [
        KeyBinding([.key(.enter)], .save, label: "Enter",
                   help: "Choose the selected line: the nurse assigned, or the bed the patient moves to"),
        KeyBinding([.key(.escape)], .back, label: "Esc", help: "Close the list without choosing"),
    ] + paging("lines", first: "the first line", last: "the last line")
}
