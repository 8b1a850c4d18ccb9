import WardCore

extension HelpOverlay {
    /// The help overlay's keys.
    static let keys: [KeyBinding] = [
        KeyBinding([.key(.escape), .key(.f1), .char("?"), .char("q"), .key(.enter)], .closeHelp, label: "Esc"),
        KeyBinding(chars("t"), .nextTheme, label: "t"),
    ] + moving("Scroll the help up one line", "Scroll the help down one line", inLegend: false) + [
        KeyBinding([.key(.pageUp)], .pageUp, label: "PgUp", inLegend: false, help: "Scroll the help up one page"),
        KeyBinding([.key(.pageDown), .char(" ")], .pageDown, label: "PgDn", inLegend: false,
                   help: "Scroll the help down one page"),
        KeyBinding([.key(.home)], .first, label: "Home", inLegend: false, help: "Go to the top of the help"),
        KeyBinding([.key(.end)], .last, label: "End", inLegend: false, help: "Go to the end of the help"),
    ]
}
