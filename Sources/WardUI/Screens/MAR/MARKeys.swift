import WardCore

extension MARState {
    /// The MAR list's keys.
    static let listKeys: [KeyBinding] = [
        KeyBinding(chars("g"), .give, label: "g"),
        KeyBinding(chars("h"), .hold, label: "h", help: "Hold the selected dose, with the reason"),
        KeyBinding(chars("r"), .refuse, label: "r"),
        KeyBinding(chars("o"), .omit, label: "o"),
    ] + moving("Select the line above", "Select the line below") + paging("lines", first: "the first line", last: "the last line") + [
        KeyBinding(chars("e"), .prnEffect, label: "e", inLegend: false,
                   help: "Record the follow-up re-assessment of a PRN dose (on a PRN order's line: that order's; else the one due first): effective, partial or none"),
        KeyBinding(chars("n"), .newOrder, label: "n"),
        KeyBinding(chars("c"), .changeOrder, label: "c"),
        KeyBinding(chars("K"), .cosignOverride, label: "K"),
        KeyBinding(chars("E"), .amendEntry, label: "E",
                   help: "Amend the selected dose record (entered in error / corrected)"),
        KeyBinding(chars("T"), .taperPlan, label: "T", inLegend: false),
        KeyBinding(chars("s"), .newSedation, label: "s", inLegend: false),
        KeyBinding(chars("v"), .newVitals, label: "v", inLegend: false),
        KeyBinding([.key(.escape), .key(.left), .key(.backspace)], .back, label: "Esc",
                   help: "Go back to the previous screen"),
    ]

    /// The taper plan (`T` on the MAR): a calendar to scroll; a prescriber holds the taper here.
    static let taperPlanKeys: [KeyBinding] = moving("Scroll up one day", "Scroll down one day")
        + paging("days", first: "the first day", last: "the last version") + [
        KeyBinding(chars("h"), .holdTaperStep, label: "h"),
        KeyBinding(chars("T") + [.key(.escape), .key(.left), .key(.backspace)], .back, label: "Esc", legend: "close",
                   help: "Close the taper plan, back to the MAR"),
    ]

    /// Choosing a reason (or a PRN dose's effect) on the MAR.
    static let reasonKeys: [KeyBinding] = [
        KeyBinding(chars("123456789"), .chooseReason, label: "1-9",
                   help: "Choose the numbered line: the reason, or how well the PRN dose worked"),
        KeyBinding([.key(.escape)], .cancel, label: "Esc"),
    ]

    /// Confirming a dose on the MAR.
    static let confirmKeys: [KeyBinding] = [
        KeyBinding([.key(.enter)], .fieldDone, label: "Enter", legend: "OK",
                   help: "Record it as shown (a witness signs first where the protocol needs one)"),
        KeyBinding(chars("w"), .withWastage, label: "w"),
        KeyBinding([.key(.escape)], .cancel, label: "Esc"),
    ]

    /// Typing on the MAR: a note, a witness's PIN, a wasted amount, an override.
    static let textKeys: [KeyBinding] = [
        KeyBinding([.key(.enter)], .fieldDone, label: "Enter", legend: "OK",
                   help: "Accept what was typed and go on (a witness: staff ID, then PIN)"),
        KeyBinding([.key(.tab), .key(.backTab)], .nextField, label: "Tab", help: "Move to the next field"),
        KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp", help: eraseTyped),
        KeyBinding([.key(.escape)], .cancel, label: "Esc"),
    ]
}
