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
        guard let d = anyNumber(v) else { return nil }
        return d.isFinite && doubleRange.contains(d) ? d : nil
    }

    /// A number node's value, a whole number read as a Double, however large or not finite.
    static func anyNumber(_ v: TOMLValue) -> Double? {
        switch v { case .integer(let i): Double(i); case .float(let f): f; default: nil }
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
        guard let (s, line) = typed(t, key, path, required, "a string", { if case .string(let s) = $0 { s } else { nil } })
        else { return nil }
        guard s.count <= Self.maxTextLength else {
            problem(join(path, key), line, "text of \(s.count) characters; at most \(Self.maxTextLength)")
            return nil
        }
        return s
    }

    public mutating func int(_ t: TOMLTable, _ key: String, at path: String, required: Bool = true,
                             range: ClosedRange<Int>? = nil) -> Int? {
        guard let (v, line) = typed(t, key, path, required, "a whole number", { if case .integer(let v) = $0 { v } else { nil } })
        else { return nil }
        return within(range ?? Self.intRange, v, join(path, key), line)
    }

    public mutating func double(_ t: TOMLTable, _ key: String, at path: String, required: Bool = true,
                                range: ClosedRange<Double>? = nil) -> Double? {
        guard let (v, line) = typed(t, key, path, required, "a number", Self.anyNumber) else { return nil }
        guard v.isFinite else {
            problem(join(path, key), line, "\(v) is not a finite number")
            return nil
        }
        return within(range ?? Self.doubleRange, v, join(path, key), line)
    }

    public mutating func bool(_ t: TOMLTable, _ key: String, at path: String, required: Bool = true) -> Bool? {
        typed(t, key, path, required, "true or false", { if case .boolean(let b) = $0 { b } else { nil } })?.value
    }

    public mutating func table(_ t: TOMLTable, _ key: String, at path: String, required: Bool = true) -> TOMLTable? {
        typed(t, key, path, required, "a table", { if case .table(let s) = $0 { s } else { nil } })?.value
    }

    public mutating func array(_ t: TOMLTable, _ key: String, at path: String, required: Bool = true) -> [TOMLNode]? {
        typed(t, key, path, required, "an array", { if case .array(let a) = $0 { a } else { nil } })?.value
    }

    /// The table `node` holds; "expected a table" at `path` when it holds something else.
    public mutating func tableNode(_ node: TOMLNode, at path: String) -> TOMLTable? {
        if case .table(let t) = node.value { return t }
        problem(path, node.line, "expected a table")
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

    /// The value at `key` and its line when `extract` takes it; "expected `what`, found …" when it does not.
    private mutating func typed<T>(_ t: TOMLTable, _ key: String, _ path: String, _ required: Bool, _ what: String,
                                   _ extract: (TOMLValue) -> T?) -> (value: T, line: Int)? {
        guard let n = fetch(t, key, path, required) else { return nil }
        guard let v = extract(n.value) else {
            problem(join(path, key), n.line, "expected \(what), found \(n.value.typeName)")
            return nil
        }
        return (v, n.line)
    }

    /// `v` when `range` holds it; "… is out of range" at `keyPath` when it does not.
    private mutating func within<T: Comparable & CustomStringConvertible>(_ range: ClosedRange<T>, _ v: T,
                                                                          _ keyPath: String, _ line: Int) -> T? {
        guard range.contains(v) else {
            problem(keyPath, line, "\(v) is out of range \(range.lowerBound)…\(range.upperBound)")
            return nil
        }
        return v
    }

    public func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}
