import Foundation
import Testing
import WardUI

/// The colour depths a theme is drawn in: 256 and 16 colours (the theme's own
/// values) and an 8-colour terminal (TERM=xterm), where WardTerminal folds the
/// bright colours 8–15 onto 0–7 (a bright foreground also gets bold, which a
/// terminal may or may not draw brighter: the checks assume it does not).
enum ColourDepth: String, CaseIterable, Sendable, CustomStringConvertible {
    case c256, c16, c8

    var description: String { rawValue }

    func style(_ theme: Theme, _ role: SemanticRole) -> Style {
        switch self {
        case .c256: return theme.style(for: role, profile: .c256)
        case .c16: return theme.style(for: role, profile: .c16)
        case .c8:
            var s = theme.style(for: role, profile: .c16)
            s.fg = Self.fold(s.fg); s.bg = Self.fold(s.bg)
            return s
        }
    }

    static func fold(_ c: TerminalColor) -> TerminalColor {
        if case .index(let n) = c, (8..<16).contains(n) { return .index(n - 8) }
        return c
    }

    /// The colour xterm shows, or nil for the terminal's own default.
    static func rgb(_ c: TerminalColor) -> RGB? {
        if case .index(let n) = c { return XtermPalette.rgb(n) }
        return nil
    }
}

/// Issue 17 item 10: every foreground and background pair a theme uses,
/// resolved to the xterm palette, meets a WCAG 2.x contrast floor:
/// high-contrast 7:1 (AAA), night and colour-blind-safe 4.5:1 (AA).
@Suite struct ThemeContrastTests {
    struct Floor: Sendable, CustomStringConvertible {
        var theme: String
        var ratio: Double
        var description: String { "\(theme) ≥ \(ratio):1" }
    }

    /// The themes that name every colour they draw (no terminal default), and their floors.
    static let floors = [
        Floor(theme: "high-contrast", ratio: 7),
        Floor(theme: "night", ratio: 4.5),
        Floor(theme: "colour-blind-safe", ratio: 4.5),
    ]

    /// Night: no colour on a 256-colour terminal brighter than this relative
    /// luminance (white is 1.0, the default theme's white 0.86), on a black ground.
    static let nightBrightest = 0.30

    func theme(_ name: String) throws -> Theme { try #require(ThemeLoader.builtin(name), "\(name) is not shipped") }

    @Test(arguments: floors, ColourDepth.allCases)
    func everyRolesTextAndBackgroundMeetTheFloor(_ floor: Floor, _ depth: ColourDepth) throws {
        let t = try theme(floor.theme)
        for role in SemanticRole.allCases {
            let s = depth.style(t, role)
            guard let fg = ColourDepth.rgb(s.fg), let bg = ColourDepth.rgb(s.bg) else {
                Issue.record("\(role.rawValue): uses the terminal's own colour (\(s.fg) on \(s.bg)); a checked theme names both")
                continue
            }
            // Dim text is drawn at a brightness each terminal chooses: its contrast cannot be known.
            #expect(!s.attrs.contains(.dim), "\(role.rawValue): dim in colour")
            let ratio = WCAG.ratio(fg, bg)
            #expect(ratio >= floor.ratio,
                    "\(role.rawValue): \(fg) on \(bg) is \(String(format: "%.2f", ratio)):1, below \(floor.ratio):1")
        }
    }

