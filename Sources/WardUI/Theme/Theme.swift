/// A colour theme: a style for every semantic role on 256-colour,
/// 16-colour and monochrome terminals. Built from a TOML file by
/// `ThemeLoader`; the shipped themes are compiled in.
public struct Theme: Sendable, Hashable {
    public var name: String
    /// A theme that never uses colour (the monochrome theme): every
    /// profile resolves to the monochrome attributes.
    public var monochromeOnly: Bool
    public var roles: [SemanticRole: RoleStyle]

    public init(name: String, monochromeOnly: Bool = false, roles: [SemanticRole: RoleStyle]) {
        self.name = name; self.monochromeOnly = monochromeOnly; self.roles = roles
    }

    /// The style of `role` on `profile`. A role the theme leaves out looks
    /// like `text` (the loader refuses themes that leave out an alarm role).
    public func style(for role: SemanticRole, profile: ColorProfile) -> Style {
        let r = roles[role] ?? roles[.text] ?? RoleStyle()
        switch monochromeOnly ? .mono : profile {
        case .mono: return Style(attrs: r.mono)
        case .c256: return Style(fg: r.fg.c256, bg: r.bg.c256, attrs: r.attrs)
        case .c16: return Style(fg: r.fg.c16, bg: r.bg.c16, attrs: r.attrs)
        }
    }

    /// The built-in default theme (compiled in from Themes/default.toml).
    public static let standard: Theme = ThemeLoader.builtin("default")!
}

extension SemanticRole {
    /// Roles that carry a warning or a state a nurse must notice: a theme
    /// must give each of them a monochrome style (attributes, not colour).
    public static let needsMonochromeStyle: [SemanticRole] = [
        .selection, .alertCritical, .alertWarning, .scoreModerate, .scoreSevere,
        .doseDue, .doseOverdue, .fieldInvalid, .error, .stale,
    ]

    /// Roles that must look different from each other (and from plain text)
    /// in monochrome, so no meaning rests on colour alone.
    public static let mustDifferInMonochrome: [SemanticRole] = [
        .alertCritical, .alertWarning, .scoreSevere, .doseOverdue, .selection,
    ]
}
