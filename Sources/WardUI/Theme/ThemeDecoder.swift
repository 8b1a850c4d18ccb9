import WardCore

/// Turns a parsed theme TOML table into a `Theme`, collecting every problem.
///
/// Format:
/// ```toml
/// name = "default"
/// inherits = "default"        # optional: roles left out come from this built-in theme
/// monochrome = false          # optional: true = never use colour
/// [palette]
/// red = { c256 = 160, c16 = "red" }
/// [roles."alert.critical"]
/// fg = "bright-white"         # a palette name, an ANSI colour name, or "default"
/// bg = "red"
/// attrs = ["bold"]            # bold, underline, reverse, dim
/// mono = ["reverse", "bold"]  # monochrome: attributes only
/// ```
struct ThemeDecoder {
    private(set) var problems: [ThemeProblem] = []
    let parent: Theme?

    static let ansiNames: [String: Int] = {
        let base = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        var d: [String: Int] = [:]
        for (i, n) in base.enumerated() { d[n] = i; d["bright-" + n] = i + 8 }
        d["gray"] = 8; d["grey"] = 8
        return d
    }()

    mutating func problem(_ path: String, _ line: Int, _ message: String) {
        problems.append(ThemeProblem(keyPath: path, line: line, message: message))
    }

    static func quote(_ key: String) -> String {
        key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") } ? key : "\"\(key)\""
    }

    mutating func decode(_ root: TOMLTable, fallbackName: String) -> Theme {
        var name = fallbackName
        var monochromeOnly = parent?.monochromeOnly ?? false
        var palette: [String: PaletteColor] = [:]
        var roles = parent?.roles ?? [:]
        var rolesTable: TOMLTable?

        for (key, node) in root.entries {
            switch key {
            case "name":
                if case .string(let s) = node.value, !s.isEmpty { name = s }
                else { problem("name", node.line, "expected a non-empty string, found \(node.value.typeName)") }
            case "inherits":
                break  // handled by the loader
            case "monochrome":
                if case .boolean(let b) = node.value { monochromeOnly = b }
                else { problem("monochrome", node.line, "expected true or false, found \(node.value.typeName)") }
            case "palette":
                guard case .table(let t) = node.value else {
                    problem("palette", node.line, "expected a table, found \(node.value.typeName)"); continue
                }
                palette = decodePalette(t)
            case "roles":
                guard case .table(let t) = node.value else {
                    problem("roles", node.line, "expected a table, found \(node.value.typeName)"); continue
                }
                rolesTable = t
            default:
                problem(Self.quote(key), node.line, "unknown key; expected name, inherits, monochrome, palette or roles")
            }
        }

        var mentioned: Set<SemanticRole> = []
        if let t = rolesTable {
            for (key, node) in t.entries {
                let path = "roles.\(Self.quote(key))"
                guard let role = SemanticRole(rawValue: key) else {
                    problem(path, node.line, "unknown role '\(key)'; known roles: "
                            + SemanticRole.allCases.map(\.rawValue).joined(separator: ", "))
                    continue
                }
                guard case .table(let rt) = node.value else {
                    mentioned.insert(role)
                    problem(path, node.line, "expected a table of fg, bg, attrs, mono, found \(node.value.typeName)")
                    continue
                }
                mentioned.insert(role)
                if let s = decodeRole(rt, path: path, line: node.line, palette: palette, role: role) {
                    roles[role] = s
                }
            }
        }

        for role in SemanticRole.needsMonochromeStyle where roles[role] == nil && !mentioned.contains(role) {
            problem("roles.\(Self.quote(role.rawValue))", rolesTable?.line ?? 0,
                    "missing: an alert or severity role needs a style with a mono attribute list (e.g. mono = [\"bold\"])")
        }
        checkMonochromeDistinct(roles, rolesTable)
        return Theme(name: name, monochromeOnly: monochromeOnly, roles: roles)
    }

    mutating func checkMonochromeDistinct(_ roles: [SemanticRole: RoleStyle], _ table: TOMLTable?) {
        let plain = roles[.text]?.mono ?? []
        var seen: [TextAttributes: SemanticRole] = [:]
        for role in SemanticRole.mustDifferInMonochrome {
            guard let mono = roles[role]?.mono else { continue }
            let path = "roles.\(Self.quote(role.rawValue)).mono"
            let line = table?[role.rawValue].flatMap { n -> Int? in
                if case .table(let t) = n.value { return t["mono"]?.line ?? n.line }
                return n.line
            } ?? 0
            if mono == plain {
                problem(path, line, "looks like plain text in monochrome (\(mono)); give it attributes such as bold or reverse")
            } else if let other = seen[mono] {
                problem(path, line, "looks the same as \(other.rawValue) in monochrome (\(mono)); they must differ without colour")
            } else {
                seen[mono] = role
            }
        }
    }

