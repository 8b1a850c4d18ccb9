import WardCore

extension HandoverEntryForm {
    /// The keys of a handover note or severity override being typed.
    static let keys: [KeyBinding] = [
        KeyBinding([.key(.enter)], .saveEntry, label: "Enter"),
        KeyBinding([.key(.escape)], .cancelEntry, label: "Esc"),
        KeyBinding([.key(.tab), .key(.backTab)], .cycleLevel, label: "Tab", inLegend: false,
                   help: "Severity: next level (unstable, watcher, stable, or back to the rule)"),
    ] + moving("Note: step up through this shift's notes (newest first) to withdraw one",
               "Note: step back down (past the oldest: a new note)", keys: false, inLegend: false) + [
        KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp", help: eraseTyped),
        KeyBinding([.key(.f1)], .help, label: "F1"),
        KeyBinding([.key(.f9)], .lock, label: "F9", inLegend: false),
    ]
}
