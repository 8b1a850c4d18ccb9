import Foundation

/// One problem in a protocol file, with where it is.
public struct ProtocolProblem: Sendable, Equatable, CustomStringConvertible {
    public var keyPath: String
    public var line: Int
    public var message: String
    public init(keyPath: String, line: Int, message: String) {
        self.keyPath = keyPath; self.line = line; self.message = message
    }
    public var description: String { "line \(line): \(keyPath): \(message)" }
}

public struct ProtocolError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var problems: [ProtocolProblem]
    /// One line per problem, `FILE:LINE: key.path: message`, then a summary
    /// line — the same text for `wardline protocol check` and the TUI.
    public var report: String {
        problems.map { "\(file):\($0.line): \($0.keyPath): \($0.message)" }.joined(separator: "\n")
            + "\n\(file): \(problems.count) problem\(problems.count == 1 ? "" : "s"); the protocol was not loaded"
    }
    public var description: String {
        "protocol \(file) has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n"
            + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}

public enum ProtocolLoader {
    /// The shipped default protocol text (Sources/WardCore/Resources/default-protocol.toml).
    public static var defaultText: String {
        String(decoding: PackageResources.default_protocol_toml, as: UTF8.self)
    }

    /// The shipped defaults. They are validated by the test suite, so a
    /// failure here is a build defect, not a user error.
    public static func builtInDefault() -> WardProtocol {
        switch load(text: defaultText, file: "default-protocol.toml") {
        case .success(let p): return p
        case .failure(let e): preconditionFailure("shipped protocol is invalid: \(e)")
        }
    }

    public static func load(text: String, file: String) -> Result<WardProtocol, ProtocolError> {
        let doc: TOMLTable
        do { doc = try TOMLParser.parse(text) } catch {
            return .failure(ProtocolError(file: file, problems: [ProtocolProblem(keyPath: "(syntax)", line: error.line, message: error.message)]))
        }
        var r = TOMLReader(doc)
        let p = ProtocolDecoder.decode(&r)
        if r.problems.isEmpty, let p { return .success(p) }
        return .failure(ProtocolError(file: file, problems: r.problems.sorted { ($0.line, $0.keyPath) < ($1.line, $1.keyPath) }))
    }
}
