import Foundation
import WardUI

/// A theme's text, found and read, not yet parsed.
struct ThemeSource: Sendable, Equatable {
    var text: String
    /// For messages: the path, or `<built-in NAME>`.
    var file: String
    var fallbackName: String

    /// Parses the text (WardUI's `ThemeLoader`: no file access; any thread).
    func parse() throws(ThemeError) -> Theme { try ThemeLoader.parse(text, file: file, fallbackName: fallbackName) }
}

/// Finds and reads theme files on this machine, and hands their text to
/// WardUI's `ThemeLoader` (which reads no files itself).
enum ThemeFiles {
    /// Reads a theme file, as the invoking user (under the setgid program a path
    /// the user names must not reach the service group's files). This changes the
    /// process's group for a moment: call it before other threads start.
    static func read(path: String) throws(ThemeError) -> ThemeSource {
        let data: Data
        do {
            data = try Privilege.asInvokingUser { try Data(contentsOf: URL(fileURLWithPath: path)) }
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ThemeError(file: path, exists ? "cannot read the theme file (check its permissions)"
                                                : "no such theme file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ThemeError(file: path, "the theme file is not UTF-8 text")
        }
        return ThemeSource(text: text, file: path, fallbackName: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
    }

    /// Reads and parses a theme file.
    static func load(path: String) throws(ThemeError) -> Theme { try read(path: path).parse() }

    /// Finds `--theme NAME|PATH` and reads it: nil means `WARDLINE_THEME`, else
    /// "default". Something with a `/` or ending in `.toml` is a path;
    /// otherwise a shipped theme name, then
    /// `$XDG_CONFIG_HOME/wardline/themes/NAME.toml` (or `~/.config/...`).
    static func source(nameOrPath: String?, environment: [String: String]) throws(ThemeError) -> ThemeSource {
        let wanted = [nameOrPath, environment["WARDLINE_THEME"]].compactMap { $0 }.first { !$0.isEmpty } ?? "default"
        if wanted.contains("/") || wanted.hasSuffix(".toml") {
            return try read(path: expandTilde(wanted, environment))
        }
        let shipped = ThemeLoader.builtinNames.joined(separator: ", ")
        if let text = ThemeLoader.builtinSource(wanted) {
            return ThemeSource(text: text, file: "<built-in \(wanted)>", fallbackName: wanted)
        }
        if let dir = userThemeDirectory(environment) {
            let path = dir + "/" + wanted + ".toml"
            if FileManager.default.fileExists(atPath: path) { return try read(path: path) }
            throw ThemeError(file: wanted, "unknown theme: not a shipped theme (\(shipped)) and no file \(path)")
        }
        throw ThemeError(file: wanted, "unknown theme: not a shipped theme (\(shipped))")
    }

    /// `source`, parsed.
    static func resolve(nameOrPath: String?, environment: [String: String]) throws(ThemeError) -> Theme {
        try source(nameOrPath: nameOrPath, environment: environment).parse()
    }

    /// Where user themes live, if a home or config directory is known.
    static func userThemeDirectory(_ environment: [String: String]) -> String? {
        if let x = environment["XDG_CONFIG_HOME"], x.hasPrefix("/") { return x + "/wardline/themes" }
        if let h = environment["HOME"], !h.isEmpty { return h + "/.config/wardline/themes" }
        return nil
    }

    static func expandTilde(_ path: String, _ environment: [String: String]) -> String {
        guard path.hasPrefix("~/"), let h = environment["HOME"], !h.isEmpty else { return path }
        return h + path.dropFirst()
    }
}
