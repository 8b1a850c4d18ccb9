/// Reads typed values out of a `TOMLTable`, collecting every problem (with
/// key path and line) instead of stopping at the first, and reporting keys
/// that were never read as unknown.
public struct TOMLReader {
    /// Every number a ward file holds lies within these, whatever the key: far
    /// beyond any real value, and small enough that sums and products of them
    /// cannot overflow (a bound of the file format, not a clinical limit).
    public static let numberBound = 1_000_000_000
    public static var intRange: ClosedRange<Int> { -numberBound...numberBound }
    public static var doubleRange: ClosedRange<Double> { -Double(numberBound)...Double(numberBound) }

    /// A number node's value when it is a finite number within `doubleRange`.
    public static func number(_ v: TOMLValue) -> Double? {
        let d: Double
        switch v { case .integer(let i): d = Double(i); case .float(let f): d = f; default: return nil }
        return d.isFinite && doubleRange.contains(d) ? d : nil
    }

    public private(set) var problems: [ProtocolProblem] = []
    private var seen: Set<String> = []
    let root: TOMLTable

    public init(_ root: TOMLTable) { self.root = root }

    public mutating func problem(_ path: String, _ line: Int, _ message: String) {
        problems.append(ProtocolProblem(keyPath: path, line: line, message: message))
    }

    public mutating func markSeen(_ path: String) { seen.insert(path) }

    /// A view of one table at `path` ("" for the root).
    public func node(_ table: TOMLTable, _ key: String) -> TOMLNode? { table[key] }

    /// Longest text value a ward file holds (sources and approvals are a few lines; a bound of the format).
    public static let maxTextLength = 4000

    public mutating func string(_ t: TOMLTable, _ key: String, at path: String, required: Bool = true) -> String? {
        guard let n = fetch(t, key, path, required) else { return nil }
        if case .string(let s) = n.value {
            guard s.count <= Self.maxTextLength else {
                problem(join(path, key), n.line, "text of \(s.count) characters; at most \(Self.maxTextLength)")
                return nil
            }
            return s
        }
        problem(join(path, key), n.line, "expected a string, found \(n.value.typeName)")
        return nil
    }

    public mutating func int(_ t: TOMLTable, _ key: String, at path: String, required: Bool = true,
                             range: ClosedRange<Int>? = nil) -> Int? {
        guard let n = fetch(t, key, path, required) else { return nil }
        guard case .integer(let v) = n.value else {
            problem(join(path, key), n.line, "expected a whole number, found \(n.value.typeName)")
            return nil
        }
        let range = range ?? Self.intRange
        if !range.contains(v) {
            problem(join(path, key), n.line, "\(v) is out of range \(range.lowerBound)…\(range.upperBound)")
            return nil
        }
        return v
    }

    public mutating func double(_ t: TOMLTable, _ key: String, at path: String, required: Bool = true,
                                range: ClosedRange<Double>? = nil) -> Double? {
        guard let n = fetch(t, key, path, required) else { return nil }
        let v: Double
        switch n.value {
        case .integer(let i): v = Double(i)
        case .float(let d): v = d
        default:
            problem(join(path, key), n.line, "expected a number, found \(n.value.typeName)")
            return nil
        }
        guard v.isFinite else {
            problem(join(path, key), n.line, "\(v) is not a finite number")
            return nil
        }
        let range = range ?? Self.doubleRange
        if !range.contains(v) {
            problem(join(path, key), n.line, "\(v) is out of range \(range.lowerBound)…\(range.upperBound)")
            return nil
        }
        return v
    }

    public mutating func bool(_ t: TOMLTable, _ key: String, at path: String, required: Bool = true) -> Bool? {
        guard let n = fetch(t, key, path, required) else { return nil }
        if case .boolean(let b) = n.value { return b }
        problem(join(path, key), n.line, "expected true or false, found \(n.value.typeName)")
        return nil
    }

    public mutating func table(_ t: TOMLTable, _ key: String, at path: String, required: Bool = true) -> TOMLTable? {
        guard let n = fetch(t, key, path, required) else { return nil }
        if case .table(let s) = n.value { return s }
        problem(join(path, key), n.line, "expected a table, found \(n.value.typeName)")
        return nil
    }

    public mutating func array(_ t: TOMLTable, _ key: String, at path: String, required: Bool = true) -> [TOMLNode]? {
        guard let n = fetch(t, key, path, required) else { return nil }
        if case .array(let a) = n.value { return a }
        problem(join(path, key), n.line, "expected an array, found \(n.value.typeName)")
        return nil
    }

    /// Reports every key of `t` (at `path`) that no reader call asked for.
    public mutating func reportUnknownKeys(_ t: TOMLTable, at path: String) {
        for (k, n) in t.entries where !seen.contains(join(path, k)) {
            problem(join(path, k), n.line, "unknown key")
        }
    }

    private mutating func fetch(_ t: TOMLTable, _ key: String, _ path: String, _ required: Bool) -> TOMLNode? {
        let full = join(path, key)
        seen.insert(full)
        guard let n = t[key] else {
            if required { problem(full, Swift.max(t.line, 1), "missing (required)") }
            return nil
        }
        return n
    }

    public func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}
