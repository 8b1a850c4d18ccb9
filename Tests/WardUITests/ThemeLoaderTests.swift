import Foundation
import Testing
import WardUI

@Suite struct ThemeLoaderTests {
    func problems(_ text: String) -> [ThemeProblem] {
        do {
            _ = try ThemeLoader.parse(text, file: "t.toml")
            return []
        } catch {
            return error.problems
        }
    }

    @Test(arguments: ThemeLoader.builtinNames)
    func shippedThemesLoadAndStyleEveryAlarmWithoutColour(name: String) throws {
        let theme = try #require(ThemeLoader.builtin(name))
        for role in SemanticRole.needsMonochromeStyle {
            #expect(!theme.style(for: role, profile: .mono).attrs.isEmpty, "\(role.rawValue)")
        }
        let looks = SemanticRole.mustDifferInMonochrome.map { theme.style(for: $0, profile: .mono).attrs }
        #expect(Set(looks).count == looks.count)
        #expect(!looks.contains(theme.style(for: .text, profile: .mono).attrs))
    }

    @Test func shippedFilesAreTheTopLevelThemesFolder() throws {
        // themes/ is a symlink to Sources/WardUI/Themes: one copy of each file.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        for name in ThemeLoader.builtinNames {
            let text = try String(contentsOf: root.appendingPathComponent("themes/\(name).toml"), encoding: .utf8)
            #expect(text == ThemeLoader.builtinSource(name))
        }
    }

    @Test func defaultThemeGivesColoursPerProfile() throws {
        let t = Theme.standard
        let c256 = t.style(for: .alertCritical, profile: .c256)
        let c16 = t.style(for: .alertCritical, profile: .c16)
        #expect(c256.bg == .index(160))
        #expect(c16.bg == .index(1))
        #expect(c256.attrs.contains(.bold))
        #expect(t.style(for: .text, profile: .c256) == Style())
    }

    @Test func aGoodFileWithPaletteAndInheritance() throws {
        let theme = try ThemeLoader.parse("""
            name = "night"
            inherits = "default"
            [palette]
            plum = { c256 = 96, c16 = "magenta" }
            [roles.title]
            fg = "plum"
            bg = "default"
            attrs = ["bold", "underline"]
            [roles."alert.critical"]
            fg = "bright-white"
            bg = "plum"
            mono = ["reverse", "bold"]
            """, file: "night.toml")
        #expect(theme.name == "night")
        #expect(theme.style(for: .title, profile: .c256) == Style(fg: .index(96), attrs: [.bold, .underline]))
        #expect(theme.style(for: .title, profile: .c16).fg == .index(5))
        #expect(theme.style(for: .title, profile: .mono).attrs == [.bold, .underline])   // mono defaults to attrs
        #expect(theme.style(for: .alertCritical, profile: .c16) == Style(fg: .index(15), bg: .index(5)))
        // Inherited unchanged from the default theme:
        #expect(theme.style(for: .doseOverdue, profile: .c256) == Theme.standard.style(for: .doseOverdue, profile: .c256))
    }

    @Test func unknownRoleNamesKeyAndLine() {
        let p = problems("""
            inherits = "default"
            [roles.text]
            fg = "default"

            [roles."alert.critcal"]
            mono = ["bold"]
            """)
        #expect(p.count == 1)
        #expect(p.first?.keyPath == "roles.\"alert.critcal\"")
        #expect(p.first?.line == 5)
        #expect(p.first?.message.contains("unknown role 'alert.critcal'") == true)
    }

    @Test func unknownColourNamesKeyAndLine() {
        let p = problems("""
            inherits = "default"
            [roles.title]
            fg = "purpel"
            """)
        #expect(p.map(\.keyPath) == ["roles.title.fg"])
        #expect(p.first?.line == 3)
        #expect(p.first?.message.contains("unknown colour 'purpel'") == true)
    }

    @Test func paletteColourOutOfRange() {
        let p = problems("""
            inherits = "default"
            [palette]
            x = { c256 = 300, c16 = "red" }
            y = { c256 = 1, c16 = 9 }
            """)
        #expect(p.map(\.keyPath) == ["palette.x.c256"])
        #expect(p.first?.line == 3)
    }

    @Test func badAttributeNamesKeyAndLine() {
        let p = problems("""
            inherits = "default"
            [roles."alert.warning"]
            attrs = ["bold"]
            mono = ["bold", "blink"]
            """)
        #expect(p.map(\.keyPath) == ["roles.\"alert.warning\".mono"])
        #expect(p.first?.line == 4)
        #expect(p.first?.message.contains("bad attribute 'blink'") == true)
    }

    @Test func alarmRoleWithoutMonoStyleIsRefused() {
        let p = problems("""
            inherits = "default"
            [roles."dose.overdue"]
            fg = "red"
            """)
        #expect(p.map(\.keyPath) == ["roles.\"dose.overdue\".mono"])
        #expect(p.first?.line == 2)
    }

    @Test func aThemeWithoutParentMustStyleEveryAlarmRole() {
        let p = problems("""
            [roles.text]
            fg = "default"
            """)
        let expected = SemanticRole.needsMonochromeStyle.map { r in
            r.rawValue.contains(".") ? "roles.\"\(r.rawValue)\"" : "roles.\(r.rawValue)"
        }
        #expect(Set(p.map(\.keyPath)) == Set(expected))
        #expect(p.count == expected.count)
    }

    @Test func alarmsThatLookAlikeInMonochromeAreRefused() {
        let p = problems("""
            inherits = "default"
            [roles."alert.warning"]
            mono = ["reverse", "bold"]
            """)
        #expect(p.map(\.keyPath) == ["roles.\"alert.warning\".mono"])
        #expect(p.first?.line == 3)
        #expect(p.first?.message.contains("alert.critical") == true)
    }

    @Test func unknownKeysAndSyntaxErrorsAreReportedWithLines() {
        #expect(problems("inherits = \"default\"\ncolour = 3\n").map(\.line) == [2])
        #expect(problems("inherits = \"default\"\n[roles.text]\nfg = \"red\"\nblink = true\n").map(\.keyPath)
                == ["roles.text.blink"])
        let syntax = problems("inherits = \"default\"\n[roles.text\n")
        #expect(syntax.first?.line == 2)
        #expect(problems("inherits = \"solarized\"\n").map(\.keyPath) == ["inherits"])
    }

    @Test func errorMessageNamesFileLineAndKey() {
        do {
            _ = try ThemeLoader.parse("inherits = \"default\"\n[roles.title]\nfg = \"purpel\"\n", file: "/etc/w/night.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("/etc/w/night.toml:3: roles.title.fg: unknown colour 'purpel'"))
        }
    }

    @Test func noColorSetAndNonEmptyForcesMonochrome() {
        #expect(ColorProfile.detect(hasColors: true, colors: 256, environment: ["NO_COLOR": "1"]) == .mono)
        #expect(ColorProfile.detect(hasColors: true, colors: 256, environment: ["NO_COLOR": ""]) == .c256)
        #expect(ColorProfile.detect(hasColors: true, colors: 256, environment: [:]) == .c256)
        #expect(ColorProfile.detect(hasColors: true, colors: 8, environment: [:]) == .c16)
        #expect(ColorProfile.detect(hasColors: false, colors: 0, environment: [:]) == .mono)
    }
}
