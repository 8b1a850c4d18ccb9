/// A terminal colour as the backend understands it: the terminal's own
/// default, or a palette index (0–15 for the 16 ANSI colours, up to 255).
public enum TerminalColor: Sendable, Hashable, CustomStringConvertible {
    case terminalDefault
    case index(Int)

    /// The ncurses colour number (-1 for the terminal default).
    public var number: Int {
        switch self {
        case .terminalDefault: -1
        case .index(let n): n
        }
    }

    public var description: String {
        switch self {
        case .terminalDefault: "default"
        case .index(let n): "\(n)"
        }
    }
}

/// Text attributes a theme may use. The bits match `Emphasis`.
public struct TextAttributes: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let underline = TextAttributes(rawValue: 2)
    public static let reverse = TextAttributes(rawValue: 4)
    public static let dim = TextAttributes(rawValue: 8)

    public init(_ emphasis: Emphasis) { self.init(rawValue: emphasis.rawValue) }

    /// Names as written in theme files, in a fixed order.
    public static let names: [(String, TextAttributes)] = [
        ("bold", .bold), ("underline", .underline), ("reverse", .reverse), ("dim", .dim),
    ]

    public var description: String {
        let n = Self.names.filter { contains($0.1) }.map(\.0)
        return n.isEmpty ? "none" : n.joined(separator: "+")
    }
}

/// What one role looks like on one colour profile.
public struct Style: Sendable, Hashable {
    public var fg: TerminalColor
    public var bg: TerminalColor
    public var attrs: TextAttributes
    public init(fg: TerminalColor = .terminalDefault, bg: TerminalColor = .terminalDefault, attrs: TextAttributes = []) {
        self.fg = fg; self.bg = bg; self.attrs = attrs
    }
}

/// A colour with a value per colour depth (a theme palette entry).
public struct PaletteColor: Sendable, Hashable {
    public var c256: TerminalColor
    public var c16: TerminalColor
    public init(c256: TerminalColor, c16: TerminalColor) { self.c256 = c256; self.c16 = c16 }
    public static let terminalDefault = PaletteColor(c256: .terminalDefault, c16: .terminalDefault)
}

/// One role's style on every profile: colours with attributes, and the
/// attributes alone for monochrome.
public struct RoleStyle: Sendable, Hashable {
    public var fg: PaletteColor
    public var bg: PaletteColor
    public var attrs: TextAttributes
    public var mono: TextAttributes
    public init(fg: PaletteColor = .terminalDefault, bg: PaletteColor = .terminalDefault,
                attrs: TextAttributes = [], mono: TextAttributes = []) {
        self.fg = fg; self.bg = bg; self.attrs = attrs; self.mono = mono
    }
}
