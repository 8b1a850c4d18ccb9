import WardCore

extension SiteState {
    /// The site view's keys.
    static let keys: [KeyBinding] = moving("Select the ward above", "Select the ward below") + [
        KeyBinding(chars("s"), .cycleSort, label: "s", help: "Next sort: risk (critical, overdue), free beds, ward"),
        KeyBinding([.key(.enter), .key(.right)], .open, label: "Enter", help: "Open the selected ward's overview, read-only (Esc comes back)"),
        KeyBinding(chars("q"), .quit, label: "q", help: "Quit"),
    ] + paging("wards", first: "the first ward", last: "the last ward")
}
