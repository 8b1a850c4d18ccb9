import WardCore
/// One binding: the keys, the action, how the keys are written for people, and what the keys do
/// on this screen. The help sentence and the legend word belong to the binding, not to the action,
/// so that one action bound on several screens says what it does on each ("Enter" saves a CIWA-Ar
/// on one form, a sedation score on another).
public struct KeyBinding: Sendable, Hashable {
    public var keys: [InputEvent]
    public var action: Action
    /// The keys as the legend writes them, e.g. "↑↓", "0-4", "Ctrl-L/L".
    public var label: String
    /// Shown in the status-line legend (everything is in the help overlay).
    public var inLegend: Bool
    /// Short word for the status-line legend ("save", "leave").
    public var legend: String
    /// Full sentence for the help overlay: what the keys do on this screen.
    public var help: String

    /// `legend` and `help` default to the action's own words, which exist only for actions that
    /// do the same thing on every screen; every other binding says what it does where it is bound
    /// (a binding left without a sentence has an empty one, which the keymap tests reject).
    public init(_ keys: [InputEvent], _ action: Action, label: String, inLegend: Bool = true,
                legend: String? = nil, help: String? = nil) {
        self.keys = keys; self.action = action; self.label = label; self.inLegend = inLegend
        self.legend = legend ?? action.defaultLegend
        self.help = help ?? action.defaultHelp ?? ""
    }
}

extension KeyBinding {
    /// Every key of the binding, for the help overlay ("↑ k", "Ctrl-L L").
    public var allKeysLabel: String {
        if action == .score || action == .fieldChar || action == .jumpToBed { return label }
        return keys.map(Self.name).joined(separator: " ")
    }

    static func name(_ e: InputEvent) -> String {
        switch e {
        case .char(let c): c == " " ? "Space" : String(c)
        case .ctrl(let c): "Ctrl-" + c.uppercased()
        case .key(let k):
            switch k {
            case .up: "↑"
            case .down: "↓"
            case .left: "←"
            case .right: "→"
            case .enter: "Enter"
            case .escape: "Esc"
            case .tab: "Tab"
            case .backTab: "Shift-Tab"
            case .backspace: "Bksp"
            case .delete: "Del"
            case .home: "Home"
            case .end: "End"
            case .pageUp: "PgUp"
            case .pageDown: "PgDn"
            default: k.rawValue.uppercased()
            }
        case .resize, .inputClosed: ""
        }
    }
}

/// Bindings per screen plus globals for the work screens. Lookup order:
/// the screen's own bindings, then the globals.
public struct Keymap: Sendable, Hashable {
    public var screens: [KeyContext: [KeyBinding]]
    public var globals: [KeyBinding]

    public init(screens: [KeyContext: [KeyBinding]], globals: [KeyBinding]) {
        self.screens = screens; self.globals = globals
    }

    /// All bindings that apply in a context, screen's own first.
    public func bindings(in context: KeyContext) -> [KeyBinding] {
        (screens[context] ?? []) + (context.takesGlobals ? globals : [])
    }

    public func action(for event: InputEvent, in context: KeyContext) -> Action? {
        bindings(in: context).first { $0.keys.contains(event) }?.action
    }

    /// Legend entries ("key", "word") for the status line, merged so that
    /// actions sharing a word (↑ move, ↓ move) read once.
    public func legend(in context: KeyContext, role: StaffRole? = nil) -> [(keys: String, words: String)] {
        var out: [(keys: String, words: String)] = []
        for b in bindings(in: context) where b.inLegend {
            if let role, let needed = b.action.permission, !role.may(needed) { continue }
            if let i = out.firstIndex(where: { $0.words == b.legend }) {
                out[i].keys += b.label
            } else {
                out.append((b.label, b.legend))
            }
        }
        return out
    }

    /// Help lines ("keys", "what it does") for the overlay.
    public func helpLines(in context: KeyContext) -> [(keys: String, help: String)] {
        bindings(in: context).map { ($0.allKeysLabel, $0.help) }
    }
}

extension Keymap {
    private static func chars(_ s: String) -> [InputEvent] { s.map { InputEvent.char($0) } }

