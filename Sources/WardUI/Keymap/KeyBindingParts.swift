import WardCore

// The pieces the screens' key tables (Screens/NAME/NAMEKeys.swift) are made of.

/// The characters of `s`, as keys.
func chars(_ s: String) -> [InputEvent] { s.map { InputEvent.char($0) } }

/// "↑ select the bed above" and "↓ … below": the two halves of moving on a screen.
func moving(_ above: String, _ below: String, keys: Bool = true, inLegend: Bool = true) -> [KeyBinding] {
    [
        KeyBinding(keys ? [.key(.up), .char("k")] : [.key(.up)], .moveUp, label: "↑", inLegend: inLegend, help: above),
        KeyBinding(keys ? [.key(.down), .char("j")] : [.key(.down)], .moveDown, label: "↓", inLegend: inLegend, help: below),
    ]
}

/// PgUp/PgDn a page and Home/End to the first and last line, on every screen with a list or a
/// document (out of the legend: the help overlay lists them). `what` names the list.
func paging(_ what: String, first: String, last: String, page: Bool = true) -> [KeyBinding] {
    (page ? [
        KeyBinding([.key(.pageUp)], .pageUp, label: "PgUp", inLegend: false, help: "Previous page of \(what)"),
        KeyBinding([.key(.pageDown)], .pageDown, label: "PgDn", inLegend: false, help: "Next page of \(what)"),
    ] : []) + [
        KeyBinding([.key(.home)], .first, label: "Home", inLegend: false, help: "Go to \(first)"),
        KeyBinding([.key(.end)], .last, label: "End", inLegend: false, help: "Go to \(last)"),
    ]
}

/// The help sentence of `q` wherever it quits.
let quitAsking = "Quit Wardline (asks first if unsaved work exists)"
/// The help sentence of Backspace in a typed field.
let eraseTyped = "Delete the last character typed"
