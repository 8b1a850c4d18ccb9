import Foundation

/// Installing the program setgid to the ward's service group (`wardline init --install-program`).
enum ServiceInstall {
    struct Problem: Error, CustomStringConvertible { let description: String }

    /// The group's listed members (from the group database; primary-group users are not listed there).
    static func members(of group: String) -> [String] {
        guard let g = getgrnam(group), var p = g.pointee.gr_mem else { return [] }
        var out: [String] = []
        while let name = p.pointee { out.append(String(cString: name)); p += 1 }
        return out
    }

    /// Copies the running executable to `path` (replacing it atomically), owned by
    /// `group`, mode 2755: anyone may run it, it runs with the group's rights.
    static func installProgram(at path: String, group: String) throws {
        guard let g = getgrnam(group) else { throw Problem(description: "no group named \(group)") }
        let gid = g.pointee.gr_gid
        let me = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let tmp = path + ".new-\(getpid())"
        unlink(tmp)
        guard copyfile(from: me, to: tmp) else { throw Problem(description: "cannot write \(tmp): \(String(cString: strerror(errno)))") }
        // chown before chmod: changing the owner clears the setgid bit.
        guard chown(tmp, uid_t.max, gid) == 0, chmod(tmp, 0o2755) == 0 else {
            let why = String(cString: strerror(errno)); unlink(tmp)
            throw Problem(description: "cannot give \(tmp) to \(group) setgid: \(why)")
        }
        guard rename(tmp, path) == 0 else {
            let why = String(cString: strerror(errno)); unlink(tmp)
            throw Problem(description: "cannot move the program into \(path): \(why)")
        }
    }

    private static func copyfile(from: String, to: String) -> Bool {
        let src = open(from, O_RDONLY | O_CLOEXEC)
        guard src >= 0 else { return false }
        defer { close(src) }
        let dst = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o700)
        guard dst >= 0 else { return false }
        defer { close(dst) }
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = read(src, &buf, buf.count)
            if n == 0 { break }
            guard n > 0, write(dst, buf, n) == n else { return false }
        }
        return fsync(dst) == 0
    }
}
