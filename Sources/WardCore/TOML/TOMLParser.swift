import Foundation

/// Parses TOML text into a `TOMLTable`. Pure: no I/O.
public enum TOMLParser {
    /// Largest file read (a ward protocol is about 40 kB; a bound of the format).
    public static let maxBytes = 1_000_000

    public static func parse(_ text: String) throws(TOMLSyntaxError) -> TOMLTable {
        guard text.utf8.count <= maxBytes else {
            throw TOMLSyntaxError(line: 1, message: "the file is larger than \(maxBytes / 1_000_000) MB; a ward file is far smaller")
        }
        var p = Parser(Array(text.unicodeScalars))
        return try p.document()
    }
}

private struct Parser {
    let s: [Unicode.Scalar]
    var i = 0
    var line = 1
    /// Arrays and inline tables open now: bounded, so a file of 40,000 `[` is an error, not a stack overflow.
    var depth = 0
    var root = TOMLTable()
    /// Path of the table that `key = value` lines currently write into.
    var current: [PathStep] = []
    /// Tables opened by a header, so a second `[same]` is an error.
    var definedHeaders: Set<String> = []

    enum PathStep { case key(String), arrayLast(String) }

    init(_ s: [Unicode.Scalar]) { self.s = s }

    func fail(_ m: String) -> TOMLSyntaxError { TOMLSyntaxError(line: line, message: m) }

    var atEnd: Bool { i >= s.count }
    var peek: Unicode.Scalar? { i < s.count ? s[i] : nil }

    mutating func advance() {
        if s[i] == "\n" { line += 1 }
        i += 1
    }

    mutating func skipSpaces() {
        while let c = peek, c == " " || c == "\t" { advance() }
    }

    mutating func skipComment() {
        if peek == "#" { while let c = peek, c != "\n", !isControl(c) || c == "\r" { advance() } }
    }

    /// TOML 1.0: no control character but tab inside a string or a comment (they would reach a terminal).
    func isControl(_ c: Unicode.Scalar) -> Bool { (c.value < 0x20 && c != "\t") || c.value == 0x7F }

    func control(_ c: Unicode.Scalar) -> TOMLSyntaxError {
        fail("control character U+\(String(c.value, radix: 16, uppercase: true).leftPadded(4)) is not allowed here (write it as an escape)")
    }

    /// Spaces, comments and newlines (inside arrays, between lines).
    mutating func skipBlank() {
        while let c = peek {
            if c == " " || c == "\t" || c == "\r" || c == "\n" { advance() }
            else if c == "#" { skipComment() }
            else { break }
        }
    }

    mutating func endOfLine() throws(TOMLSyntaxError) {
        skipSpaces(); skipComment()
        if peek == "\r" { advance() }
        if let c = peek, c != "\n", isControl(c) { throw control(c) }
        guard atEnd || peek == "\n" else { throw fail("expected the end of the line, found '\(peek!)'") }
        if !atEnd { advance() }
    }

    mutating func document() throws(TOMLSyntaxError) -> TOMLTable {
        while true {
            skipBlank()
            guard let c = peek else { break }
            if c == "[" {
                try header()
            } else {
                try keyValue()
            }
        }
        return root
    }

    mutating func header() throws(TOMLSyntaxError) {
        let headerLine = line
        advance()
        let isArray = peek == "["
        if isArray { advance() }
        skipSpaces()
        let keys = try dottedKey()
        skipSpaces()
        guard peek == "]" else { throw fail("expected ']' to close the table header") }
        advance()
        if isArray {
            guard peek == "]" else { throw fail("expected ']]' to close the array-of-tables header") }
            advance()
        }
        try endOfLine()
        let name = keys.joined(separator: ".")
        var path: [PathStep] = []
        for (n, k) in keys.enumerated() {
            let last = n == keys.count - 1
            if last && isArray {
                try appendTable(at: path, key: k, line: headerLine)
                path.append(.arrayLast(k))
            } else {
                try ensureTable(at: path, key: k, line: headerLine, explicit: last)
                path.append(.key(k))
            }
        }
        if !isArray {
            if definedHeaders.contains(name) { throw TOMLSyntaxError(line: headerLine, message: "table [\(name)] is defined twice") }
            definedHeaders.insert(name)
        }
        current = path
    }

    mutating func keyValue() throws(TOMLSyntaxError) {
        let keyLine = line
        let keys = try dottedKey()
        skipSpaces()
        guard peek == "=" else { throw fail("expected '=' after the key '\(keys.joined(separator: "."))'") }
        advance()
        skipSpaces()
        let v = try value()
        try endOfLine()
        var path = current
        for k in keys.dropLast() {
            try ensureTable(at: path, key: k, line: keyLine, explicit: false)
            path.append(.key(k))
        }
        let last = keys.last!
        try modify(at: path) { (t: inout TOMLTable) throws(TOMLSyntaxError) in
            if t[last] != nil {
                throw TOMLSyntaxError(line: keyLine, message: "key '\(last)' is defined twice")
            }
            t[last] = TOMLNode(v, line: keyLine)
        }
    }

    // MARK: tables along a path

