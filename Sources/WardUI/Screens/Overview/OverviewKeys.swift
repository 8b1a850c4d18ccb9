import WardCore

extension OverviewState {
    /// The ward overview's keys.
    static let keys: [KeyBinding] = moving("Select the bed above", "Select the bed below") + [
        KeyBinding([.key(.pageUp)], .pageUp, label: "PgUp", inLegend: false, help: "Previous page of beds"),
        KeyBinding([.key(.pageDown), .char(" ")], .pageDown, label: "PgDn", inLegend: false, help: "Next page of beds"),
    ] + paging("beds", first: "the first bed", last: "the last bed", page: false) + [
        KeyBinding([.key(.enter), .key(.right)], .open, label: "Enter",
                   help: "Open the selected patient's chart (an empty bed: admit a patient to it)"),
        KeyBinding(chars("a"), .acknowledge, label: "a"),
        KeyBinding(chars("e"), .escalate, label: "e"),
        KeyBinding(chars("s"), .cycleSort, label: "s"),
        KeyBinding(chars("f"), .cycleFilter, label: "f"),
        KeyBinding(chars("m"), .myPatients, label: "m"),
        KeyBinding(chars("A"), .admit, label: "A"),
        KeyBinding(chars("n"), .assignNurse, label: "n"),
        KeyBinding(chars("t"), .transfer, label: "t"),
        KeyBinding(chars("D"), .discharge, label: "D"),
        KeyBinding(chars("W"), .sendToWard, label: "W", inLegend: false),
        KeyBinding(chars("H"), .openHandover, label: "H", inLegend: false),
        KeyBinding([.key(.escape), .key(.left)], .back, label: "Esc", inLegend: false,
                   help: "Go back to the previous screen"),
        KeyBinding(chars("q"), .quit, label: "q", help: quitAsking),
        KeyBinding(chars("/"), .findPatient, label: "/", inLegend: false),
        KeyBinding(chars("0123456789"), .jumpToBed, label: "0-9", inLegend: false),
    ]
}
