import Foundation

/// The secret that keys the audit chain (HMAC-SHA-256). It lives beside the
/// ward database as `<db>.audit-key`, 32 random bytes written as hex, mode
/// 0640 and owned by the ward's service group when there is one: readable by
/// the `wardline` program, never writable by it after creation, and out of
/// reach of anyone who is not in that group. Without it nobody can write an
/// event that `audit verify` accepts, so an edit with `sqlite3` — even one that
/// recomputes every later hash — is found.
public enum AuditKey {
    public static let length = 32

    public static func path(forDatabase db: String) -> String { db + ".audit-key" }

    public enum Problem: Error, Sendable, CustomStringConvertible {
        case missing(String)
        case unreadable(String, String)
        case malformed(String)
        case cannotCreate(String, String)

        public var description: String {
            switch self {
            case .missing(let p): "the audit key \(p) is missing; restore it from where ward IT keeps its copy (the chain cannot be checked or extended without it)"
            case .unreadable(let p, let why): "the audit key \(p) cannot be read (\(why)); ask ward IT to check its owner and mode (0640, service group)"
            case .malformed(let p): "the audit key \(p) is not a Wardline audit key (64 hex digits); restore it from ward IT's copy"
            case .cannotCreate(let p, let why): "cannot create the audit key \(p): \(why)"
            }
        }
    }

    /// Reads the key at `path`.
    public static func load(_ path: String) throws(Problem) -> [UInt8] {
        guard FileManager.default.fileExists(atPath: path) else { throw .missing(path) }
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw .unreadable(path, String(cString: strerror(errno))) }
        defer { Glibc.close(fd) }
        var buf = [UInt8](repeating: 0, count: 200)
        let n = read(fd, &buf, buf.count)
        guard n > 0 else { throw .unreadable(path, n == 0 ? "it is empty" : String(cString: strerror(errno))) }
        let text = String(decoding: buf.prefix(n), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.utf8.count == length * 2, let key = Sodium.unhex(text) else { throw .malformed(path) }
        return key
    }

    /// Creates a new key at `path` (never replacing one): mode 0640, group `gid` when given.
    public static func create(_ path: String, gid: gid_t?) throws(Problem) -> [UInt8] {
        var rng = SystemRandomNumberGenerator()
        return try write((0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }, to: path, gid: gid)
    }

    /// Writes `key` to a new file at `path` (never replacing one): mode 0640, group `gid` when given.
    /// (`wardline migrate` carries a ward's key to where its PostgreSQL ward keeps it.)
    @discardableResult
    public static func write(_ key: [UInt8], to path: String, gid: gid_t?) throws(Problem) -> [UInt8] {
        let fd = Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o640)
        guard fd >= 0 else { throw .cannotCreate(path, String(cString: strerror(errno))) }
        defer { Glibc.close(fd) }
        if let gid { _ = fchown(fd, uid_t.max, gid) }
        _ = fchmod(fd, 0o640)
        let bytes = Array((Sodium.hex(key) + "\n").utf8)
        guard Glibc.write(fd, bytes, bytes.count) == bytes.count, fsync(fd) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(path)
            throw .cannotCreate(path, why)
        }
        return key
    }
}
