import Foundation

/// What one column of one row holds: SQLite's storage classes (the PostgreSQL
/// backend maps its types onto these). `AuditRows.hash` hashes a row by them,
/// so a value read through any backend must land in the same case.
enum SQLValue: Sendable, Hashable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)
    case blob([UInt8])

    var isNull: Bool { if case .null = self { true } else { false } }
}

extension SQLValue: CustomStringConvertible {
    /// As GRDB's `DatabaseValue` prints (messages name unreadable rows with it): NULL, 12, 1.5, "text".
    var description: String {
        switch self {
        case .null: "NULL"
        case .int(let i): String(i)
        case .double(let d): String(d)
        case .text(let s): String(reflecting: s)
        case .blob(let b): "Data(\(b.count) bytes)"
        }
    }
}

/// A Swift value that can be bound to a `?` placeholder.
protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

extension SQLValue: SQLBindable { var sqlValue: SQLValue { self } }
extension Int64: SQLBindable { var sqlValue: SQLValue { .int(self) } }
extension Int: SQLBindable { var sqlValue: SQLValue { .int(Int64(self)) } }
extension Bool: SQLBindable { var sqlValue: SQLValue { .int(self ? 1 : 0) } }
extension Double: SQLBindable { var sqlValue: SQLValue { .double(self) } }
extension String: SQLBindable { var sqlValue: SQLValue { .text(self) } }
extension Data: SQLBindable { var sqlValue: SQLValue { .blob([UInt8](self)) } }

/// The values of a statement's positional `?` placeholders, in order. Written
/// as an array literal of Swift values (`[patient.id, name, nil]`); nil binds NULL.
struct SQLArguments: ExpressibleByArrayLiteral, Sendable {
    var values: [SQLValue]

    init(_ values: [SQLValue]) { self.values = values }

    init(arrayLiteral elements: (any SQLBindable)?...) {
        values = elements.map { $0?.sqlValue ?? .null }
    }
}
