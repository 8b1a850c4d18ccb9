import Glibc
import Synchronization

/// Messages for the UI thread from anywhere else (effect workers, store
/// observers, timers). `post` appends under a lock and writes one byte to a
/// self-pipe; the run loop polls the pipe's read end (`wakeFD`) together
/// with stdin, so a post wakes it at once.
final class Inbox<Msg: Sendable>: Sendable {
    private let queue = Mutex<[Msg]>([])
    /// Read end of the self-pipe: pass it to `Terminal.readInput(wakeFD:)`.
    let wakeFD: Int32
    private let writeFD: Int32

    init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            }
        }
        wakeFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        if wakeFD >= 0 { close(wakeFD) }
        if writeFD >= 0 { close(writeFD) }
    }

    /// Queues a message and wakes the loop. Safe from any thread.
    func post(_ message: Msg) {
        queue.withLock { $0.append(message) }
        var byte: UInt8 = 1
        // A full pipe (EAGAIN) already means "awake": nothing to do.
        _ = write(writeFD, &byte, 1)
    }

    /// Takes every queued message, oldest first (UI thread).
    func drain() -> [Msg] {
        // Empty the pipe first: a post after this writes a fresh byte, so
        // no wake-up is lost.
        var buf = [UInt8](repeating: 0, count: 256)
        while read(wakeFD, &buf, buf.count) > 0 {}
        return queue.withLock { q in
            let taken = q
            q.removeAll()
            return taken
        }
    }
}