    /// "↑ select the bed above" and "↓ … below": the two halves of moving on a screen.
    private static func moving(_ above: String, _ below: String, keys: Bool = true, inLegend: Bool = true) -> [KeyBinding] {
        [
            KeyBinding(keys ? [.key(.up), .char("k")] : [.key(.up)], .moveUp, label: "↑", inLegend: inLegend, help: above),
            KeyBinding(keys ? [.key(.down), .char("j")] : [.key(.down)], .moveDown, label: "↓", inLegend: inLegend, help: below),
        ]
    }

    /// The lowest and highest score of any item of a scale ("0-4", "0-7"), from the published instrument.
    static func scoreLabel(_ scale: ScaleDefinition) -> String {
        let low = scale.items.map(\.range.lowerBound).min() ?? 0, high = scale.items.map(\.range.upperBound).max() ?? 0
        return "\(low)-\(high)"
    }

    /// What the score keys do on a withdrawal form, read from the instrument: its anchors when every
    /// item shares them (CIWA-B: "0 none … 4 very severe"), else its range, the items scored on a
    /// shorter one, and where the item's own anchors are (CIWA-Ar).
    static func scoreHelp(_ scale: ScaleDefinition) -> String {
        guard let first = scale.items.first else { return "Score the current item" }
        if scale.items.allSatisfy({ $0.range == first.range && $0.anchors == first.anchors }),
           let low = first.anchors[first.range.lowerBound], let high = first.anchors[first.range.upperBound] {
            return "Score the current item: \(first.range.lowerBound) \(low) … \(first.range.upperBound) \(high)"
        }
        let low = scale.items.map(\.range.lowerBound).min() ?? 0, high = scale.items.map(\.range.upperBound).max() ?? 0
        let shorter = scale.items.filter { $0.range != low...high }
            .map { "\($0.label): \($0.range.lowerBound) to \($0.range.upperBound)" }
        return "Score the current item: \(low) to \(high)" + (shorter.isEmpty ? "" : " (\(shorter.joined(separator: "; ")))")
            + "; the form shows what each score of the current item means"
    }

    /// The CIWA-B and CIWA-Ar forms: item scores, moving, the dose gate; the score range, the
    /// anchors and the scale's name differ.
    private static func withdrawalForm(_ scale: ScaleDefinition) -> [KeyBinding] {
        [
            KeyBinding(chars("0123456789"), .score, label: scoreLabel(scale), help: scoreHelp(scale)),
        ] + moving("Go to the item above", "Go to the item below (after the last item: the summary line)") + [
            KeyBinding([.key(.backspace), .key(.delete)], .previousItem, label: "Bksp", inLegend: false,
                       help: "Go back one item to change its score"),
            KeyBinding([.key(.enter)], .save, label: "Enter",
                       help: "On an item: go to the summary line; on the summary line: save the \(scale.name)"),
            KeyBinding([.key(.escape)], .discard, label: "Esc", legend: "leave",
                       help: "Leave the form (asks before throwing away scores)"),
            KeyBinding(chars("y"), .gateYes, label: "y", inLegend: false),
            KeyBinding(chars("nucb"), .gateNo, label: "n", inLegend: false),
            KeyBinding(chars("r"), .observerScale, label: "r", inLegend: false),
        ]
    }

    /// PgUp/PgDn a page and Home/End to the first and last line, on every screen with a list or a
    /// document (out of the legend: the help overlay lists them). `what` names the list.
    private static func paging(_ what: String, first: String, last: String, page: Bool = true) -> [KeyBinding] {
        (page ? [
            KeyBinding([.key(.pageUp)], .pageUp, label: "PgUp", inLegend: false, help: "Previous page of \(what)"),
            KeyBinding([.key(.pageDown)], .pageDown, label: "PgDn", inLegend: false, help: "Next page of \(what)"),
        ] : []) + [
            KeyBinding([.key(.home)], .first, label: "Home", inLegend: false, help: "Go to \(first)"),
            KeyBinding([.key(.end)], .last, label: "End", inLegend: false, help: "Go to \(last)"),
        ]
    }

    private static let quitAsking = "Quit Wardline (asks first if unsaved work exists)"
    private static let eraseTyped = "Delete the last character typed"

