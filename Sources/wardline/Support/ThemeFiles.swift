import Foundation
import WardUI

/// Finds and reads theme files on this machine, and hands their text to
/// WardUI's `ThemeLoader` (which reads no files itself).
enum ThemeFiles {
    /// Reads and parses a theme file, as the invoking user (under the setgid
    /// program a path the user names must not reach the service group's files).
    static func load(path: String) throws(ThemeError) -> Theme {
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
        let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try ThemeLoader.parse(text, file: path, fallbackName: base)
    }

    /// Resolves `--theme NAME|PATH`: nil means `WARDLINE_THEME`, else
    /// "default". Something with a `/` or ending in `.toml` is a path;
    /// otherwise a shipped theme name, then
    /// `$XDG_CONFIG_HOME/wardline/themes/NAME.toml` (or `~/.config/...`).
    static func resolve(nameOrPath: String?, environment: [String: String]) throws(ThemeError) -> Theme {
        let wanted = [nameOrPath, environment["WARDLINE_THEME"]].compactMap { $0 }.first { !$0.isEmpty } ?? "default"
        if wanted.contains("/") || wanted.hasSuffix(".toml") {
            return try load(path: expandTilde(wanted, environment))
        }
        let shipped = ThemeLoader.builtinNames.joined(separator: ", ")
        if ThemeLoader.builtinNames.contains(wanted), let t = ThemeLoader.builtin(wanted) { return t }
        if let dir = userThemeDirectory(environment) {
            let path = dir + "/" + wanted + ".toml"
            if FileManager.default.fileExists(atPath: path) { return try load(path: path) }
            throw ThemeError(file: wanted, "unknown theme: not a shipped theme (\(shipped)) and no file \(path)")
        }
        throw ThemeError(file: wanted, "unknown theme: not a shipped theme (\(shipped))")
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
