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
    /// The shipped bindings.
    public static let standard = Keymap(
        screens: Dictionary(uniqueKeysWithValues: KeyContext.allCases.map { ($0, $0.standardBindings) }),
        globals: [
            KeyBinding([.char("?"), .key(.f1)], .help, label: "?"),
            KeyBinding([.char("L"), .key(.f9)], .lock, label: "L"),
        ])
}

extension KeyContext {
    /// The shipped bindings of this context, from the screen that reads them (its folder's
    /// `…Keys.swift`): each binding carries its legend word and help sentence. A new context must
    /// name its bindings here (the switch has no `default:`).
    var standardBindings: [KeyBinding] {
        switch self {
        case .signIn: SignInForm.keys
        case .lock: UnlockForm.keys
        case .wardList: WardListState.keys
        case .overview: OverviewState.keys
        case .site: SiteState.keys
        case .worklist: WorklistState.keys
        case .textForm: TextFields.keys
        case .picker: PickerState.keys
        case .chart: ChartState.keys
        case .handover: HandoverPreviewState.keys
        case .handoverEntry: HandoverEntryForm.keys
        case .ciwaB: WithdrawalScoreForm.keys(.ciwaB)
        case .ciwaAr: WithdrawalScoreForm.keys(.ciwaAr)
        case .vitals: VitalsForm.keys
        case .sedation: SedationForm.keys
        case .exception: ExceptionForm.keys
        case .clinicalEvent: EventForm.keys
        case .mar: MARState.listKeys
        case .marReason: MARState.reasonKeys
        case .marConfirm: MARState.confirmKeys
        case .marText: MARState.textKeys
        case .taperPlan: MARState.taperPlanKeys
        case .orderEntry: OrderEntryForm.keys
        case .amend: AmendForm.keys
        case .confirm: Confirm.keys
        case .help: HelpOverlay.keys
        }
    }
}
