import PostgresNIO

/// Why no connection was made, with what to fix.
public struct PostgresConnectError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// No password for the user in the pgpass file (or no usable file).
        case noPassword
        /// The server refused the login (wrong password, no such role or database, pg_hba).
        case refused
        /// Every host answered as a standby.
        case noPrimary
        /// No host answered.
        case unreachable
    }
    public var kind: Kind
    public var description: String
    public init(_ kind: Kind, _ text: String) { self.kind = kind; description = text }
}

/// A statement that failed, in words, with the server's SQLSTATE when it gave one.
public struct PostgresQueryError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The server refused the statement (its SQLSTATE says why).
        case server
        /// The connection is gone; the statement's outcome is unknown if it was a commit.
        case connectionLost
        /// No answer within the deadline; the connection is closed.
        case timedOut
        /// Anything else (TLS, a value that could not be read).
        case other
    }
    public var kind: Kind
    /// The server's SQLSTATE (`23505` unique violation, `42501` permission denied …), when it gave one.
    public var sqlState: String?
    /// The constraint the server named, when it named one.
    public var constraint: String?
    public var description: String

    init(_ kind: Kind, _ text: String) { self.kind = kind; description = text }

    init(_ error: any Error) {
        if let e = error as? PSQLError {
            sqlState = e.serverInfo?[.sqlState]
            constraint = e.serverInfo?[.constraintName]
            if let message = e.serverInfo?[.message] {
                kind = .server
                description = message
                return
            }
            kind = e.code == .serverClosedConnection || e.code == .clientClosedConnection ? .connectionLost : .other
            description = Self.words(error)
            return
        }
        kind = .other
        description = Self.words(error)
    }

    /// Login refusals: bad password (28P01), no such role or no access (28000), no such database (3D000).
    var refusedLogin: Bool { ["28P01", "28000", "3D000"].contains(sqlState ?? "") }

    static func words(_ error: any Error) -> String {
        if let e = error as? PSQLError {
            if let message = e.serverInfo?[.message] { return message }
            let detail = e.underlying.map { "\($0)" } ?? ""
            // NIO's connection errors print their whole structure: say what happened in a few words.
            for (needle, words) in [("Connection refused", "connection refused"), ("timed out", "timed out"),
                                    ("No route to host", "no route to host"), ("Network is unreachable", "network unreachable"),
                                    ("Name or service not known", "unknown host"),
                                    ("CERTIFICATE_VERIFY_FAILED", "the server's certificate was not signed by the sslrootcert CA (or names another host)"),
                                    ("handshakeFailed", "the TLS handshake failed (sslmode, sslrootcert)")] where detail.contains(needle) {
                return words
            }
            return "\(e.code)" + (detail.isEmpty ? "" : ": \(detail)")
        }
        return String(describing: error)
    }
}
