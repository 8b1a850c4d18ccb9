/// How many colours the terminal can show, as far as the theme cares.
public enum ColorProfile: String, Sendable, Hashable, CaseIterable {
    case c256
    case c16
    case mono

    /// The profile for a terminal: `NO_COLOR` set and non-empty forces
    /// monochrome (no-color.org), as does a terminal without colours.
    public static func detect(hasColors: Bool, colors: Int, environment: [String: String]) -> ColorProfile {
        if noColorRequested(environment) { return .mono }
        guard hasColors else { return .mono }
        if colors >= 256 { return .c256 }
        if colors >= 8 { return .c16 }
        return .mono
    }

    /// True when `NO_COLOR` is present and not empty.
    public static func noColorRequested(_ environment: [String: String]) -> Bool {
        if let v = environment["NO_COLOR"], !v.isEmpty { return true }
        return false
    }
}
