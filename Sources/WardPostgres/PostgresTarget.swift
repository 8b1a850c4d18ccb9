import Foundation

/// Where a ward's PostgreSQL database is: `--db postgresql://USER@HOST[:PORT][,HOST2[:PORT]…]/DB?ward=CODE&…`.
///
/// The password never travels in the URL (it would show in `ps` and the shell's history): it
/// comes from a pgpass file (`PGPASSFILE`, else `~/.pgpass`). Several hosts are tried in order and
/// the first that accepts writes is used (a primary, never a standby), as libpq does with
/// `target_session_attrs=read-write`.
public struct PostgresTarget: Sendable, Hashable, CustomStringConvertible {
    public struct Host: Sendable, Hashable {
        public var name: String
        public var port: Int
    }

    public var user: String
    public var hosts: [Host]
    public var database: String
    /// The ward's code (its schema is `ward_<code>`); nil when the URL names none.
    public var ward: String?
    public var sslMode: SSLMode
    /// The CA bundle that verify-ca and verify-full check the server's certificate against.
    public var sslRootCert: String?
    /// Seconds to wait for each host to answer.
    public var connectTimeout: Int
    public var applicationName: String
    /// The ward's audit key file (`auditkey=PATH`); nil: `defaultAuditKeyDirectory/<ward>.audit-key`.
    /// It lives beside the program on the terminals' host, never in the database.
    public var auditKeyPath: String?
    /// The pgpass file to read (`passfile=PATH`, as libpq's); nil: PGPASSFILE, else ~/.pgpass.
    public var passFile: String?

    public static let defaultPort = 5432
    /// Where a ward's audit key is kept when the URL names no `auditkey=`.
    public static let defaultAuditKeyDirectory = "/var/lib/wardline"
    /// The options a URL may carry; anything else is refused (a typo must not be ignored silently).
    public static let options = ["ward", "sslmode", "sslrootcert", "connect_timeout", "application_name", "auditkey", "passfile"]

    /// Whether `s` can be a ward's code (its schema is `ward_<code>`, an SQL name without quotes).
    public static func isWardCode(_ s: String) -> Bool { s.range(of: "^[a-z][a-z0-9_]{0,30}$", options: .regularExpression) != nil }
    public static let wardCodeRule = "a ward code is a lower-case letter then up to 30 letters, digits or _"

    /// Whether `--db` names a PostgreSQL database rather than a SQLite file.
    public static func isURL(_ s: String) -> Bool { s.hasPrefix("postgresql://") || s.hasPrefix("postgres://") }

    /// The URL as written, without any secret (there is none to leave out: passwords are refused).
    public var description: String {
        let hostList = hosts.map { $0.port == Self.defaultPort ? $0.name : "\($0.name):\($0.port)" }.joined(separator: ",")
        var query = [(String, String)]()
        if let ward { query.append(("ward", ward)) }
        if sslMode != .prefer { query.append(("sslmode", sslMode.rawValue)) }
        if let sslRootCert { query.append(("sslrootcert", sslRootCert)) }
        if let auditKeyPath { query.append(("auditkey", auditKeyPath)) }
        if let passFile { query.append(("passfile", passFile)) }
        return "postgresql://\(user)@\(hostList)/\(database)" + (query.isEmpty ? "" : "?" + query.map { "\($0)=\($1)" }.joined(separator: "&"))
    }

