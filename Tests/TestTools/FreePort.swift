import Glibc

/// A TCP port on 127.0.0.1 that no one listens on now: the kernel's choice, released at once for
/// the server a test starts on it (a listener, a dead host's address).
public struct FreePortError: Error, CustomStringConvertible { public let description: String }

public func freeLoopbackPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw FreePortError(description: "socket: errno \(errno)") }
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    addr.sin_port = 0
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    let ok = withUnsafeMutablePointer(to: &addr) { p in
        p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
    }
    guard ok else { throw FreePortError(description: "no free port: errno \(errno)") }
    return Int(UInt16(bigEndian: addr.sin_port))
}
