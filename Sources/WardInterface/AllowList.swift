import Foundation

/// The addresses the listener accepts connections from: `--allow ADDR[/BITS]`, IPv4 or IPv6.
/// Without any, only this host (127.0.0.0/8 and ::1).
public struct AllowList: Sendable, Hashable, CustomStringConvertible {
    struct Network: Sendable, Hashable { let bytes: [UInt8]; let bits: Int }
    let networks: [Network]
    public let description: String

    public static let loopback = try! AllowList(["127.0.0.0/8", "::1/128"])

    /// Throws a sentence naming the entry that is not an address or network.
    public init(_ entries: [String]) throws {
        var nets: [Network] = []
        for e in entries {
            let parts = e.split(separator: "/", maxSplits: 1).map(String.init)
            guard let bytes = parts.first.flatMap(Self.bytes) else {
                throw AllowListError(description: "--allow \(e): not an IPv4 or IPv6 address (e.g. 10.20.0.0/16, 192.0.2.7, fd00::/8)")
            }
            let bits = parts.count > 1 ? Int(parts[1]) : bytes.count * 8
            guard let bits, (0...(bytes.count * 8)).contains(bits) else {
                throw AllowListError(description: "--allow \(e): the prefix length must be 0–\(bytes.count * 8)")
            }
            nets.append(Network(bytes: bytes, bits: bits))
        }
        networks = nets
        description = entries.joined(separator: ", ")
    }

    /// True when `address` (a textual IP) lies in one of the networks.
    public func allows(_ address: String) -> Bool {
        guard var b = Self.bytes(address) else { return false }
        // An IPv4 peer seen on an IPv6 socket (::ffff:a.b.c.d) is checked as IPv4.
        if b.count == 16, b.prefix(10).allSatisfy({ $0 == 0 }), b[10] == 0xFF, b[11] == 0xFF { b = Array(b.suffix(4)) }
        return networks.contains { n in
            guard n.bytes.count == b.count else { return false }
            var left = n.bits
            for i in 0..<b.count where left > 0 {
                let mask: UInt8 = left >= 8 ? 0xFF : UInt8(truncatingIfNeeded: 0xFF << (8 - left))
                if b[i] & mask != n.bytes[i] & mask { return false }
                left -= 8
            }
            return true
        }
    }

    static func bytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr(), v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }
}

public struct AllowListError: Error, CustomStringConvertible { public let description: String }
