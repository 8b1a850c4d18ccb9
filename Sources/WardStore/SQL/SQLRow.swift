import Foundation

/// One result row: its columns in SELECT order, with their values.
/// Column names are shared by every row of a result.
struct SQLRow: Sendable {
    let names: [String]
    let values: [SQLValue]

    init(names: [String], values: [SQLValue]) {
        precondition(names.count == values.count, "SQLRow: \(names.count) names for \(values.count) values")
        self.names = names; self.values = values
    }

    /// The leftmost column of that name, matched case-insensitively (as SQL and GRDB do).
    func index(_ name: String) -> Int? {
        if let i = names.firstIndex(of: name) { return i }
        let lower = name.lowercased()
        return names.firstIndex { $0.lowercased() == lower }
    }

    /// The column's value; NULL for a column the row does not have.
    func value(_ name: String) -> SQLValue { index(name).map { values[$0] } ?? .null }

    /// The column converted to `V`. A missing column, NULL or a value of another kind is a
    /// programming error (as with GRDB's `Row`): read columns a row check may let through as optionals.
    subscript<V: SQLDecodable>(_ name: String) -> V {
        guard let i = index(name) else { fatalError("SQLRow: no column \(name) in \(names)") }
        guard let v = V.decode(values[i]) else { fatalError("SQLRow: cannot read \(values[i]) of column \(name) as \(V.self)") }
        return v
    }

    /// The column converted to `V`, nil when the row has no such column or it holds NULL.
    /// A value of another kind is a programming error (as with GRDB's `Row`).
    subscript<V: SQLDecodable>(_ name: String) -> V? {
        guard let i = index(name) else { return nil }
        let value = values[i]
        if let v = V.decode(value) { return v }
        if value.isNull { return nil }
        fatalError("SQLRow: cannot read \(value) of column \(name) as \(V.self)")
    }

    /// The column as text, or nil when it holds anything else (never a trap on a byte written by hand).
    func text(_ column: String) -> String? {
        if case .text(let s) = value(column) { return s }
        return nil
    }

    /// The column as a whole number, or nil when it holds anything else.
    func integer(_ column: String) -> Int64? {
        if case .int(let i) = value(column) { return i }
        return nil
    }
}

extension SQLRow: Sequence {
    /// The columns in order, as (name, value).
    func makeIterator() -> Zip2Sequence<[String], [SQLValue]>.Iterator { zip(names, values).makeIterator() }
}

/// A Swift type a column converts to. The conversions are GRDB's for a row's
/// columns: nil when the value is NULL or of a kind that does not convert.
protocol SQLDecodable {
    static func decode(_ value: SQLValue) -> Self?
}

/// A type `SQLTx.scalar` and `scalars` read the first column as.
protocol SQLScalar: SQLDecodable {}

extension SQLValue: SQLDecodable {
    /// Any value, NULL included.
    static func decode(_ value: SQLValue) -> SQLValue? { value }
}

extension Int64: SQLScalar {
    static func decode(_ value: SQLValue) -> Int64? {
        switch value {
        case .int(let i): return i
        case .double(let d): return d >= Double(Int64.min) && d < Double(Int64.max) ? Int64(d) : nil
        default: return nil
        }
    }
}

extension Int: SQLScalar {
    static func decode(_ value: SQLValue) -> Int? { Int64.decode(value).flatMap { Int(exactly: $0) } }
}

extension Double: SQLScalar {
    static func decode(_ value: SQLValue) -> Double? {
        switch value {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }
}

extension Bool: SQLScalar {
    static func decode(_ value: SQLValue) -> Bool? {
        switch value {
        case .int(let i): i != 0
        case .double(let d): d != 0
        default: nil
        }
    }
}

extension String: SQLScalar {
    static func decode(_ value: SQLValue) -> String? {
        switch value {
        case .text(let s): s
        case .blob(let b): String(bytes: b, encoding: .utf8)
        default: nil
        }
    }
}

extension Data: SQLScalar {
    static func decode(_ value: SQLValue) -> Data? {
        switch value {
        case .blob(let b): Data(b)
        case .text(let s): Data(s.utf8)
        default: nil
        }
    }
}
