import WardCore

extension HandoverPreviewState {
    /// The handover preview's keys.
    static let keys: [KeyBinding] = [
        KeyBinding([.key(.tab), .char("n")], .nextPatient, label: "Tab"),
        KeyBinding([.key(.backTab), .char("p")], .previousPatient, label: "⇧Tab", inLegend: false),
        KeyBinding(chars("a"), .acceptPatient, label: "a"),
        KeyBinding(chars("g"), .handOverPatient, label: "g"),
        KeyBinding(chars("N"), .writeNote, label: "N"),
        KeyBinding(chars("S"), .overrideSeverity, label: "S"),
        KeyBinding(chars("P"), .printHandover, label: "P"),
        KeyBinding(chars("["), .earlierHandover, label: "[", inLegend: false),
        KeyBinding(chars("]"), .laterHandover, label: "]", inLegend: false),
    ] + moving("Scroll up one line", "Scroll down one line", inLegend: false) + [
        KeyBinding([.key(.pageUp)], .pageUp, label: "PgUp", inLegend: false, help: "Scroll up one screen"),
        KeyBinding([.key(.pageDown), .char(" ")], .pageDown, label: "PgDn", inLegend: false, help: "Scroll down one screen"),
        KeyBinding([.key(.home)], .first, label: "Home", inLegend: false, help: "Go to the top of the handover"),
        KeyBinding([.key(.end)], .last, label: "End", inLegend: false, help: "Go to the end of the handover"),
        KeyBinding([.key(.escape), .key(.left)], .back, label: "Esc", help: "Go back to the previous screen"),
    ]
}
