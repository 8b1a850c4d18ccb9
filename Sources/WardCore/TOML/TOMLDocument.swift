/// A small TOML reader that remembers the line of every key, so that a
/// protocol or theme problem can be reported as "key path, line N".
/// Supports what Wardline's data files use: comments, `[table]`,
/// `[[array.of.tables]]`, dotted and quoted keys, basic and literal strings,
/// integers, floats, booleans, arrays (over several lines) and inline tables.
/// Dates are not supported (times are written as strings, "07:30").
public indirect enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    case array([TOMLNode])
    case table(TOMLTable)

    public var typeName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .boolean: "boolean"
        case .array: "array"
        case .table: "table"
        }
    }
}

public struct TOMLNode: Sendable, Equatable {
    public var value: TOMLValue
    /// 1-based line where the key (or array element) was written.
    public var line: Int
    public init(_ value: TOMLValue, line: Int) { self.value = value; self.line = line }
}

/// An ordered table; keys keep the order they were written in.
public struct TOMLTable: Sendable, Equatable {
    public private(set) var keys: [String] = []
    private var storage: [String: TOMLNode] = [:]
    /// Line of the `[header]` that opened the table (0 for the root).
    public var line: Int

    public init(line: Int = 0) { self.line = line }

    public subscript(key: String) -> TOMLNode? {
        get { storage[key] }
        set {
            if storage[key] == nil, newValue != nil { keys.append(key) }
            if newValue == nil { keys.removeAll { $0 == key } }
            storage[key] = newValue
        }
    }

    public var entries: [(key: String, node: TOMLNode)] { keys.map { ($0, storage[$0]!) } }
}

public struct TOMLSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
}
