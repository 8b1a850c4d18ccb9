/// Why a ward database could not be opened: one line a person can act on, and
/// its kind (the CLI turns the kind into its exit status).
public struct StoreOpenError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case missing          // no file and create == false
        case isDirectory      // a directory where the file should be
        case unreadable       // no read permission
        case readOnly         // no write permission (file or its directory)
        case notADatabase     // not an SQLite file, or SQLite but not a Wardline ward
        case corrupt          // SQLite says the file is damaged
        case newerSchema      // written by a newer Wardline
        case cannotCreate     // directory or file could not be created
        case badLocation      // a --db URL that cannot be used as written
        case unreachable      // no PostgreSQL server (primary) answered
        case olderSchema      // a PostgreSQL ward not yet upgraded (`wardline init` as its owner)
        case other
    }
    public var kind: Kind
    public var path: String
    public var message: String

    public init(_ kind: Kind, path: String, _ message: String) {
        self.kind = kind; self.path = path; self.message = message
    }

    public var description: String { message }
}
