import WardCore
/// One binding: the keys, the action, and how the keys are written for people.
public struct KeyBinding: Sendable, Hashable {
    public var keys: [InputEvent]
    public var action: Action
    /// The keys as the legend writes them, e.g. "↑↓", "0-4", "Ctrl-L/L".
    public var label: String
    /// Shown in the status-line legend (everything is in the help overlay).
    public var inLegend: Bool

    public init(_ keys: [InputEvent], _ action: Action, label: String, inLegend: Bool = true) {
        self.keys = keys; self.action = action; self.label = label; self.inLegend = inLegend
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
            if let i = out.firstIndex(where: { $0.words == b.action.legend }) {
                out[i].keys += b.label
            } else {
                out.append((b.label, b.action.legend))
            }
        }
        return out
    }

    /// Help lines ("keys", "what it does") for the overlay.
    public func helpLines(in context: KeyContext) -> [(keys: String, help: String)] {
        bindings(in: context).map { ($0.allKeysLabel, $0.action.help) }
    }
}

extension Keymap {
    private static func chars(_ s: String) -> [InputEvent] { s.map { InputEvent.char($0) } }

    /// The CIWA-B and CIWA-Ar forms: item scores, moving, the dose gate; only the score range differs.
    private static func withdrawalForm(scoreLabel: String) -> [KeyBinding] {
        [
            KeyBinding(chars("0123456789"), .score, label: scoreLabel),
            KeyBinding([.key(.up), .char("k")], .moveUp, label: "↑"),
            KeyBinding([.key(.down), .char("j")], .moveDown, label: "↓"),
            KeyBinding([.key(.backspace), .key(.delete)], .previousItem, label: "Bksp", inLegend: false),
            KeyBinding([.key(.enter)], .save, label: "Enter"),
            KeyBinding([.key(.escape)], .discard, label: "Esc"),
            KeyBinding(chars("y"), .gateYes, label: "y", inLegend: false),
            KeyBinding(chars("nucb"), .gateNo, label: "n", inLegend: false),
            KeyBinding(chars("r"), .observerScale, label: "r", inLegend: false),
        ]
    }