    mutating func modify(at path: [PathStep], _ body: (inout TOMLTable) throws(TOMLSyntaxError) -> Void) throws(TOMLSyntaxError) {
        try Self.walk(&root, path[...], line: line, body)
    }

    static func walk(_ t: inout TOMLTable, _ path: ArraySlice<PathStep>, line: Int,
                     _ body: (inout TOMLTable) throws(TOMLSyntaxError) -> Void) throws(TOMLSyntaxError) {
        guard let step = path.first else { try body(&t); return }
        switch step {
        case .key(let k):
            guard var node = t[k], case .table(var sub) = node.value else {
                throw TOMLSyntaxError(line: line, message: "'\(k)' is not a table")
            }
            try walk(&sub, path.dropFirst(), line: line, body)
            node.value = .table(sub); t[k] = node
        case .arrayLast(let k):
            guard var node = t[k], case .array(var items) = node.value, var lastNode = items.last,
                  case .table(var sub) = lastNode.value else {
                throw TOMLSyntaxError(line: line, message: "'\(k)' is not an array of tables")
            }
            try walk(&sub, path.dropFirst(), line: line, body)
            lastNode.value = .table(sub); items[items.count - 1] = lastNode
            node.value = .array(items); t[k] = node
        }
    }

    mutating func ensureTable(at path: [PathStep], key: String, line l: Int, explicit: Bool) throws(TOMLSyntaxError) {
        try modify(at: path) { (t: inout TOMLTable) throws(TOMLSyntaxError) in
            if let existing = t[key] {
                switch existing.value {
                case .table: return
                case .array(let items) where items.last.map({ if case .table = $0.value { true } else { false } }) ?? false:
                    return
                default: throw TOMLSyntaxError(line: l, message: "'\(key)' is already a \(existing.value.typeName), not a table")
                }
            }
            t[key] = TOMLNode(.table(TOMLTable(line: l)), line: l)
        }
        // An array of tables is entered at its last element.
        var isArray = false
        try modify(at: path) { (t: inout TOMLTable) throws(TOMLSyntaxError) in
            if case .array = t[key]?.value { isArray = true }
        }
        if isArray {
            throw TOMLSyntaxError(line: l, message: "'\(key)' is an array of tables; use [[\(key)]]")
        }
    }

    mutating func appendTable(at path: [PathStep], key: String, line l: Int) throws(TOMLSyntaxError) {
        try modify(at: path) { (t: inout TOMLTable) throws(TOMLSyntaxError) in
            let element = TOMLNode(.table(TOMLTable(line: l)), line: l)
            if let existing = t[key] {
                guard case .array(var items) = existing.value else {
                    throw TOMLSyntaxError(line: l, message: "'\(key)' is already a \(existing.value.typeName), not an array of tables")
                }
                items.append(element)
                t[key] = TOMLNode(.array(items), line: existing.line)
            } else {
                t[key] = TOMLNode(.array([element]), line: l)
            }
        }
    }

    // MARK: keys

    mutating func dottedKey() throws(TOMLSyntaxError) -> [String] {
        var keys = [try simpleKey()]
        while true {
            skipSpaces()
            guard peek == "." else { break }
            advance(); skipSpaces()
            keys.append(try simpleKey())
        }
        return keys
    }

    mutating func simpleKey() throws(TOMLSyntaxError) -> String {
        guard let c = peek else { throw fail("expected a key") }
        if c == "\"" { return try basicString() }
        if c == "'" { return try literalString() }
        var k = ""
        while let c = peek, c.properties.isAlphabetic && c.isASCII || ("0"..."9").contains(c) || c == "_" || c == "-" {
            k.unicodeScalars.append(c); advance()
        }
        guard !k.isEmpty else { throw isControl(c) ? control(c) : fail("expected a key, found '\(c)'") }
        return k
    }

    // MARK: values

    mutating func value() throws(TOMLSyntaxError) -> TOMLValue {
        guard let c = peek else { throw fail("expected a value") }
        switch c {
        case "\"": return .string(try basicString())
        case "'": return .string(try literalString())
        case "[": return try nested { (p: inout Parser) throws(TOMLSyntaxError) in try p.array() }
        case "{": return try nested { (p: inout Parser) throws(TOMLSyntaxError) in try p.inlineTable() }
        case "t", "f": return try boolean()
        default: return try number()
        }
    }

    /// How deep arrays and inline tables may nest (far beyond any ward file).
    static let maxDepth = 64

