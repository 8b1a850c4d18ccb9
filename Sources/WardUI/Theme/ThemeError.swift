/// One thing wrong with a theme file, at a key path and line.
public struct ThemeProblem: Sendable, Hashable, CustomStringConvertible {
    /// Dotted key path, e.g. `roles."alert.critical".mono` ("" for the file).
    public var keyPath: String
    /// 1-based line, or 0 when the problem is not on one line.
    public var line: Int
    public var message: String

    public init(keyPath: String, line: Int, message: String) {
        self.keyPath = keyPath; self.line = line; self.message = message
    }

    public var description: String {
        var s = line > 0 ? "line \(line): " : ""
        if !keyPath.isEmpty { s += "\(keyPath): " }
        return s + message
    }
}

/// A theme could not be found or read, or its file is wrong. The message
/// names the file, and each problem its key path and line.
public struct ThemeError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var problems: [ThemeProblem]

    public init(file: String, problems: [ThemeProblem]) { self.file = file; self.problems = problems }
    public init(file: String, _ message: String) {
        self.init(file: file, problems: [ThemeProblem(keyPath: "", line: 0, message: message)])
    }

    public var description: String {
        problems.map { p in
            var s = file
            if p.line > 0 { s += ":\(p.line)" }
            s += ": "
            if !p.keyPath.isEmpty { s += "\(p.keyPath): " }
            return s + p.message
        }.joined(separator: "\n")
    }
}