    @Test func nightIsDimOn256ColoursOnABlackGround() throws {
        let t = try theme("night")
        let ground = try #require(ColourDepth.rgb(t.style(for: .text, profile: .c256).bg))
        #expect(WCAG.luminance(ground) == 0)
        for role in SemanticRole.allCases {
            let s = t.style(for: role, profile: .c256)
            for c in [s.fg, s.bg].compactMap(ColourDepth.rgb) {
                #expect(WCAG.luminance(c) <= Self.nightBrightest,
                        "\(role.rawValue): \(c) has luminance \(String(format: "%.3f", WCAG.luminance(c)))")
            }
        }
    }

    /// The colour that marks a role: its background when it is a filled block, else its text.
    func mark(_ t: Theme, _ role: SemanticRole, _ depth: ColourDepth) throws -> RGB {
        let s = depth.style(t, role), ground = depth.style(t, .text).bg
        return try #require(ColourDepth.rgb(s.bg != ground ? s.bg : s.fg))
    }

    /// Roles that must look different from each other without red–green vision.
    static let ladders: [[SemanticRole]] = [
        [.alertCritical, .alertWarning, .scoreMild],
        [.scoreSevere, .scoreModerate, .scoreMild],
        [.doseOverdue, .doseDue, .doseGiven],
    ]
    static let apart = 35.0

    @Test(arguments: ColourDepth.allCases)
    func colourBlindSafeKeepsCriticalWarningAndFineApartForEveryDichromacy(_ depth: ColourDepth) throws {
        let t = try theme("colour-blind-safe")
        for ladder in Self.ladders {
            for (i, a) in ladder.enumerated() {
                for b in ladder[(i + 1)...] {
                    let ca = try mark(t, a, depth), cb = try mark(t, b, depth)
                    for eye in [ColourVision.protanopia, .deuteranopia, .tritanopia] {
                        let d = eye.difference(ca, cb)
                        #expect(d >= Self.apart, "\(a.rawValue) \(ca) vs \(b.rawValue) \(cb) for \(eye): ΔE \(Int(d))")
                    }
                }
            }
        }
    }

    /// The check above would catch a red-against-green palette: the default
    /// theme's critical red and mild green are far apart for normal vision only.
    @Test func theDichromacyCheckCatchesTheDefaultThemesRedAgainstGreen() throws {
        let t = Theme.standard
        let critical = try mark(t, .alertCritical, .c256), mild = try mark(t, .scoreMild, .c256)
        #expect(ColourVision.normal.difference(critical, mild) > 100)
        #expect(ColourVision.deuteranopia.difference(critical, mild) < Self.apart)
    }

    /// The default theme draws most text in the terminal's own colours (whose
    /// contrast is the terminal's); every pair it names both colours of meets 4.5:1.
    @Test(arguments: ColourDepth.allCases)
    func defaultThemesOwnPairsMeetAA(_ depth: ColourDepth) {
        var checked = 0
        for role in SemanticRole.allCases {
            let s = depth.style(.standard, role)
            guard let fg = ColourDepth.rgb(s.fg), let bg = ColourDepth.rgb(s.bg) else { continue }
            checked += 1
            let ratio = WCAG.ratio(fg, bg)
            #expect(ratio >= 4.5, "\(role.rawValue): \(fg) on \(bg) is \(String(format: "%.2f", ratio)):1")
        }
        #expect(checked >= 8)
    }

    /// Monochrome names no colour at all: text is the terminal's own, on its own background.
    @Test(arguments: ColorProfile.allCases)
    func monochromeUsesOnlyTheTerminalsOwnColours(_ profile: ColorProfile) throws {
        let t = try theme("monochrome")
        for role in SemanticRole.allCases {
            let s = t.style(for: role, profile: profile)
            #expect(s.fg == .terminalDefault && s.bg == .terminalDefault, "\(role.rawValue)")
        }
    }

    @Test func wcagArithmeticAndTheXtermPalette() {
        #expect(XtermPalette.rgb(16) == RGB(r: 0, g: 0, b: 0))
        #expect(XtermPalette.rgb(231) == RGB(r: 255, g: 255, b: 255))
        #expect(XtermPalette.rgb(196) == RGB(r: 255, g: 0, b: 0))
        #expect(XtermPalette.rgb(137) == RGB(r: 175, g: 135, b: 95))
        #expect(XtermPalette.rgb(232) == RGB(r: 8, g: 8, b: 8))
        #expect(XtermPalette.rgb(255) == RGB(r: 238, g: 238, b: 238))
        #expect(XtermPalette.rgb(9) == RGB(r: 255, g: 0, b: 0))
        #expect(WCAG.ratio(XtermPalette.rgb(231), XtermPalette.rgb(16)) == 21)
        #expect(WCAG.ratio(XtermPalette.rgb(244), XtermPalette.rgb(244)) == 1)
        #expect(abs(WCAG.luminance(XtermPalette.rgb(196)) - 0.2126) < 1e-12)
        // The textbook case: #777777 on white is just under AA.
        #expect(abs(WCAG.ratio(RGB(r: 0x77, g: 0x77, b: 0x77), RGB(r: 255, g: 255, b: 255)) - 4.48) < 0.005)
    }
}
