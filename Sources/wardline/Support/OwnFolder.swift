import Foundation
import Glibc

/// Writing in the user's own folders without changing the process's group.
enum OwnFolder {
    static func error(_ what: String) -> ThemeMemoryError {
        ThemeMemoryError(message: "\(what): \(String(cString: strerror(errno)))")
    }

    /// The user's own group for a file or folder this process created (under the setgid
    /// program it was created with the service group).
    static func takeUsersGroup(_ fd: Int32) { _ = fchown(fd, uid_t.max, getgid()) }

    /// Opens `path` as a folder owned by the real user, creating what is missing (0700)
    /// inside folders the user owns. Returns its descriptor.
    static func open(_ path: String) throws(ThemeMemoryError) -> Int32 {
        var fd = Glibc.open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw error("/") }
        var walked = ""
        for part in path.split(separator: "/").map(String.init) {
            walked += "/" + part
            var next = openat(fd, part, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if next < 0 && errno == ENOENT {
                guard isUsers(fd) else {
                    close(fd)
                    throw ThemeMemoryError(message: "cannot create \(walked): the folder above it is not yours")
                }
                if mkdirat(fd, part, 0o700) != 0 && errno != EEXIST { let e = error("cannot create \(walked)"); close(fd); throw e }
                next = openat(fd, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if next >= 0 { takeUsersGroup(next) }
            }
            close(fd)
            guard next >= 0 else { throw error("cannot open \(walked)") }
            fd = next
        }
        guard isUsers(fd) else { close(fd); throw ThemeMemoryError(message: "\(path) is not your folder") }
        return fd
    }

    static func isUsers(_ fd: Int32) -> Bool {
        var st = stat()
        return fstat(fd, &st) == 0 && st.st_uid == getuid()
    }

    /// Writes `bytes` as `name` in the folder `dir`: a new file (0600, the user's group),
    /// flushed, then renamed over the old one.
    static func replace(in dir: Int32, name: String, with bytes: [UInt8], shownAs path: String) throws(ThemeMemoryError) {
        let temporary = ".\(name).\(getpid()).tmp"
        _ = unlinkat(dir, temporary, 0)   // left by a run that was killed mid-write
        let fd = openat(dir, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw error("cannot write beside \(path)") }
        takeUsersGroup(fd)
        let written = bytes.withUnsafeBytes { p -> Bool in
            var off = 0
            while off < p.count {
                let n = write(fd, p.baseAddress! + off, p.count - off)
                if n <= 0 { return false }
                off += n
            }
            return true
        }
        var failure: ThemeMemoryError?
        if !written || fsync(fd) != 0 { failure = error("cannot write \(path)") }
        close(fd)
        if failure == nil, renameat(dir, temporary, dir, name) != 0 { failure = error("cannot replace \(path)") }
        if let failure {
            _ = unlinkat(dir, temporary, 0)
            throw failure
        }
    }
}
