import CSodium
import Foundation

/// libsodium, loaded at run time (see Sources/CSodium): why it cannot be
/// used on this machine, or nil when it can. Without it no PIN can be
/// checked and no audit entry chained, so `wardline` refuses to start.
public enum SodiumLibrary {
    /// nil when libsodium is loaded and initialised; otherwise one line
    /// naming what is missing and the Debian package to install.
    public static var problem: String? {
        wl_sodium_error().map { String(cString: $0) }
    }
}

/// libsodium: SHA-256 and HMAC-SHA-256 for the audit chain, argon2id for staff secrets.
enum Sodium {
    /// Loads libsodium and runs sodium_init(), once per process.
    static var ready: Bool { wl_sodium_load() == 0 }

    static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        // `wardline` stops at start-up when libsodium is missing, so this only
        // fails in a program that skipped that check; never chain a wrong hash.
        precondition(ready, "wardline: \(SodiumLibrary.problem ?? "libsodium is not available")")
        var out = [UInt8](repeating: 0, count: wl_sodium_hash_sha256_bytes())
        let rc = bytes.withUnsafeBufferPointer { b in
            wl_sodium_hash_sha256(&out, b.baseAddress, UInt64(b.count))
        }
        precondition(rc == 0, "wardline: libsodium could not hash an audit entry")
        return out
    }

    /// HMAC-SHA-256 (libsodium's crypto_auth_hmacsha256) with a 32-byte key.
    static func hmacSHA256(key: [UInt8], _ bytes: [UInt8]) -> [UInt8] {
        precondition(ready, "wardline: \(SodiumLibrary.problem ?? "libsodium is not available")")
        precondition(key.count == AuditKey.length, "wardline: an audit key must be \(AuditKey.length) bytes")
        var out = [UInt8](repeating: 0, count: 32)
        let rc = bytes.withUnsafeBufferPointer { b in
            key.withUnsafeBufferPointer { k in wl_sodium_hmacsha256(&out, b.baseAddress, UInt64(b.count), k.baseAddress) }
        }
        precondition(rc == 0, "wardline: libsodium could not authenticate an audit entry")
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
    public static var opsLimit: UInt64 { UInt64(wl_sodium_pwhash_opslimit_interactive()) }
    public static var memLimit: Int { Int(wl_sodium_pwhash_memlimit_interactive()) }

    /// The encoded argon2id hash, or nil if libsodium is missing or could not allocate memory.
    public static func hash(_ secret: String) -> String? {
        guard Sodium.ready else { return nil }
        var out = [CChar](repeating: 0, count: wl_sodium_pwhash_strbytes())
        let bytes = Array(secret.utf8CString)  // NUL-terminated: never an empty buffer
        guard bytes.count - 1 <= wl_sodium_pwhash_passwd_max() else { return nil }
        let rc = bytes.withUnsafeBufferPointer { c in
            wl_sodium_pwhash_str_alg(&out, c.baseAddress!, UInt64(c.count - 1), opsLimit, memLimit,
                                     wl_sodium_pwhash_alg_argon2id13())
        }
        guard rc == 0 else { return nil }
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// True when `secret` matches `encoded`. libsodium re-derives and compares in constant time.
    public static func verify(_ secret: String, against encoded: String) -> Bool {
        guard Sodium.ready else { return false }
        var str = Array(encoded.utf8CString)
        guard str.count <= wl_sodium_pwhash_strbytes() else { return false }
        str += [CChar](repeating: 0, count: wl_sodium_pwhash_strbytes() - str.count)
        let bytes = Array(secret.utf8CString)
        return bytes.withUnsafeBufferPointer { c in
            wl_sodium_pwhash_str_verify(&str, c.baseAddress!, UInt64(c.count - 1)) == 0
        }
    }

    /// True when `encoded` uses weaker parameters than this build would write.
    public static func needsRehash(_ encoded: String) -> Bool {
        guard Sodium.ready else { return true }
        var str = Array(encoded.utf8CString)
        guard str.count <= wl_sodium_pwhash_strbytes() else { return true }
        str += [CChar](repeating: 0, count: wl_sodium_pwhash_strbytes() - str.count)
        return wl_sodium_pwhash_str_needs_rehash(&str, opsLimit, memLimit) != 0
    }

    /// A hash of a random secret, verified against when a staff ID is
    /// unknown so that a wrong ID costs the same time as a wrong PIN.
    static let decoy: String = {
        var r = SystemRandomNumberGenerator()
        let secret = (0..<24).map { _ in String(UInt8.random(in: 0...255, using: &r), radix: 16) }.joined()
        return hash(secret) ?? ""
    }()
}
