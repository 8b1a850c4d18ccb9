import Foundation

/// Durable, all-or-nothing file writes: write a temporary file in the same
/// directory, fsync it, rename it over the target, fsync the directory.
/// A crash leaves either the old file or the new one, never half of either.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        defer { try? FileManager.default.removeItem(at: tmp) }
        guard FileManager.default.createFile(atPath: tmp.path, contents: data) else {
            throw ReportError("could not write \(tmp.path): \(String(cString: strerror(errno)))")
        }
        try syncFile(at: tmp)
        guard rename(tmp.path, url.path) == 0 else {
            throw ReportError("could not save \(url.path): \(String(cString: strerror(errno)))")
        }
        syncDirectory(dir)
    }

    static func syncFile(at url: URL) throws {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw ReportError("could not open \(url.path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw ReportError("could not flush \(url.path) to disk: \(String(cString: strerror(errno)))") }
    }

    static func syncDirectory(_ url: URL) {
        let fd = open(url.path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
