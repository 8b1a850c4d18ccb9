import WardCore

extension WardListState {
    /// The ward list's keys.
    static let keys: [KeyBinding] = moving("Select the bed above", "Select the bed below") + [
        KeyBinding([.key(.enter), .key(.right)], .open, label: "Enter"),
        KeyBinding(chars("m"), .myPatients, label: "m"),
        KeyBinding(chars("o"), .overview, label: "o"),
        KeyBinding(chars("H"), .openHandover, label: "H"),
        KeyBinding(chars("q"), .quit, label: "q", help: quitAsking),
        KeyBinding(chars("/"), .findPatient, label: "/", inLegend: false),
        KeyBinding(chars("0123456789"), .jumpToBed, label: "0-9", inLegend: false),
    ] + paging("beds", first: "the first bed", last: "the last bed")
}