    /// The shipped bindings.
    public static let standard = Keymap(
        screens: [
            .signIn: [
                KeyBinding([.key(.enter)], .submit, label: "Enter",
                           help: "Staff ID: go on to the PIN; PIN: sign in"),
                KeyBinding([.key(.tab), .key(.backTab), .key(.down), .key(.up)], .nextField, label: "Tab",
                           help: "Move between Staff ID and PIN"),
                KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp", help: eraseTyped),
                KeyBinding([.key(.escape)], .clearField, label: "Esc",
                           help: "Clear what was typed (when switching user with nothing typed: back to the lock screen)"),
                KeyBinding([.key(.f1)], .help, label: "F1"),
                KeyBinding([.key(.f10)], .quit, label: "F10",
                           help: "Quit Wardline (not while a colleague's unsaved work is kept at this terminal)"),
            ],
            .lock: [
                KeyBinding([.key(.enter)], .unlock, label: "Enter"),
                KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp", help: "Delete the last digit of the PIN"),
                KeyBinding([.key(.escape)], .clearField, label: "Esc", help: "Clear the PIN typed"),
                KeyBinding([.key(.tab), .key(.f2)], .switchUser, label: "Tab"),
                KeyBinding([.key(.f1)], .help, label: "F1"),
            ],
            .wardList: moving("Select the bed above", "Select the bed below") + [
                KeyBinding([.key(.enter), .key(.right)], .open, label: "Enter"),
                KeyBinding(chars("m"), .myPatients, label: "m"),
                KeyBinding(chars("o"), .overview, label: "o"),
                KeyBinding(chars("H"), .openHandover, label: "H"),
                KeyBinding(chars("q"), .quit, label: "q", help: quitAsking),
                KeyBinding(chars("/"), .findPatient, label: "/", inLegend: false),
                KeyBinding(chars("0123456789"), .jumpToBed, label: "0-9", inLegend: false),
            ] + paging("beds", first: "the first bed", last: "the last bed"),
            .overview: moving("Select the bed above", "Select the bed below") + [
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
                KeyBinding(chars("H"), .openHandover, label: "H", inLegend: false),
                KeyBinding([.key(.escape), .key(.left)], .back, label: "Esc", inLegend: false,
                           help: "Go back to the previous screen"),
                KeyBinding(chars("q"), .quit, label: "q", help: quitAsking),
                KeyBinding(chars("/"), .findPatient, label: "/", inLegend: false),
                KeyBinding(chars("0123456789"), .jumpToBed, label: "0-9", inLegend: false),
            ],
            .worklist: moving("Select the task above", "Select the task below") + [
                KeyBinding([.key(.enter), .key(.right)], .open, label: "Enter",
                           help: "Open the selected task's chart (a dose, PRN effect or co-sign: its MAR)"),
                KeyBinding([.key(.escape), .key(.left), .key(.backspace)], .back, label: "Esc",
                           help: "Go back to the previous screen"),
            ] + paging("tasks", first: "the first task", last: "the last task"),
            .textForm: [
                KeyBinding([.key(.enter)], .save, label: "Enter",
                           help: "Save (on a form of several fields: the next field, saving from the last)"),
                KeyBinding([.key(.tab), .key(.down)], .nextField, label: "Tab", help: "Move to the next field"),
                KeyBinding([.key(.backTab), .key(.up)], .previousItem, label: "S-Tab", inLegend: false,
                           help: "Go back to the previous field"),
                KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp", help: eraseTyped),
                KeyBinding([.key(.escape)], .discard, label: "Esc", legend: "leave", help: "Leave without saving"),
            ],
            .picker: moving("Select the line above", "Select the line below") + [
                KeyBinding([.key(.enter)], .save, label: "Enter",
                           help: "Choose the selected line: the nurse assigned, or the bed the patient moves to"),
                KeyBinding([.key(.escape)], .back, label: "Esc", help: "Close the list without choosing"),
            ] + paging("lines", first: "the first line", last: "the last line"),
            .chart: [
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
            ],
            .handover: [
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
            ],
            .handoverEntry: [
                KeyBinding([.key(.enter)], .saveEntry, label: "Enter"),
                KeyBinding([.key(.escape)], .cancelEntry, label: "Esc"),
                KeyBinding([.key(.tab), .key(.backTab)], .cycleLevel, label: "Tab", inLegend: false,
                           help: "Severity: next level (unstable, watcher, stable, or back to the rule)"),
            ] + moving("Note: step up through this shift's notes (newest first) to withdraw one",
                       "Note: step back down (past the oldest: a new note)", keys: false, inLegend: false) + [
                KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp", help: eraseTyped),
                KeyBinding([.key(.f1)], .help, label: "F1"),
                KeyBinding([.key(.f9)], .lock, label: "F9", inLegend: false),
            ],
            .ciwaB: withdrawalForm(.ciwaB),
            .ciwaAr: withdrawalForm(.ciwaAr),
            .vitals: [
                KeyBinding(chars("0123456789.acvpuo"), .fieldChar, label: "0-9",
                           help: "Type the value, or the letter shown for the field"),
                KeyBinding([.key(.enter), .key(.tab), .key(.down)], .fieldNext, label: "Enter",
                           help: "Keep the value, next field (on the summary: save)"),
                KeyBinding([.key(.up), .key(.backTab)], .fieldPrevious, label: "↑"),
                KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp",
                           help: "Delete the last character typed (an empty field: back to the previous field)"),
                KeyBinding(chars("yn"), .fieldChar, label: "y/n", inLegend: false,
                           help: "An unusual value: y it is right, n clear it and type it again"),
                KeyBinding([.key(.escape)], .discard, label: "Esc", legend: "leave",
                           help: "Leave the form (asks before throwing away what was typed)"),
            ],
            .sedation: [
                KeyBinding(chars("-012345s"), .fieldChar, label: "0-4 -1..-5 s",
                           help: "Choose the level: press the key shown beside it (RASS: - first for a minus score)"),
                KeyBinding([.key(.up), .key(.down)], .fieldNext, label: "↑↓", inLegend: false,
                           help: "Choose the level above / below"),
                KeyBinding([.key(.tab)], .switchScale, label: "Tab"),
                KeyBinding([.key(.enter)], .save, label: "Enter", help: "Save the sedation score"),
                KeyBinding([.key(.escape)], .discard, label: "Esc", legend: "leave", help: "Leave without saving"),
            ],
            .exception: [
                KeyBinding(chars("cavs123"), .fieldChar, label: "cavs 1-3",
                           help: "Choose the check not done (c CIWA, a CIWA-Ar, v vital signs, s sedation), "
                               + "then why (1 asleep, 2 refused, 3 off the ward)"),
                KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp",
                           help: "Delete the last character typed (an empty note: back one step)"),
                KeyBinding([.key(.enter)], .save, label: "Enter", help: "Save the note of the check not done"),
                KeyBinding([.key(.escape)], .discard, label: "Esc", legend: "leave",
                           help: "Leave the form (asks before throwing away what was chosen)"),
            ],
            .clinicalEvent: [
                KeyBinding(chars("sd"), .fieldChar, label: "s/d", help: "Choose the event: s seizure, d delirium"),
                KeyBinding([.key(.tab), .key(.backTab)], .nextField, label: "Tab",
                           help: "Move between the note and the time it happened"),
                KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp",
                           help: "Delete the last character typed (an empty field: back one step)"),
                KeyBinding([.key(.enter)], .save, label: "Enter",
                           help: "Save the seizure or delirium record (no time typed: now)"),
                KeyBinding([.key(.escape)], .discard, label: "Esc", legend: "leave",
                           help: "Leave the form (asks before throwing away what was chosen)"),
            ],
            .mar: [
                KeyBinding(chars("g"), .give, label: "g"),
                KeyBinding(chars("h"), .hold, label: "h",
                           help: "Hold the selected dose, with the reason (the taper plan: a prescriber holds the taper at today's step)"),
                KeyBinding(chars("r"), .refuse, label: "r"),
                KeyBinding(chars("o"), .omit, label: "o"),
            ] + moving("Select the line above (the taper plan: scroll up)", "Select the line below (the taper plan: scroll down)")
              + paging("lines (the taper plan: of days)", first: "the first line (the taper plan: its first day)", last: "the last line (the taper plan: its last version)") + [
                KeyBinding(chars("e"), .prnEffect, label: "e", inLegend: false),
                KeyBinding(chars("n"), .newOrder, label: "n"),
                KeyBinding(chars("c"), .changeOrder, label: "c"),
                KeyBinding(chars("K"), .cosignOverride, label: "K"),
                KeyBinding(chars("E"), .amendEntry, label: "E",
                           help: "Amend the selected dose record (entered in error / corrected)"),
                KeyBinding(chars("T"), .taperPlan, label: "T", inLegend: false),
                KeyBinding(chars("s"), .newSedation, label: "s", inLegend: false),
                KeyBinding(chars("v"), .newVitals, label: "v", inLegend: false),
                KeyBinding([.key(.escape), .key(.left), .key(.backspace)], .back, label: "Esc",
                           help: "Go back to the previous screen (the taper plan: close it)"),
            ],
            .marReason: [
                KeyBinding(chars("123456789"), .chooseReason, label: "1-9",
                           help: "Choose the numbered line: the reason, or how well the PRN dose worked"),
                KeyBinding([.key(.escape)], .cancel, label: "Esc"),
            ],
            .marConfirm: [
                KeyBinding([.key(.enter)], .fieldDone, label: "Enter", legend: "OK",
                           help: "Record it as shown (a witness signs first where the protocol needs one)"),
                KeyBinding(chars("w"), .withWastage, label: "w"),
                KeyBinding([.key(.escape)], .cancel, label: "Esc"),
            ],
            .marText: [
                KeyBinding([.key(.enter)], .fieldDone, label: "Enter", legend: "OK",
                           help: "Accept what was typed and go on (a witness: staff ID, then PIN)"),
                KeyBinding([.key(.tab), .key(.backTab)], .nextField, label: "Tab", help: "Move to the next field"),
                KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp", help: eraseTyped),
                KeyBinding([.key(.escape)], .cancel, label: "Esc"),
            ],
            .orderEntry: [
                KeyBinding([.key(.enter)], .fieldDone, label: "Enter", legend: "OK",
                           help: "Next field; once the order is complete: check the preview, then Enter again to sign"),
                KeyBinding([.key(.tab), .key(.down)], .nextField, label: "Tab", help: "Move to the next field"),
                KeyBinding([.key(.backTab), .key(.up)], .previousField, label: "S-Tab", inLegend: false),
                KeyBinding([.ctrl("u")], .clearField, label: "Ctrl-U", help: "Clear this field"),
                KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp", help: eraseTyped),
                KeyBinding([.key(.escape)], .cancel, label: "Esc"),
            ],
            .amend: [
                KeyBinding(chars("12"), .chooseReason, label: "1/2",
                           help: "Choose the change: 1 entered in error, 2 corrected value"),
                KeyBinding([.key(.enter)], .fieldDone, label: "Enter", legend: "OK",
                           help: "Accept the reason typed; then Enter again to save the amendment"),
                KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp", help: eraseTyped),
                KeyBinding([.key(.escape)], .cancel, label: "Esc"),
                KeyBinding([.key(.f1)], .help, label: "F1"),
                KeyBinding([.key(.f9)], .lock, label: "F9", inLegend: false),
            ],
            .confirm: [
                KeyBinding(chars("yY"), .confirmYes, label: "y", help: "Yes: do what the question asks"),
                KeyBinding(chars("nN") + [.key(.escape)], .confirmNo, label: "n", help: "No, go back"),
            ],
            .help: [
                KeyBinding([.key(.escape), .key(.f1), .char("?"), .char("q"), .key(.enter)], .closeHelp, label: "Esc"),
                KeyBinding(chars("t"), .nextTheme, label: "t"),
            ] + moving("Scroll the help up one line", "Scroll the help down one line", inLegend: false) + [
                KeyBinding([.key(.pageUp)], .pageUp, label: "PgUp", inLegend: false, help: "Scroll the help up one page"),
                KeyBinding([.key(.pageDown), .char(" ")], .pageDown, label: "PgDn", inLegend: false,
                           help: "Scroll the help down one page"),
                KeyBinding([.key(.home)], .first, label: "Home", inLegend: false, help: "Go to the top of the help"),
                KeyBinding([.key(.end)], .last, label: "End", inLegend: false, help: "Go to the end of the help"),
            ],
        ],
        globals: [
            KeyBinding([.char("?"), .key(.f1)], .help, label: "?"),
            KeyBinding([.char("L"), .key(.f9)], .lock, label: "L"),
        ])
}
