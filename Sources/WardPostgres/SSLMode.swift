import NIOSSL
import PostgresNIO

/// libpq's `sslmode`, with its meaning: whether the connection is encrypted and how far the
/// server is checked. The default is `prefer`, as libpq's; a hospital network should use
/// `verify-full` (docs/ward-it.md).
public enum SSLMode: String, Sendable, Hashable, CaseIterable {
    case disable, allow, prefer, require
    case verifyCA = "verify-ca"
    case verifyFull = "verify-full"

    /// Whether the server's certificate must chain to `sslrootcert`.
    public var verifiesCertificate: Bool { self == .verifyCA || self == .verifyFull }

    /// The TLS settings for postgres-nio. `allow` and `prefer` try TLS and fall back to plain text;
    /// `require` encrypts without checking who answers; `verify-ca` checks the chain; `verify-full`
    /// the chain and the host name.
    func tls(rootCert: String?) throws -> PostgresConnection.Configuration.TLS {
        var config = TLSConfiguration.makeClientConfiguration()
        switch self {
        case .disable:
            return .disable
        case .allow, .prefer:
            config.certificateVerification = .none
            return .prefer(try NIOSSLContext(configuration: config))
        case .require:
            config.certificateVerification = .none
            return .require(try NIOSSLContext(configuration: config))
        case .verifyCA, .verifyFull:
            config.certificateVerification = self == .verifyFull ? .fullVerification : .noHostnameVerification
            if let rootCert { config.trustRoots = .file(rootCert) }
            return .require(try NIOSSLContext(configuration: config))
        }
    }
}
