import Foundation
import WardStore

/// The anchor line: what `audit verify --expect-count --expect-head` needs,
/// in a form a person can copy from the log, a file or the downtime pack.
enum AuditAnchorLine {
    static func text(database: String, count: Int64, head: String, at: Date) -> String {
        "wardline audit anchor: db=\(database) count=\(count) head=\(head) at=\(FileLogHandler.stamp(at)) " +
        "verify with: wardline audit verify --db \(database) --expect-count \(count) --expect-head \(head)"
    }

    /// syslog(3), facility auth (kept by journald and rsyslog's auth log).
    static func syslog(_ line: String) {
        openlog("wardline-audit", LOG_PID, LOG_AUTH)
        line.withCString { c in withVaList([c]) { vsyslog(LOG_NOTICE, "%s", $0) } }
        closelog()
    }

    static func append(_ line: String, to path: String) throws {
        let fd = try Privilege.asInvokingUser { open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o640) }
        guard fd >= 0 else { throw fail(.cannotCreate, "cannot open \(path) to append the anchor: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array((line + "\n").utf8)
        guard write(fd, bytes, bytes.count) == bytes.count, fsync(fd) == 0 else {
            throw fail(.ioError, "cannot write the anchor to \(path): \(String(cString: strerror(errno)))")
        }
    }
}
