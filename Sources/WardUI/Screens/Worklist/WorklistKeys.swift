import WardCore

extension WorklistState {
    /// The "My patients" worklist's keys.
    static let keys: [KeyBinding] = moving("Select the task above", "Select the task below") + [
        KeyBinding([.key(.enter), .key(.right)], .open, label: "Enter",
                   help: "Open the selected task's chart (a dose, PRN effect or co-sign: its MAR)"),
        KeyBinding([.key(.escape), .key(.left), .key(.backspace)], .back, label: "Esc",
                   help: "Go back to the previous screen"),
    ] + paging("tasks", first: "the first task", last: "the last task")
}
