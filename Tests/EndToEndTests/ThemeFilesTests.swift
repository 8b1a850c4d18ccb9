import Foundation
import Testing
import WardUI
@testable import wardline

/// The executable finds and reads theme files (WardUI only parses the text it is handed).
@Suite struct ThemeFilesTests {
    @Test func resolveFindsShippedNamesPathsAndUserThemes() throws {
        #expect(try ThemeFiles.resolve(nameOrPath: nil, environment: [:]).name == "default")
        #expect(try ThemeFiles.resolve(nameOrPath: "monochrome", environment: [:]).monochromeOnly)
        #expect(try ThemeFiles.resolve(nameOrPath: nil, environment: ["WARDLINE_THEME": "monochrome"]).monochromeOnly)

        let dir = Paths.tempDir("theme-files")
        defer { try? FileManager.default.removeItem(at: dir) }
        let themes = dir.appendingPathComponent("wardline/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        let file = themes.appendingPathComponent("ward7.toml")
        try "inherits = \"default\"\n[roles.title]\nfg = \"blue\"\n".write(to: file, atomically: true, encoding: .utf8)

        let byPath = try ThemeFiles.resolve(nameOrPath: file.path, environment: [:])
        #expect(byPath.name == "ward7")
        #expect(byPath.style(for: .title, profile: .c16).fg == .index(4))
        let byName = try ThemeFiles.resolve(nameOrPath: "ward7", environment: ["XDG_CONFIG_HOME": dir.path])
        #expect(byName == byPath)
        let byTilde = try ThemeFiles.resolve(nameOrPath: "~/wardline/themes/ward7.toml", environment: ["HOME": dir.path])
        #expect(byTilde == byPath)

        #expect(throws: ThemeError.self) { try ThemeFiles.resolve(nameOrPath: "nosuch", environment: ["HOME": dir.path]) }
        do {
            _ = try ThemeFiles.resolve(nameOrPath: dir.path + "/missing.toml", environment: [:])
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "\(dir.path)/missing.toml: no such theme file")
        }
    }

    @Test func aFileThatIsNotUTF8OrNotAThemeIsRefusedWithItsPath() throws {
        let dir = Paths.tempDir("theme-files")
        defer { try? FileManager.default.removeItem(at: dir) }
        let binary = dir.appendingPathComponent("bin.toml")
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: binary)
        #expect(throws: ThemeError(file: binary.path, "the theme file is not UTF-8 text")) {
            try ThemeFiles.load(path: binary.path)
        }
        let wrong = dir.appendingPathComponent("wrong.toml")
        try "inherits = \"default\"\n[roles.title]\nfg = \"purpel\"\n".write(to: wrong, atomically: true, encoding: .utf8)
        do {
            _ = try ThemeFiles.load(path: wrong.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("\(wrong.path):3: roles.title.fg: unknown colour 'purpel'"))
        }
    }
}
