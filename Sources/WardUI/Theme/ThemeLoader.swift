import WardCore

/// Parses and checks theme text; knows the compiled-in themes. Reads no
/// files: the executable reads a theme file and hands its text to `parse`.
public enum ThemeLoader {
    /// Names of the shipped themes (compiled in; reserved), in the order
    /// `t` on the help screen steps through them.
    public static let builtinNames = ["default", "high-contrast", "night", "colour-blind-safe", "monochrome"]

    /// The source text of a shipped theme.
    public static func builtinSource(_ name: String) -> String? {
        let bytes: [UInt8]? = switch name {
        case "default": PackageResources.default_toml
        case "high-contrast": PackageResources.high_contrast_toml
        case "night": PackageResources.night_toml
        case "colour-blind-safe": PackageResources.colour_blind_safe_toml
        case "monochrome": PackageResources.monochrome_toml
        default: nil
        }
        return bytes.map { String(decoding: $0, as: UTF8.self) }
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
                    message: "unknown theme '\(name)'; a theme can inherit from \(builtinNames.joined(separator: ", "))")])
            }
            parent = p
        }
        var decoder = ThemeDecoder(parent: parent)
        let theme = decoder.decode(root, fallbackName: fallbackName)
        if !decoder.problems.isEmpty { throw ThemeError(file: file, problems: decoder.problems) }
        return theme
    }

    private static func isBuiltinSource(_ text: String, _ name: String) -> Bool { builtinSource(name) == text }
}
