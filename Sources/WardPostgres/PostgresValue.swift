import NIOCore
import PostgresNIO

/// A value a statement takes or a row holds, in the forms the store uses.
public enum PostgresValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case text(String)
    case bytes([UInt8])

    public init(_ cell: PostgresCell) {
        guard let bytes = cell.bytes else { self = .null; return }
        switch cell.dataType {
        case .bool: self = (try? cell.decode(Bool.self)).map(PostgresValue.bool) ?? .null
        case .int2, .int4, .int8, .oid: self = (try? cell.decode(Int64.self)).map(PostgresValue.int) ?? .null
        case .float4, .float8: self = (try? cell.decode(Double.self)).map(PostgresValue.double) ?? .null
        case .bytea: self = .bytes(Array(bytes.readableBytesView))
        // sum() of bigint is numeric: whole numbers stay whole, as SQLite's are.
        case .numeric:
            let text = (try? cell.decode(String.self)) ?? ""
            self = Int64(text).map(PostgresValue.int) ?? Double(text).map(PostgresValue.double) ?? .text(text)
        default: self = (try? cell.decode(String.self)).map(PostgresValue.text) ?? .text(String(buffer: bytes))
        }
    }

    func bind(into binds: inout PostgresBindings) {
        switch self {
        case .null: binds.appendNull()
        case .bool(let v): binds.append(v)
        case .int(let v): binds.append(v)
        case .double(let v): binds.append(v)
        case .text(let v): binds.append(v)
        case .bytes(let v): binds.append(ByteBuffer(bytes: v))
        }
    }
}