    mutating func decodePalette(_ t: TOMLTable) -> [String: PaletteColor] {
        var out: [String: PaletteColor] = [:]
        for (key, node) in t.entries {
            let path = "palette.\(Self.quote(key))"
            guard case .table(let e) = node.value else {
                problem(path, node.line, "expected { c256 = …, c16 = … }, found \(node.value.typeName)"); continue
            }
            var c256: TerminalColor?, c16: TerminalColor?
            for (k, n) in e.entries {
                switch k {
                case "c256": c256 = literalColor(n, path: "\(path).c256", max: 255)
                case "c16": c16 = literalColor(n, path: "\(path).c16", max: 15)
                default: problem("\(path).\(Self.quote(k))", n.line, "unknown key; a palette colour has c256 and c16")
                }
            }
            if e["c256"] == nil { problem(path, node.line, "missing c256 (a number 0–255, an ANSI name or \"default\")") }
            if e["c16"] == nil { problem(path, node.line, "missing c16 (an ANSI name such as \"red\", or \"default\")") }
            if let c256, let c16 { out[key] = PaletteColor(c256: c256, c16: c16) }
        }
        return out
    }

    /// A colour written directly: a number, an ANSI colour name or "default".
    mutating func literalColor(_ n: TOMLNode, path: String, max: Int) -> TerminalColor? {
        switch n.value {
        case .integer(let i) where (0...max).contains(i): return .index(i)
        case .integer(let i):
            problem(path, n.line, "colour \(i) is out of range 0…\(max)"); return nil
        case .string(let s):
            if s == "default" { return .terminalDefault }
            if let i = Self.ansiNames[s] { return .index(i) }
            problem(path, n.line, "unknown colour '\(s)'; use a number, \"default\" or one of "
                    + Self.ansiList)
            return nil
        default:
            problem(path, n.line, "expected a colour (number or name), found \(n.value.typeName)"); return nil
        }
    }

    static let ansiList = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        .flatMap { [$0, "bright-" + $0] }.joined(separator: ", ")

    /// A colour in a role: a palette name, an ANSI name, or "default".
    mutating func roleColor(_ n: TOMLNode, path: String, palette: [String: PaletteColor]) -> PaletteColor? {
        guard case .string(let s) = n.value else {
            problem(path, n.line, "expected a colour name (string), found \(n.value.typeName)"); return nil
        }
        if let p = palette[s] { return p }
        if s == "default" { return .terminalDefault }
        if let i = Self.ansiNames[s] { return PaletteColor(c256: .index(i), c16: .index(i)) }
        let known = palette.keys.sorted()
        problem(path, n.line, "unknown colour '\(s)'; use a palette name"
                + (known.isEmpty ? "" : " (\(known.joined(separator: ", ")))") + ", an ANSI name or \"default\"")
        return nil
    }

    mutating func attributes(_ n: TOMLNode, path: String) -> TextAttributes? {
        guard case .array(let items) = n.value else {
            problem(path, n.line, "expected a list such as [\"bold\"], found \(n.value.typeName)"); return nil
        }
        var a: TextAttributes = []
        var ok = true
        for item in items {
            guard case .string(let s) = item.value, let bit = TextAttributes.names.first(where: { $0.0 == s })?.1 else {
                let shown: String = if case .string(let s) = item.value { "'\(s)'" } else { "a \(item.value.typeName)" }
                problem(path, item.line, "bad attribute \(shown); use bold, underline, reverse or dim")
                ok = false
                continue
            }
            a.insert(bit)
        }
        return ok ? a : nil
    }

    mutating func decodeRole(_ t: TOMLTable, path: String, line: Int, palette: [String: PaletteColor],
                             role: SemanticRole) -> RoleStyle? {
        var s = RoleStyle()
        var ok = true
        var monoGiven = false
        for (k, n) in t.entries {
            let p = "\(path).\(k)"
            switch k {
            case "fg": if let c = roleColor(n, path: p, palette: palette) { s.fg = c } else { ok = false }
            case "bg": if let c = roleColor(n, path: p, palette: palette) { s.bg = c } else { ok = false }
            case "attrs": if let a = attributes(n, path: p) { s.attrs = a } else { ok = false }
            case "mono":
                monoGiven = true
                if let a = attributes(n, path: p) { s.mono = a } else { ok = false }
            default:
                problem("\(path).\(Self.quote(k))", n.line, "unknown key; a role has fg, bg, attrs and mono")
                ok = false
            }
        }
        if !monoGiven {
            if SemanticRole.needsMonochromeStyle.contains(role) {
                problem("\(path).mono", line,
                        "missing: an alert or severity role needs mono attributes so it shows without colour")
                ok = false
            } else {
                s.mono = s.attrs
            }
        }
        return ok ? s : nil
    }
}
