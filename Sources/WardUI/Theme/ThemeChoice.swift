/// Which theme this terminal shows, and the shipped themes `t` on the help
/// screen steps through. The executable draws the change and remembers it
/// for this terminal, then answers with `.themeApplied`.
public struct ThemeChoice: Sendable, Hashable {
    /// The theme on screen now (a shipped name, or the name of one's own theme file).
    public var current: String
    public var names: [String]
    /// After a change: nil when it was remembered, else why not.
    public var notRemembered: String?
    /// True once a change was made on this run (the help line says whether it was remembered).
    public var changed: Bool

    public init(current: String = "default", names: [String] = ThemeLoader.builtinNames) {
        self.current = current; self.names = names; self.notRemembered = nil; self.changed = false
    }

    /// The theme after `current`; the first shipped one after a theme of one's own.
    public var next: String {
        guard let i = names.firstIndex(of: current) else { return names.first ?? current }
        return names[(i + 1) % names.count]
    }

    /// The help screen's line for its theme key (short: it fits beside the sign-in keys at 80 columns;
    /// a reason for not remembering comes last, and is in the log whole).
    public var helpLine: String {
        guard changed else { return "Theme: \(current); next \(next)" }
        guard let notRemembered else { return "Theme: \(current) (remembered); next \(next)" }
        return "Theme: \(current); next \(next); not remembered: \(notRemembered)"
    }
}
