import CSodium
import Foundation

/// libsodium: SHA-256 for the audit chain, argon2id for staff secrets.
enum Sodium {
    /// sodium_init() is idempotent and thread-safe; this runs it once.
    static let ready: Bool = sodium_init() >= 0

    static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        precondition(ready, "libsodium failed to initialise")
        var out = [UInt8](repeating: 0, count: csodium_sha256_bytes())
        bytes.withUnsafeBufferPointer { b in
            _ = crypto_hash_sha256(&out, b.baseAddress, UInt64(b.count))
        }
        return out
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var s = [UInt8](); s.reserveCapacity(bytes.count * 2)
        for b in bytes { s.append(digits[Int(b >> 4)]); s.append(digits[Int(b & 15)]) }
        return String(decoding: s, as: UTF8.self)
    }

    static func unhex(_ text: String) -> [UInt8]? {
        let u = Array(text.utf8)
        guard u.count % 2 == 0 else { return nil }
        func v(_ c: UInt8) -> UInt8? {
            switch c { case 48...57: c - 48; case 97...102: c - 87; case 65...70: c - 55; default: nil }
        }
        var out = [UInt8](); out.reserveCapacity(u.count / 2)
        var i = 0
        while i < u.count {
            guard let hi = v(u[i]), let lo = v(u[i + 1]) else { return nil }
            out.append(hi << 4 | lo); i += 2
        }
        return out
    }
}

/// Staff secrets: argon2id via libsodium's `crypto_pwhash_str`, which
/// writes a self-describing string (algorithm, version, cost, salt, hash).
/// The cost is libsodium's INTERACTIVE recommendation (the minimum it
/// recommends for interactive logins); verification is libsodium's own,
/// constant-time compare.
public enum SecretHasher {
    public static var opsLimit: UInt64 { UInt64(csodium_pwhash_opslimit_interactive()) }
    public static var memLimit: Int { Int(csodium_pwhash_memlimit_interactive()) }

    /// The encoded argon2id hash, or nil if libsodium could not allocate memory.
    public static func hash(_ secret: String) -> String? {
        guard Sodium.ready else { return nil }
        var out = [CChar](repeating: 0, count: csodium_pwhash_strbytes())
        let bytes = Array(secret.utf8CString)  // NUL-terminated: never an empty buffer
        let rc = bytes.withUnsafeBufferPointer { c in
            crypto_pwhash_str_alg(&out, c.baseAddress!, UInt64(c.count - 1), opsLimit, memLimit,
                                  csodium_pwhash_alg_argon2id13())
        }
        guard rc == 0 else { return nil }
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// True when `secret` matches `encoded`. libsodium re-derives and compares in constant time.
    public static func verify(_ secret: String, against encoded: String) -> Bool {
        guard Sodium.ready else { return false }
        var str = Array(encoded.utf8CString)
        guard str.count <= csodium_pwhash_strbytes() else { return false }
        str += [CChar](repeating: 0, count: csodium_pwhash_strbytes() - str.count)
        let bytes = Array(secret.utf8CString)
        return bytes.withUnsafeBufferPointer { c in
            crypto_pwhash_str_verify(&str, c.baseAddress!, UInt64(c.count - 1)) == 0
        }
    }

    /// True when `encoded` uses weaker parameters than this build would write.
    public static func needsRehash(_ encoded: String) -> Bool {
        var str = Array(encoded.utf8CString)
        guard str.count <= csodium_pwhash_strbytes() else { return true }
        str += [CChar](repeating: 0, count: csodium_pwhash_strbytes() - str.count)
        return crypto_pwhash_str_needs_rehash(&str, opsLimit, memLimit) != 0
    }

    /// A hash of a random secret, verified against when a staff ID is
    /// unknown so that a wrong ID costs the same time as a wrong PIN.
    static let decoy: String = {
        var r = SystemRandomNumberGenerator()
        let secret = (0..<24).map { _ in String(UInt8.random(in: 0...255, using: &r), radix: 16) }.joined()
        return hash(secret) ?? ""
    }()
}