    /// The shipped bindings.
    public static let standard = Keymap(
        screens: [
            .signIn: [
                KeyBinding([.key(.enter)], .submit, label: "Enter"),
                KeyBinding([.key(.tab), .key(.backTab), .key(.down), .key(.up)], .nextField, label: "Tab"),
                KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp"),
                KeyBinding([.key(.escape)], .clearField, label: "Esc"),
                KeyBinding([.key(.f1)], .help, label: "F1"),
                KeyBinding([.key(.f10)], .quit, label: "F10"),
            ],
            .lock: [
                KeyBinding([.key(.enter)], .unlock, label: "Enter"),
                KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp"),
                KeyBinding([.key(.escape)], .clearField, label: "Esc"),
                KeyBinding([.key(.tab), .key(.f2)], .switchUser, label: "Tab"),
                KeyBinding([.key(.f1)], .help, label: "F1"),
            ],
            .wardList: [
                KeyBinding([.key(.up), .char("k")], .moveUp, label: "↑"),
                KeyBinding([.key(.down), .char("j")], .moveDown, label: "↓"),
                KeyBinding([.key(.enter), .key(.right)], .open, label: "Enter"),
                KeyBinding(chars("m"), .myPatients, label: "m"),
                KeyBinding(chars("o"), .overview, label: "o"),
                KeyBinding(chars("H"), .openHandover, label: "H"),
                KeyBinding(chars("q"), .quit, label: "q"),
                KeyBinding(chars("/"), .findPatient, label: "/", inLegend: false),
                KeyBinding(chars("0123456789"), .jumpToBed, label: "0-9", inLegend: false),
            ],
            .overview: [
                KeyBinding([.key(.up), .char("k")], .moveUp, label: "↑"),
                KeyBinding([.key(.down), .char("j")], .moveDown, label: "↓"),
                KeyBinding([.key(.pageUp)], .pageUp, label: "PgUp", inLegend: false),
                KeyBinding([.key(.pageDown), .char(" ")], .pageDown, label: "PgDn", inLegend: false),
                KeyBinding([.key(.enter), .key(.right)], .open, label: "Enter"),
                KeyBinding(chars("a"), .acknowledge, label: "a"),
                KeyBinding(chars("e"), .escalate, label: "e"),
                KeyBinding(chars("s"), .cycleSort, label: "s"),
                KeyBinding(chars("f"), .cycleFilter, label: "f"),
                KeyBinding(chars("m"), .myPatients, label: "m"),
                KeyBinding(chars("A"), .admit, label: "A"),
                KeyBinding(chars("n"), .assignNurse, label: "n"),
                KeyBinding(chars("t"), .transfer, label: "t"),
                KeyBinding(chars("D"), .discharge, label: "D"),
                KeyBinding([.key(.escape), .key(.left)], .back, label: "Esc", inLegend: false),
                KeyBinding(chars("q"), .quit, label: "q"),
                KeyBinding(chars("/"), .findPatient, label: "/", inLegend: false),
                KeyBinding(chars("0123456789"), .jumpToBed, label: "0-9", inLegend: false),
            ],
            .worklist: [
                KeyBinding([.key(.up), .char("k")], .moveUp, label: "↑"),
                KeyBinding([.key(.down), .char("j")], .moveDown, label: "↓"),
                KeyBinding([.key(.enter), .key(.right)], .open, label: "Enter"),
                KeyBinding([.key(.escape), .key(.left), .key(.backspace)], .back, label: "Esc"),
            ],
            .textForm: [
                KeyBinding([.key(.enter)], .save, label: "Enter"),
                KeyBinding([.key(.tab), .key(.down)], .nextField, label: "Tab"),
                KeyBinding([.key(.backTab), .key(.up)], .previousItem, label: "S-Tab", inLegend: false),
                KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp"),
                KeyBinding([.key(.escape)], .discard, label: "Esc"),
            ],
            .picker: [
                KeyBinding([.key(.up), .char("k")], .moveUp, label: "↑"),
                KeyBinding([.key(.down), .char("j")], .moveDown, label: "↓"),
                KeyBinding([.key(.enter)], .save, label: "Enter"),
                KeyBinding([.key(.escape)], .back, label: "Esc"),
            ],
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
                KeyBinding(chars("e"), .amendEntry, label: "e", inLegend: false),
                KeyBinding([.key(.up), .char("k")], .moveUp, label: "↑", inLegend: false),
                KeyBinding([.key(.down), .char("j")], .moveDown, label: "↓", inLegend: false),
                KeyBinding([.key(.escape), .key(.left), .key(.backspace)], .back, label: "Esc", inLegend: false),
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
                KeyBinding([.key(.up), .char("k")], .moveUp, label: "↑", inLegend: false),
                KeyBinding([.key(.down), .char("j")], .moveDown, label: "↓", inLegend: false),
                KeyBinding([.key(.pageUp)], .pageUp, label: "PgUp", inLegend: false),
                KeyBinding([.key(.pageDown), .char(" ")], .pageDown, label: "PgDn", inLegend: false),
                KeyBinding([.key(.escape), .key(.left)], .back, label: "Esc"),
            ],
            .handoverEntry: [
                KeyBinding([.key(.enter)], .saveEntry, label: "Enter"),
                KeyBinding([.key(.escape)], .cancelEntry, label: "Esc"),
                KeyBinding([.key(.tab), .key(.backTab)], .cycleLevel, label: "Tab", inLegend: false),
                KeyBinding([.key(.up)], .moveUp, label: "↑", inLegend: false),
                KeyBinding([.key(.down)], .moveDown, label: "↓", inLegend: false),
                KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp"),
                KeyBinding([.key(.f1)], .help, label: "F1"),
                KeyBinding([.key(.f9)], .lock, label: "F9", inLegend: false),
            ],
            .ciwaB: withdrawalForm(scoreLabel: "0-4"),
            .ciwaAr: withdrawalForm(scoreLabel: "0-7"),
            .vitals: [
                KeyBinding(chars("0123456789.acvpuo"), .fieldChar, label: "0-9"),
                KeyBinding([.key(.enter), .key(.tab), .key(.down)], .fieldNext, label: "Enter"),
                KeyBinding([.key(.up), .key(.backTab)], .fieldPrevious, label: "↑"),
                KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp"),
                KeyBinding(chars("yn"), .fieldChar, label: "y/n", inLegend: false),
                KeyBinding([.key(.escape)], .discard, label: "Esc"),
            ],
            .sedation: [
                KeyBinding(chars("-012345s"), .fieldChar, label: "0-4 -1..-5 s"),
                KeyBinding([.key(.up), .key(.down)], .fieldNext, label: "↑↓", inLegend: false),
                KeyBinding([.key(.tab)], .switchScale, label: "Tab"),
                KeyBinding([.key(.enter)], .save, label: "Enter"),
                KeyBinding([.key(.escape)], .discard, label: "Esc"),
            ],
            .exception: [
                KeyBinding(chars("cavs123"), .fieldChar, label: "cavs 1-3"),
                KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp"),
                KeyBinding([.key(.enter)], .save, label: "Enter"),
                KeyBinding([.key(.escape)], .discard, label: "Esc"),
            ],
            .clinicalEvent: [
                KeyBinding(chars("sd"), .fieldChar, label: "s/d"),
                KeyBinding([.key(.tab), .key(.backTab)], .nextField, label: "Tab"),
                KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp"),
                KeyBinding([.key(.enter)], .save, label: "Enter"),
                KeyBinding([.key(.escape)], .discard, label: "Esc"),
            ],
            .mar: [
                KeyBinding(chars("g"), .give, label: "g"),
                KeyBinding(chars("h"), .hold, label: "h"),
                KeyBinding(chars("r"), .refuse, label: "r"),
                KeyBinding(chars("o"), .omit, label: "o"),
                KeyBinding([.key(.up), .char("k")], .moveUp, label: "↑"),
                KeyBinding([.key(.down), .char("j")], .moveDown, label: "↓"),
                KeyBinding(chars("e"), .prnEffect, label: "e", inLegend: false),
                KeyBinding(chars("n"), .newOrder, label: "n"),
                KeyBinding(chars("c"), .changeOrder, label: "c"),
                KeyBinding(chars("K"), .cosignOverride, label: "K"),
                KeyBinding(chars("E"), .amendEntry, label: "E"),
                KeyBinding(chars("T"), .taperPlan, label: "T", inLegend: false),
                KeyBinding([.key(.pageUp)], .pageUp, label: "PgUp", inLegend: false),
                KeyBinding([.key(.pageDown)], .pageDown, label: "PgDn", inLegend: false),
                KeyBinding(chars("s"), .newSedation, label: "s", inLegend: false),
                KeyBinding(chars("v"), .newVitals, label: "v", inLegend: false),
                KeyBinding([.key(.escape), .key(.left), .key(.backspace)], .back, label: "Esc"),
            ],
            .marReason: [
                KeyBinding(chars("123456789"), .chooseReason, label: "1-9"),
                KeyBinding([.key(.escape)], .cancel, label: "Esc"),
            ],
            .marConfirm: [
                KeyBinding([.key(.enter)], .fieldDone, label: "Enter"),
                KeyBinding(chars("w"), .withWastage, label: "w"),
                KeyBinding([.key(.escape)], .cancel, label: "Esc"),
            ],
            .marText: [
                KeyBinding([.key(.enter)], .fieldDone, label: "Enter"),
                KeyBinding([.key(.tab), .key(.backTab)], .nextField, label: "Tab"),
                KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp"),
                KeyBinding([.key(.escape)], .cancel, label: "Esc"),
            ],
            .orderEntry: [
                KeyBinding([.key(.enter)], .fieldDone, label: "Enter"),
                KeyBinding([.key(.tab), .key(.down)], .nextField, label: "Tab"),
                KeyBinding([.key(.backTab), .key(.up)], .previousField, label: "S-Tab", inLegend: false),
                KeyBinding([.ctrl("u")], .clearField, label: "Ctrl-U"),
                KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp"),
                KeyBinding([.key(.escape)], .cancel, label: "Esc"),
            ],
            .amend: [
                KeyBinding(chars("12"), .chooseReason, label: "1/2"),
                KeyBinding([.key(.enter)], .fieldDone, label: "Enter"),
                KeyBinding([.key(.backspace), .key(.delete)], .erase, label: "Bksp"),
                KeyBinding([.key(.escape)], .cancel, label: "Esc"),
                KeyBinding([.key(.f1)], .help, label: "F1"),
                KeyBinding([.key(.f9)], .lock, label: "F9", inLegend: false),
            ],
            .confirm: [
                KeyBinding(chars("yY"), .confirmYes, label: "y"),
                KeyBinding(chars("nN") + [.key(.escape)], .confirmNo, label: "n"),
            ],
            .help: [
                KeyBinding([.key(.escape), .key(.f1), .char("?"), .char("q"), .key(.enter)], .closeHelp, label: "Esc"),
                KeyBinding(chars("t"), .nextTheme, label: "t"),
                KeyBinding([.key(.up), .char("k")], .moveUp, label: "↑", inLegend: false),
                KeyBinding([.key(.down), .char("j")], .moveDown, label: "↓", inLegend: false),
                KeyBinding([.key(.pageUp)], .pageUp, label: "PgUp", inLegend: false),
                KeyBinding([.key(.pageDown), .char(" ")], .pageDown, label: "PgDn", inLegend: false),
            ],
        ],
        globals: [
            KeyBinding([.char("?"), .key(.f1)], .help, label: "?"),
            KeyBinding([.char("L"), .key(.f9)], .lock, label: "L"),
        ])
}
