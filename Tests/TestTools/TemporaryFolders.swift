import Foundation
import Glibc

/// Temporary folders for tests, all inside one folder per test process
/// (`$TMPDIR/wardline-tests-PID`), which is removed when the process exits, so a run leaves
/// nothing in the system temporary folder even when a test forgets to clean up or a process it
/// started writes into a folder after the test removed it. A folder left by a run that crashed is
/// removed by the next run (its process no longer exists).
public enum TemporaryFolders {
    /// This process's folder, created on first use.
    public static let root: URL = {
        let system = FileManager.default.temporaryDirectory
        removeLeftovers(in: system)
        let url = system.appendingPathComponent("wardline-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TemporaryFolders.root) }
        return url
    }()

    /// A new, empty folder named after `tag` (the caller may remove it sooner).
    public static func make(_ tag: String) -> URL {
        let url = root.appendingPathComponent("\(tag)-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Folders of earlier runs whose process is gone.
    private static func removeLeftovers(in system: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: system.path)) ?? []
        for name in names where name.hasPrefix("wardline-tests-") {
            guard let pid = pid_t(name.dropFirst("wardline-tests-".count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: system.appendingPathComponent(name))
            }
        }
    }
}
