/// Why a ward database could not be opened: one line a person can act on,
/// and the process exit code (BSD sysexits) the CLI should end with.
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
        case other
    }
    public var kind: Kind
    public var path: String
    public var message: String

    public init(_ kind: Kind, path: String, _ message: String) {
        self.kind = kind; self.path = path; self.message = message
    }

    public var description: String { message }

    /// sysexits.h: 66 EX_NOINPUT, 65 EX_DATAERR, 77 EX_NOPERM, 73 EX_CANTCREAT, 74 EX_IOERR.
    public var exitCode: Int32 {
        switch kind {
        case .missing: 66
        case .isDirectory, .notADatabase, .corrupt, .newerSchema: 65
        case .unreadable, .readOnly: 77
        case .cannotCreate: 73
        case .other: 74
        }
    }
}