    mutating func nested<T>(_ body: (inout Parser) throws(TOMLSyntaxError) -> T) throws(TOMLSyntaxError) -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw fail("arrays and inline tables nested more than \(Self.maxDepth) deep") }
        return try body(&self)
    }

    mutating func basicString() throws(TOMLSyntaxError) -> String {
        advance()
        if peek == "\"", i + 1 < s.count, s[i + 1] == "\"" {
            advance(); advance()
            return try multilineBasic()
        }
        return try oneLineString(closedBy: "\"", escapes: true)
    }

    /// The rest of a one-line string, up to the closing `quote`; with `escapes`
    /// (a basic string) a backslash starts an escape.
    mutating func oneLineString(closedBy quote: Unicode.Scalar, escapes: Bool) throws(TOMLSyntaxError) -> String {
        var out = ""
        while true {
            guard let c = peek, c != "\n" else { throw fail("unterminated string") }
            if isControl(c) { throw control(c) }
            advance()
            if c == quote { return out }
            if escapes && c == "\\" { out.unicodeScalars.append(try escape()) } else { out.unicodeScalars.append(c) }
        }
    }

    mutating func multilineBasic() throws(TOMLSyntaxError) -> String {
        if peek == "\n" { advance() }
        var out = ""
        while true {
            guard let c = peek else { throw fail("unterminated multi-line string") }
            if c == "\"", i + 2 < s.count, s[i + 1] == "\"", s[i + 2] == "\"" {
                advance(); advance(); advance(); return out
            }
            if isControl(c) && c != "\n" && !(c == "\r" && i + 1 < s.count && s[i + 1] == "\n") { throw control(c) }
            advance()
            if c == "\\" {
                if let n = peek, n == "\n" || n == " " || n == "\r" {
                    while let w = peek, w == "\n" || w == " " || w == "\t" || w == "\r" { advance() }
                } else {
                    out.unicodeScalars.append(try escape())
                }
            } else {
                out.unicodeScalars.append(c)
            }
        }
    }

    mutating func escape() throws(TOMLSyntaxError) -> Unicode.Scalar {
        guard let e = peek else { throw fail("unterminated escape") }
        advance()
        switch e {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "\"": return "\""
        case "\\": return "\\"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "u", "U":
            let n = e == "u" ? 4 : 8
            var hex = ""
            for _ in 0..<n {
                guard let h = peek else { throw fail("short unicode escape") }
                hex.unicodeScalars.append(h); advance()
            }
            guard let v = UInt32(hex, radix: 16), let sc = Unicode.Scalar(v) else { throw fail("bad unicode escape \\\(e)\(hex)") }
            return sc
        default: throw fail("unknown escape '\\\(e)'")
        }
    }

    mutating func literalString() throws(TOMLSyntaxError) -> String {
        advance()
        return try oneLineString(closedBy: "'", escapes: false)
    }

    mutating func boolean() throws(TOMLSyntaxError) -> TOMLValue {
        var w = ""
        while let c = peek, c.properties.isAlphabetic { w.unicodeScalars.append(c); advance() }
        switch w {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        default: throw fail("expected a value, found '\(w)' (strings need quotes)")
        }
    }

    /// A TOML 1.0 integer or float: `1_000`, `+7`, `0x1F`, `0o17`, `0b101`, `3.5e-2`, `inf`, `nan`;
    /// refused: `1__0`, `_1`, `1_`, `007`, `.5`, `5.`, `+0x1`, and integers beyond 64 bits.
    mutating func number() throws(TOMLSyntaxError) -> TOMLValue {
        var w = ""
        while let c = peek, c.isASCII, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "+" || c == "-" || c == "." || c == "_" {
            w.unicodeScalars.append(c); advance()
        }
        guard !w.isEmpty else {
            if let c = peek, isControl(c) { throw control(c) }
            throw fail("expected a value, found '\(peek.map(String.init) ?? "end of file")' (strings need quotes)")
        }
        guard let v = TOMLNumber.parse(w) else {
            let word = w.unicodeScalars.first.map { $0.properties.isAlphabetic } ?? false
            throw fail(word ? "expected a value, found '\(w)' (strings need quotes)"
                            : "'\(w)' is not a TOML number (no leading zeros, '_' only between digits, digits on both sides of '.'; dates are not supported)")
        }
        switch v {
        case .outOfRange: throw fail("'\(w)' is too large for a whole number (64 bits)")
        case .value(let value): return value
        }
    }

    mutating func array() throws(TOMLSyntaxError) -> TOMLValue {
        advance()
        var items: [TOMLNode] = []
        while true {
            skipBlank()
            if peek == "]" { advance(); return .array(items) }
            let l = line
            items.append(TOMLNode(try value(), line: l))
            skipBlank()
            if peek == "," { advance(); continue }
            if peek == "]" { advance(); return .array(items) }
            throw fail("expected ',' or ']' in the array")
        }
    }

    mutating func inlineTable() throws(TOMLSyntaxError) -> TOMLValue {
        let l = line
        advance()
        var t = TOMLTable(line: l)
        skipSpaces()
        if peek == "}" { advance(); return .table(t) }
        while true {
            skipSpaces()
            let kl = line
            let keys = try dottedKey()
            skipSpaces()
            guard peek == "=" else { throw fail("expected '=' in the inline table") }
            advance(); skipSpaces()
            let v = try value()
            guard keys.count == 1 else { throw fail("dotted keys inside inline tables are not supported") }
            if t[keys[0]] != nil { throw fail("key '\(keys[0])' is defined twice") }
            t[keys[0]] = TOMLNode(v, line: kl)
            skipSpaces()
            if peek == "," { advance(); continue }
            if peek == "}" { advance(); return .table(t) }
            throw fail("expected ',' or '}' in the inline table")
        }
    }
}

private extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
