import Foundation
import Testing
import WardUI
@testable import wardline

/// The theme chosen on a terminal is remembered in a small file per terminal,
/// written atomically; a bad file never stops the start, it is skipped and logged.
@Suite struct ThemeMemoryTests {
    @Test func aTerminalIsItsSSHClientElseItsHostAndTTY() {
        #expect(ThemeMemory.terminalName(environment: ["SSH_CLIENT": "10.1.2.7 50022 22"], host: "ward7", tty: "/dev/pts/3")
                == "ssh 10.1.2.7")
        #expect(ThemeMemory.terminalName(environment: [:], host: "ward7", tty: "/dev/tty1") == "ward7 /dev/tty1")
        #expect(ThemeMemory.terminalName(environment: [:], host: "ward7", tty: nil) == "ward7 no-tty")
        #expect(ThemeMemory.fileName("ward7 /dev/tty1") == "ward7__dev_tty1")
        #expect(ThemeMemory.fileName("ssh fe80::1%eth0") == "ssh_fe80__1_eth0")
        #expect(ThemeMemory.fileName("ssh 10.1.2.7") == "ssh_10.1.2.7")
    }

    @Test func itLivesInTheUsersStateDirectory() {
        #expect(ThemeMemory.directory(["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/wardline/terminal-themes")
        #expect(ThemeMemory.directory(["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/wardline/terminal-themes")
        #expect(ThemeMemory.directory([:]) == nil)
        #expect(ThemeMemory(terminal: "ssh 10.1.2.7", directory: "/s").path == "/s/ssh_10.1.2.7.toml")
    }

    @Test func rememberedIsRecalledAndTheFileIsReplacedWhole() throws {
        let dir = Paths.tempDir("theme-memory"); defer { try? FileManager.default.removeItem(at: dir) }
        let states = dir.appendingPathComponent("state/wardline/terminal-themes").path
        let memory = ThemeMemory(terminal: "ward7 /dev/tty1", directory: states)
        #expect(memory.recall() == .nothing)
        try memory.remember("night")
        #expect(memory.recall() == .theme("night"))
        try memory.remember("colour-blind-safe")
        #expect(memory.recall() == .theme("colour-blind-safe"))
        // Only the file itself is left (the new file is written beside it, then renamed over it).
        #expect(try FileManager.default.contentsOfDirectory(atPath: states) == ["ward7__dev_tty1.toml"])
        let text = try String(contentsOfFile: try #require(memory.path), encoding: .utf8)
        #expect(text.contains("terminal = \"ward7 /dev/tty1\"\ntheme = \"colour-blind-safe\"\n"))
        let file = try FileManager.default.attributesOfItem(atPath: try #require(memory.path))
        #expect((file[.posixPermissions] as? Int) == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: states)
        #expect((folder[.posixPermissions] as? Int) == 0o700)
    }

    @Test(arguments: [
        ("theme = [", ".toml:1: "),
        ("colour = \"night\"\n", "no theme = \"NAME\" line"),
        ("theme = 3\n", "no theme = \"NAME\" line"),
        ("theme = \"/etc/passwd\"\n", "is not a theme name"),
        ("theme = \"x.toml\"\n", "is not a theme name"),
    ])
    func aBadFileIsUnusableAndSaysWhy(_ content: String, _ why: String) throws {
        let dir = Paths.tempDir("theme-memory"); defer { try? FileManager.default.removeItem(at: dir) }
        let memory = ThemeMemory(terminal: "t", directory: dir.path)
        try content.write(toFile: try #require(memory.path), atomically: true, encoding: .utf8)
        guard case .unusable(let message) = memory.recall() else { Issue.record("\(memory.recall())"); return }
        #expect(message.contains(why), "\(message)")
        #expect(message.contains(dir.path))
    }

    @Test func notUTF8IsUnusableToo() throws {
        let dir = Paths.tempDir("theme-memory"); defer { try? FileManager.default.removeItem(at: dir) }
        let memory = ThemeMemory(terminal: "t", directory: dir.path)
        try Data([0x74, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: try #require(memory.path)))
        #expect(memory.recall() == .unusable("\(memory.path!): not UTF-8 text"))
    }

    @Test func rememberingWhereNothingCanBeWrittenSaysWhy() throws {
        let dir = Paths.tempDir("theme-memory"); defer { try? FileManager.default.removeItem(at: dir) }
        let blocker = dir.appendingPathComponent("file")
        try "x".write(to: blocker, atomically: true, encoding: .utf8)
        let memory = ThemeMemory(terminal: "t", directory: blocker.path + "/sub")   // a file where a folder should be
        #expect(throws: ThemeMemoryError.self) { try memory.remember("night") }
        #expect(throws: ThemeMemoryError.self) { try ThemeMemory(terminal: "t", directory: nil).remember("night") }
    }

    // MARK: the theme at start

    func memory(_ content: String?) throws -> (ThemeMemory, URL) {
        let dir = Paths.tempDir("theme-start")
        let m = ThemeMemory(terminal: "ward7 /dev/tty1", directory: dir.path)
        if let content { try content.write(toFile: m.path!, atomically: true, encoding: .utf8) }
        return (m, dir)
    }

    @Test func theFlagWinsThenTheTerminalsChoiceThenWARDLINE_THEMEThenDefault() throws {
        let (m, dir) = try memory("theme = \"night\"\n"); defer { try? FileManager.default.removeItem(at: dir) }
        let env = ["WARDLINE_THEME": "high-contrast"]
        #expect(try ThemeAtStart.choose(flag: "monochrome", memory: m, environment: env).theme.name == "monochrome")
        let remembered = try ThemeAtStart.choose(flag: nil, memory: m, environment: env)
        #expect(remembered.theme.name == "night")
        #expect(remembered.note == "theme night, remembered for terminal ward7 /dev/tty1" && !remembered.noteIsProblem)

        let (none, dir2) = try memory(nil); defer { try? FileManager.default.removeItem(at: dir2) }
        #expect(try ThemeAtStart.choose(flag: nil, memory: none, environment: env).theme.name == "high-contrast")
        let plain = try ThemeAtStart.choose(flag: nil, memory: none, environment: [:])
        #expect(plain.theme.name == "default" && plain.note == nil)
    }

    @Test(arguments: ["theme = \"nosuch\"\n", "theme = {", ""])
    func aBadRememberedThemeFallsBackAndTheNoteSaysWhy(_ content: String) throws {
        let (m, dir) = try memory(content); defer { try? FileManager.default.removeItem(at: dir) }
        let start = try ThemeAtStart.choose(flag: nil, memory: m, environment: ["HOME": dir.path])
        #expect(start.theme.name == "default")
        #expect(start.noteIsProblem)
        #expect(start.note?.hasPrefix("the theme remembered for terminal ward7 /dev/tty1 is not used (") == true, "\(start.note ?? "")")
        #expect(start.note?.hasSuffix("; using default") == true)
    }
}

/// The memory is written while other threads use the ward's database, so it never switches the
/// process's group; instead it writes only in folders of the user's own. Makes a folder owned by
/// another account (chown): needs root, as CI runs — without it this test fails, it never skips.
@Suite struct ThemeMemoryOwnFolderTests {
    @Test func itWritesOnlyInTheUsersOwnFolders() throws {
        try #require(getuid() == 0, "this test hands a folder to another account: run `swift test` as root (CI does)")
        let dir = Paths.tempDir("theme-owner"); defer { try? FileManager.default.removeItem(at: dir) }
        let foreign = dir.appendingPathComponent("ward")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try #require(chown(foreign.path, 65534, 65534) == 0)
        chmod(foreign.path, 0o777)   // even a folder anyone may write in: it is not the user's

        let inIt = ThemeMemory(terminal: "t", directory: foreign.path)
        #expect(throws: ThemeMemoryError(message: "\(foreign.path) is not your folder")) { try inIt.remember("night") }
        let below = ThemeMemory(terminal: "t", directory: foreign.path + "/wardline/terminal-themes")
        #expect(throws: ThemeMemoryError(message: "cannot create \(foreign.path)/wardline: the folder above it is not yours")) {
            try below.remember("night")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: foreign.path).isEmpty, "nothing was created there")
    }
}
