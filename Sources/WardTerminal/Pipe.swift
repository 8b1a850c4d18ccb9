import Glibc

/// A pipe with close-on-exec (and optionally non-blocking) ends.
/// (`pipe2` is hidden from Swift's Glibc module.)
func makePipe(nonBlocking: Bool) -> (read: Int32, write: Int32)? {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { return nil }
    for fd in fds {
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        if nonBlocking { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }
    return (fds[0], fds[1])
}