    /// Reads a URL; the error says what to fix.
    public init(url: String) throws(PostgresURLError) {
        guard Self.isURL(url) else { throw .init("\(url): a PostgreSQL database is given as postgresql://USER@HOST[:PORT]/DATABASE") }
        var rest = Substring(url.drop(while: { $0 != ":" }).dropFirst(3))
        var query = Substring("")
        if let q = rest.firstIndex(of: "?") { query = rest[rest.index(after: q)...]; rest = rest[..<q] }
        guard let slash = rest.firstIndex(of: "/") else { throw .init("\(url): name the database after the host: postgresql://USER@HOST/DATABASE") }
        let authority = rest[..<slash]
        let database = Self.decode(rest[rest.index(after: slash)...])
        guard !database.isEmpty, !database.contains("/") else { throw .init("\(url): name one database after the host, e.g. /wardline") }
        guard let at = authority.lastIndex(of: "@") else {
            throw .init("\(url): name the database user before the host: postgresql://USER@HOST/DATABASE")
        }
        let userInfo = authority[..<at]
        guard !userInfo.contains(":") else {
            throw .init("a password in the URL would show in the process list and the shell's history: leave it out and put it in a pgpass file (PGPASSFILE or ~/.pgpass, mode 0600)")
        }
        let user = Self.decode(userInfo)
        guard !user.isEmpty else { throw .init("\(url): the user before @ is empty") }
        var hosts: [Host] = []
        for part in authority[authority.index(after: at)...].split(separator: ",", omittingEmptySubsequences: false) {
            hosts.append(try Self.host(part, in: url))
        }
        self.user = user
        self.hosts = hosts
        self.database = database
        self.ward = nil
        self.sslMode = .prefer
        self.sslRootCert = nil
        self.connectTimeout = 5
        self.applicationName = "wardline"
        self.auditKeyPath = nil
        self.passFile = nil
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(kv[0]), value = kv.count > 1 ? Self.decode(kv[1]) : ""
            switch key {
            case "ward":
                guard Self.isWardCode(value) else { throw .init("ward=\(value): \(Self.wardCodeRule), e.g. ward=detox") }
                ward = value
            case "sslmode":
                guard let mode = SSLMode(rawValue: value) else {
                    throw .init("sslmode=\(value): use one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                sslMode = mode
            case "sslrootcert": sslRootCert = value
            case "connect_timeout":
                guard let s = Int(value), (1...120).contains(s) else { throw .init("connect_timeout=\(value): give whole seconds from 1 to 120") }
                connectTimeout = s
            case "application_name": applicationName = value
            case "auditkey":
                guard value.hasPrefix("/") else { throw .init("auditkey=\(value): give the key file's absolute path") }
                auditKeyPath = value
            case "passfile":
                guard value.hasPrefix("/") else { throw .init("passfile=\(value): give the pgpass file's absolute path") }
                passFile = value
            case "password":
                throw .init("a password in the URL would show in the process list and the shell's history: put it in a pgpass file (PGPASSFILE or ~/.pgpass, mode 0600)")
            default:
                throw .init("\(key)=…: not an option Wardline reads (it reads \(Self.options.joined(separator: ", ")))")
            }
        }
        if sslMode.verifiesCertificate, sslRootCert == nil {
            throw .init("sslmode=\(sslMode.rawValue) checks the server's certificate: name the CA file with sslrootcert=PATH")
        }
    }

    /// The ward's folder on the terminals' host (printouts, the downtime pack): the audit key's folder
    /// when `auditkey=` names one, else `defaultAuditKeyDirectory/<ward>`.
    public func wardDirectory(ward: String) -> String {
        auditKeyPath.map { ($0 as NSString).deletingLastPathComponent } ?? Self.defaultAuditKeyDirectory + "/" + ward
    }

    /// The audit key file of `ward` (`auditkey=`, else the default directory).
    public func auditKeyFile(ward: String) -> String {
        auditKeyPath ?? Self.defaultAuditKeyDirectory + "/" + ward + ".audit-key"
    }

    private static func host(_ part: Substring, in url: String) throws(PostgresURLError) -> Host {
        guard !part.isEmpty else { throw .init("\(url): a host in the list is empty (hosts are separated by single commas)") }
        var name = part, port = defaultPort
        if part.hasPrefix("[") {   // [::1]:5432
            guard let close = part.firstIndex(of: "]") else { throw .init("\(url): \(part): an IPv6 address needs its closing ]") }
            name = part[part.index(after: part.startIndex)..<close]
            let after = part[part.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let p = Int(after.dropFirst()) else { throw .init("\(url): \(part): the port after ] is not a number") }
                port = p
            }
        } else if let colon = part.lastIndex(of: ":") {
            name = part[..<colon]
            guard let p = Int(part[part.index(after: colon)...]) else { throw .init("\(url): \(part): the port after : is not a number") }
            port = p
        }
        guard (1...65535).contains(port) else { throw .init("\(url): port \(port) is outside 1 to 65535") }
        guard !name.isEmpty else { throw .init("\(url): \(part): the host name is empty") }
        return Host(name: decode(name), port: port)
    }

    private static func decode(_ s: Substring) -> String { String(s).removingPercentEncoding ?? String(s) }
}

/// A `--db` URL that cannot be used, with what to fix.
public struct PostgresURLError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String
    init(_ text: String) { description = text }
}
