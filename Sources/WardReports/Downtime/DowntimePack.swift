import Foundation

/// One file of the downtime pack.
public struct DowntimeDocument: Sendable, Hashable {
    /// A plain file name ("handover.txt"): no directories, not hidden.
    public var name: String
    public var contents: Data
    public init(name: String, contents: Data) { self.name = name; self.contents = contents }
    public init(name: String, text: String) { self.init(name: name, contents: Data(text.utf8)) }
}

/// Writes the downtime pack so that a crash at any moment leaves the last
/// good pack readable:
///
///     DIR/current -> pack-20261128-1600-ab12cd   (a symlink, switched atomically)
///     DIR/pack-20261128-1600-ab12cd/...           (the newest complete pack)
///     DIR/pack-20261128-1500-ef34ab/...           (the one before, kept)
///
/// A new pack is written into a hidden staging directory in DIR, every file
/// fsynced, then renamed to its final name; only then is a new `current`
/// symlink created beside the old one and renamed over it. Until that rename
/// the previous pack is `current`, whole. Older packs and stale staging
/// directories (from a run that was killed) are removed afterwards. Runs are
/// serialised with a lock file, so two cron runs cannot interleave.
public enum DowntimePack {
    public static let currentName = "current"
    static let stagingPrefix = ".incoming-"
    static let packPrefix = "pack-"

    /// Writes `documents` as a new pack in `dir` (created if missing) and
    /// returns the pack's directory; `dir/current` points at it on return.
    @discardableResult
    public static func write(to dir: URL, documents: [DowntimeDocument], now: Date = Date()) throws -> URL {
        try write(to: dir, documents: documents, now: now, afterEachFile: { _ in })
    }

    /// `afterEachFile` runs after each file is on disk (tests use it to fail mid-pack).
    static func write(to dir: URL, documents: [DowntimeDocument], now: Date,
                      afterEachFile: (String) throws -> Void) throws -> URL {
        try validate(documents)
        let fm = FileManager.default
        do { try fm.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
            throw ReportError("cannot create the downtime directory \(dir.path): \(error.localizedDescription)")
        }
        let lock = try LockFile(dir.appendingPathComponent(".lock"))
        defer { lock.release() }

        let id = UUID().uuidString.prefix(8).lowercased()
        let staging = dir.appendingPathComponent("\(stagingPrefix)\(id)")
        try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        do {
            for doc in documents {
                let url = staging.appendingPathComponent(doc.name)
                guard fm.createFile(atPath: url.path, contents: doc.contents) else {
                    throw ReportError("cannot write \(url.path): \(String(cString: strerror(errno)))")
                }
                try AtomicFile.syncFile(at: url)
                try afterEachFile(doc.name)
            }
            AtomicFile.syncDirectory(staging)

            let packName = "\(packPrefix)\(stamp(now))-\(id)"
            let pack = dir.appendingPathComponent(packName)
            guard rename(staging.path, pack.path) == 0 else {
                throw ReportError("cannot move the new pack into place at \(pack.path): \(String(cString: strerror(errno)))")
            }
            let link = dir.appendingPathComponent(".current-\(id)")
            guard symlink(packName, link.path) == 0 else {
                throw ReportError("cannot create the link \(link.path): \(String(cString: strerror(errno)))")
            }
            guard rename(link.path, dir.appendingPathComponent(currentName).path) == 0 else {
                try? fm.removeItem(at: link)
                throw ReportError("cannot switch \(dir.path)/\(currentName) to the new pack: \(String(cString: strerror(errno)))")
            }
            AtomicFile.syncDirectory(dir)
            prune(dir, keeping: packName)
            return pack
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }

    /// The pack `current` points at, if any.
    public static func current(in dir: URL) -> URL? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: dir.appendingPathComponent(currentName).path)
        else { return nil }
        return dir.appendingPathComponent(target)
    }

    static func validate(_ documents: [DowntimeDocument]) throws {
        var seen = Set<String>()
        for d in documents {
            guard !d.name.isEmpty, !d.name.contains("/"), !d.name.hasPrefix("."), d.name.unicodeScalars.allSatisfy({ $0.value >= 0x20 })
            else { throw ReportError("downtime document name \"\(PrintSafe.text(d.name))\" must be a plain file name (no '/', not hidden)") }
            guard seen.insert(d.name).inserted else { throw ReportError("downtime document \"\(d.name)\" appears twice") }
        }
    }

    /// Keeps the new pack and the one before it; removes older packs and stale staging/link leftovers.
    static func prune(_ dir: URL, keeping newest: String) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { return }
        for n in names where n.hasPrefix(stagingPrefix) || n.hasPrefix(".current-") {
            try? fm.removeItem(at: dir.appendingPathComponent(n))
        }
        let packs = names.filter { $0.hasPrefix(packPrefix) && $0 != newest }.sorted()
        for n in packs.dropLast() { try? fm.removeItem(at: dir.appendingPathComponent(n)) }
    }

    static func stamp(_ d: Date) -> String {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        let p = c.dateComponents([.year, .month, .day, .hour, .minute, .second], from: d)
        return String(format: "%04d%02d%02d-%02d%02d%02dZ", p.year ?? 0, p.month ?? 0, p.day ?? 0,
                      p.hour ?? 0, p.minute ?? 0, p.second ?? 0)
    }
}

/// An exclusive flock on a file, held until `release`.
struct LockFile {
    let fd: Int32
    init(_ url: URL) throws {
        fd = open(url.path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw ReportError("cannot open the lock file \(url.path): \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX) == 0 else {
            close(fd)
            throw ReportError("cannot lock \(url.path): \(String(cString: strerror(errno)))")
        }
    }
    func release() { flock(fd, LOCK_UN); close(fd) }
}
