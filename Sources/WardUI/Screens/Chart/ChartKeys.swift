import WardCore

extension ChartState {
    /// The chart's keys.
    static let keys: [KeyBinding] = [
        KeyBinding(chars("b"), .newCIWAB, label: "b"),
        KeyBinding(chars("a"), .newCIWAAr, label: "a"),
        KeyBinding(chars("v"), .newVitals, label: "v"),
        KeyBinding(chars("s"), .newSedation, label: "s"),
        KeyBinding(chars("o"), .obsRound, label: "o"),
        KeyBinding(chars("x"), .newException, label: "x", inLegend: false),
        KeyBinding(chars("z"), .newEvent, label: "z", inLegend: false),
        KeyBinding([.key(.tab), .key(.right)], .nextPane, label: "Tab", inLegend: false),
        KeyBinding(chars("1"), .showPane1, label: "1", inLegend: false),
        KeyBinding(chars("2"), .showPane2, label: "2", inLegend: false),
        KeyBinding(chars("3"), .showPane3, label: "3", inLegend: false),
        KeyBinding(chars("m"), .openMAR, label: "m"),
        KeyBinding(chars("O"), .spo2Scale, label: "O", inLegend: false),
        KeyBinding(chars("eE"), .amendEntry, label: "e", inLegend: false,
                   help: "Amend the selected entry (entered in error / corrected value); E as on the MAR"),
    ] + moving("Select the entry above (in the pane shown)", "Select the entry below (in the pane shown)", inLegend: false)
      + paging("entries in the pane shown", first: "the newest entry", last: "the oldest entry") + [
        KeyBinding([.key(.escape), .key(.left), .key(.backspace)], .back, label: "Esc", inLegend: false,
                   help: "Go back to the previous screen"),
        KeyBinding(chars("H"), .openHandover, label: "H", inLegend: false),
        KeyBinding(chars("N"), .writeNote, label: "N", inLegend: false),
        KeyBinding(chars("S"), .overrideSeverity, label: "S", inLegend: false),
    ]
}
