import Foundation
import GRDB

/// File-system checks before SQLite touches the path, so that each failure
/// gets its own clear message instead of SQLite's generic "unable to open".
struct FileCheck {
    let path: String
    var directory: String { (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent }

    /// Returns true when the file was created now.
    func prepare(create: Bool, group: String?) throws(StoreOpenError) -> Bool {
        var st = stat()
        if stat(path, &st) == 0 {
            try checkExisting(st)
            if st.st_size == 0 && !create {
                throw StoreOpenError(.notADatabase, path: path,
                    "\(path) is an empty file, not a ward database; remove it and run `wardline init --db \(path)`")
            }
            return st.st_size == 0
        }
        guard errno == ENOENT else {
            throw StoreOpenError(.unreadable, path: path, "cannot reach \(path): \(String(cString: strerror(errno)))")
        }
        guard create else {
            throw StoreOpenError(.missing, path: path, "no ward database at \(path); create one with `wardline init --db \(path)`")
        }
        try createFile(group: group)
        return true
    }

    private func checkExisting(_ st: stat) throws(StoreOpenError) {
        let type = st.st_mode & S_IFMT
        if type == S_IFDIR {
            throw StoreOpenError(.isDirectory, path: path, "\(path) is a directory, not a ward database; give the path of a file")
        }
        guard type == S_IFREG else {
            throw StoreOpenError(.notADatabase, path: path, "\(path) is not a regular file; give the path of a ward database file")
        }
        // Mode bits are checked as well as access(2): root passes access()
        // for any file, but a database someone made read-only or unreadable
        // on purpose must not be written anyway.
        let mode = st.st_mode & 0o777
        // Effective IDs (AT_EACCESS): the installed program runs setgid to the ward's service group.
        if faccessat(AT_FDCWD, path, R_OK, AT_EACCESS) != 0 || mode & 0o444 == 0 {
            throw StoreOpenError(.unreadable, path: path,
                "\(path) is not readable (mode \(String(mode, radix: 8))); ask ward IT to fix its owner or permissions")
        }
        if faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) != 0 || mode & 0o222 == 0 {
            throw StoreOpenError(.readOnly, path: path,
                "\(path) is read-only (mode \(String(mode, radix: 8))); ask ward IT to make it writable for the ward's users")
        }
        if faccessat(AT_FDCWD, directory, W_OK | X_OK, AT_EACCESS) != 0 {
            throw StoreOpenError(.readOnly, path: path,
                "the directory \(directory) is not writable, so SQLite cannot create its WAL file; ask ward IT to fix its permissions")
        }
        if st.st_size > 0 {
            let header = readHeader()
            if st.st_size < 100 || header != Array("SQLite format 3\0".utf8) {
                throw StoreOpenError(.notADatabase, path: path, "\(path) is not an SQLite database; choose another --db path")
            }
        }
    }

    private func readHeader() -> [UInt8] {
        guard let h = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? h.close() }
        return [UInt8]((try? h.read(upToCount: 16)) ?? Data())
    }

    private func createFile(group: String?) throws(StoreOpenError) {
        var gid: gid_t? = nil
        if let group {
            guard let g = getgrnam(group) else {
                throw StoreOpenError(.cannotCreate, path: path, "no group named \(group) on this host; check --group")
            }
            gid = g.pointee.gr_gid
        }
        let fm = FileManager.default
        if !fm.fileExists(atPath: directory) {
            do {
                try fm.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                       attributes: [.posixPermissions: gid == nil ? 0o700 : 0o770])
                // A ward group's directory is setgid, so the WAL, the lock file and the key it holds stay the group's.
                if let gid { _ = chown(directory, uid_t.max, gid); _ = chmod(directory, 0o2770) }
            } catch {
                throw StoreOpenError(.cannotCreate, path: path, "cannot create the directory \(directory): \(error.localizedDescription)")
            }
        }
        let mode: mode_t = gid == nil ? 0o600 : 0o660
        let fd = Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode)
        guard fd >= 0 else {
            throw StoreOpenError(.cannotCreate, path: path, "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { Glibc.close(fd) }
        // Exact mode regardless of umask; the group owns it when asked.
        if let gid, fchown(fd, uid_t.max, gid) != 0 {
            let msg = String(cString: strerror(errno))
            unlink(path)
            throw StoreOpenError(.cannotCreate, path: path, "cannot give \(path) to group \(group ?? ""): \(msg)")
        }
        _ = fchmod(fd, mode)
    }

    /// Maps an SQLite error at open time to its one-line message.
    func mapped(_ error: any Error) -> StoreOpenError {
        if let e = error as? StoreOpenError { return e }
        guard let db = error as? DatabaseError else {
            return StoreOpenError(.other, path: path, "cannot open \(path): \(error)")
        }
        switch db.resultCode {
        case .SQLITE_NOTADB:
            return StoreOpenError(.notADatabase, path: path, "\(path) is not an SQLite database; choose another --db path")
        case .SQLITE_CORRUPT:
            return StoreOpenError(.corrupt, path: path, "\(path) is damaged (SQLite: \(db.message ?? "corrupt")); restore it from the last backup")
        case .SQLITE_READONLY:
            return StoreOpenError(.readOnly, path: path, "\(path) is read-only; ask ward IT to make it writable for the ward's users")
        case .SQLITE_PERM, .SQLITE_AUTH:
            return StoreOpenError(.unreadable, path: path, "\(path) cannot be opened: permission denied")
        case .SQLITE_CANTOPEN:
            return StoreOpenError(.cannotCreate, path: path, "cannot open \(path) (SQLite: \(db.message ?? "unable to open")); check the path and its directory")
        default:
            return StoreOpenError(.other, path: path, "cannot open \(path): \(db.message ?? "\(db.resultCode)")")
        }
    }
}
