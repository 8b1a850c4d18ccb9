import Foundation
import WardCore

/// Finds, reads and checks theme files; knows the compiled-in themes.
public enum ThemeLoader {
    /// Names of the shipped themes (compiled in; reserved).
    public static let builtinNames = ["default", "monochrome"]

    /// The source text of a shipped theme.
    public static func builtinSource(_ name: String) -> String? {
        switch name {
        case "default": String(decoding: PackageResources.default_toml, as: UTF8.self)
        case "monochrome": String(decoding: PackageResources.monochrome_toml, as: UTF8.self)
        default: nil
        }
    }

    /// A shipped theme. The shipped files are checked by the tests, so a
    /// failure here is a build defect, reported as nil.
    public static func builtin(_ name: String) -> Theme? {
        guard let text = builtinSource(name) else { return nil }
        return try? parse(text, file: "<built-in \(name)>", fallbackName: name)
    }

    /// Parses theme TOML. `file` is only used in messages.
    public static func parse(_ text: String, file: String, fallbackName: String = "custom") throws(ThemeError) -> Theme {
        let root: TOMLTable
        do {
            root = try TOMLParser.parse(text)
        } catch {
            throw ThemeError(file: file, problems: [ThemeProblem(keyPath: "", line: error.line, message: error.message)])
        }
        var parent: Theme?
        if let node = root["inherits"] {
            guard case .string(let name) = node.value else {
                throw ThemeError(file: file, problems: [ThemeProblem(keyPath: "inherits", line: node.line,
                    message: "expected the name of a built-in theme, found \(node.value.typeName)")])
            }
            guard builtinNames.contains(name), !isBuiltinSource(text, name),
                  let p = builtin(name) else {
                throw ThemeError(file: file, problems: [ThemeProblem(keyPath: "inherits", line: node.line,
                    message: "unknown theme '\(name)'; a theme can inherit from \(builtinNames.joined(separator: " or "))")])
            }
            parent = p
        }
        var decoder = ThemeDecoder(parent: parent)
        let theme = decoder.decode(root, fallbackName: fallbackName)
        if !decoder.problems.isEmpty { throw ThemeError(file: file, problems: decoder.problems) }
        return theme
    }

    private static func isBuiltinSource(_ text: String, _ name: String) -> Bool { builtinSource(name) == text }

    /// Reads and parses a theme file.
    public static func load(path: String) throws(ThemeError) -> Theme {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ThemeError(file: path, exists ? "cannot read the theme file (check its permissions)"
                                                : "no such theme file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ThemeError(file: path, "the theme file is not UTF-8 text")
        }
        let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try parse(text, file: path, fallbackName: base)
    }

    /// Resolves `--theme NAME|PATH`: nil means `WARDLINE_THEME`, else
    /// "default". Something with a `/` or ending in `.toml` is a path;
    /// otherwise a shipped theme name, then
    /// `$XDG_CONFIG_HOME/wardline/themes/NAME.toml` (or `~/.config/...`).
    public static func resolve(nameOrPath: String?, environment: [String: String]) throws(ThemeError) -> Theme {
        let wanted = [nameOrPath, environment["WARDLINE_THEME"]].compactMap { $0 }.first { !$0.isEmpty } ?? "default"
        if wanted.contains("/") || wanted.hasSuffix(".toml") {
            return try load(path: expandTilde(wanted, environment))
        }
        if builtinNames.contains(wanted), let t = builtin(wanted) { return t }
        if let dir = userThemeDirectory(environment) {
            let path = dir + "/" + wanted + ".toml"
            if FileManager.default.fileExists(atPath: path) { return try load(path: path) }
            throw ThemeError(file: wanted, "unknown theme: not a shipped theme (\(builtinNames.joined(separator: ", "))) and no file \(path)")
        }
        throw ThemeError(file: wanted, "unknown theme: not a shipped theme (\(builtinNames.joined(separator: ", ")))")
    }

    /// Where user themes live, if a home or config directory is known.
    public static func userThemeDirectory(_ environment: [String: String]) -> String? {
        if let x = environment["XDG_CONFIG_HOME"], x.hasPrefix("/") { return x + "/wardline/themes" }
        if let h = environment["HOME"], !h.isEmpty { return h + "/.config/wardline/themes" }
        return nil
    }

    static func expandTilde(_ path: String, _ environment: [String: String]) -> String {
        guard path.hasPrefix("~/"), let h = environment["HOME"], !h.isEmpty else { return path }
        return h + path.dropFirst()
    }
}
