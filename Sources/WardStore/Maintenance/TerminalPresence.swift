import Foundation

/// Which terminals have the ward open: each running `wardline` TUI holds a
/// shared `flock` on `<database>.terminals` for as long as it runs (the
/// kernel drops it when the process ends, even on kill -9). A restore takes
/// the lock exclusively, so it never swaps the file under an open terminal.
public final class TerminalPresence: @unchecked Sendable {
    private let fd: Int32

    /// Holds the shared lock; nil when the lock file cannot be opened (the TUI runs anyway).
    public static func hold(database path: String) -> TerminalPresence? {
        let fd = open(lockPath(path), O_RDWR | O_CREAT | O_CLOEXEC, 0o660)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_SH | LOCK_NB) == 0 || flock(fd, LOCK_SH) == 0 else { close(fd); return nil }
        return TerminalPresence(fd: fd)
    }

    /// Takes the lock exclusively if no terminal holds it (nil: a terminal has the ward open).
    public static func exclusive(database path: String) -> TerminalPresence? {
        let fd = open(lockPath(path), O_RDWR | O_CREAT | O_CLOEXEC, 0o660)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { close(fd); return nil }
        return TerminalPresence(fd: fd)
    }

    static func lockPath(_ database: String) -> String { database + ".terminals" }

    private init(fd: Int32) { self.fd = fd }
    deinit { flock(fd, LOCK_UN); close(fd) }
}
