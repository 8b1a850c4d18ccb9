import Foundation
import Glibc
import WardCore
import WardUI

/// The colour theme chosen on one terminal, remembered between runs: a small
/// file per terminal, `$XDG_STATE_HOME/wardline/terminal-themes/KEY.toml`
/// (`~/.local/state/…`), written as the user (never the ward's service group).
/// A terminal is its SSH client's address when it reaches the host by SSH (a
/// thin client keeps its address), else this host and its tty (`/dev/tty1`).
struct ThemeMemory: Sendable {
    /// How the terminal is named in the file and the log ("ssh 10.1.2.7", "ward7 /dev/tty1").
    let terminal: String
    /// The file, or nil when neither XDG_STATE_HOME nor HOME is known.
    let path: String?

    /// What the file says.
    enum Recall: Equatable {
        case nothing
        case theme(String)
        /// The file exists but cannot be used: why (start-up carries on without it).
        case unusable(String)
    }

    init(terminal: String, directory: String?) {
        self.terminal = terminal
        path = directory.map { $0 + "/" + Self.fileName(terminal) + ".toml" }
    }

    /// The memory of the terminal this process runs on.
    static func thisTerminal(environment: [String: String]) -> ThemeMemory {
        ThemeMemory(terminal: terminalName(environment: environment, host: hostName(), tty: ttyName()),
                    directory: directory(environment))
    }

    static func terminalName(environment: [String: String], host: String, tty: String?) -> String {
        if let ssh = environment["SSH_CLIENT"]?.split(separator: " ").first, !ssh.isEmpty { return "ssh \(ssh)" }
        return "\(host) \(tty ?? "no-tty")"
    }

    /// `$XDG_STATE_HOME/wardline/terminal-themes` (`~/.local/state/wardline/terminal-themes`).
    static func directory(_ environment: [String: String]) -> String? {
        if let s = environment["XDG_STATE_HOME"], s.hasPrefix("/") { return s + "/wardline/terminal-themes" }
        if let h = environment["HOME"], h.hasPrefix("/") { return h + "/.local/state/wardline/terminal-themes" }
        return nil
    }

    /// The terminal's name as a file name: letters, digits, '.', '-'; anything else '_'.
    static func fileName(_ terminal: String) -> String {
        String(terminal.map { c -> Character in
            c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "-") ? c : "_"
        })
    }

    static func hostName() -> String {
        var buf = [CChar](repeating: 0, count: 256)
        guard gethostname(&buf, buf.count - 1) == 0 else { return "localhost" }
        return String(cString: buf)
    }

    static func ttyName() -> String? {
        var buf = [CChar](repeating: 0, count: 256)
        guard ttyname_r(STDIN_FILENO, &buf, buf.count) == 0 else { return nil }
        return String(cString: buf)
    }

    /// The remembered theme name, nothing, or why the file cannot be used. Reads as the
    /// invoking user, which changes the process's group for a moment: call it at start,
    /// before other threads start.
    func recall() -> Recall {
        guard let path else { return .nothing }
        let data: Data
        do {
            data = try Privilege.asInvokingUser { try Data(contentsOf: URL(fileURLWithPath: path)) }
        } catch {
            return FileManager.default.fileExists(atPath: path) ? .unusable("\(path): cannot be read") : .nothing
        }
        guard let text = String(data: data, encoding: .utf8) else { return .unusable("\(path): not UTF-8 text") }
        let root: TOMLTable
        do { root = try TOMLParser.parse(text) } catch { return .unusable("\(path):\(error.line): \(error.message)") }
        guard case .string(let name)? = root["theme"]?.value else {
            return .unusable("\(path): no theme = \"NAME\" line")
        }
        guard !name.isEmpty, !name.contains("/"), !name.hasSuffix(".toml") else {
            return .unusable("\(path): theme \"\(name)\" is not a theme name")
        }
        return .theme(name)
    }

    /// Remembers `name` for this terminal: written to a new file beside the old one,
    /// flushed, then renamed over it, so a reader sees the old choice or the new, never half.
    /// Called while other threads use the ward's database, so it never changes the process's
    /// group (as `Privilege.asInvokingUser` would): it writes only in a folder of the user's
    /// own (checked on the opened folder) and gives what it creates the user's own group.
    func remember(_ name: String) throws(ThemeMemoryError) {
        guard let path else { throw ThemeMemoryError(message: "no HOME or XDG_STATE_HOME to keep it in") }
        let text = """
            # The colour theme chosen on this terminal (t on Wardline's help screen).
            # Written by Wardline; delete this file to forget the choice.
            terminal = "\(Self.escaped(terminal))"
            theme = "\(Self.escaped(name))"

            """
        let url = URL(fileURLWithPath: path)
        let dir = try OwnFolder.open(url.deletingLastPathComponent().path)
        defer { close(dir) }
        try OwnFolder.replace(in: dir, name: url.lastPathComponent, with: Array(text.utf8), shownAs: path)
    }

    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}

struct ThemeMemoryError: Error, Sendable, Equatable, CustomStringConvertible {
    var message: String
    var description: String { message }
}
