import Foundation
import Testing
import TestTools
@testable import WardPostgres

/// The link to a real PostgreSQL 15 (Debian's), with a synchronous standby.
@Suite(.serialized) struct PostgresLinkTests {
    let cluster: PostgresCluster
    let passwords: PGPass

    init() throws {
        cluster = try PostgresCluster.shared()
        passwords = try PGPass.load(environment: cluster.environment)
    }

    func target(_ url: String) throws -> PostgresTarget { try PostgresTarget(url: url) }

    @Test func theAppAndTheOwnerSignInWithPasswordsFromPgpass() throws {
        for (url, role) in [(cluster.appURL, "wardline_app"), (cluster.ownerURL, "wardline_owner")] {
            let link = try PostgresLink.connect(target(url), passwords: passwords)
            defer { link.close() }
            #expect(try link.query("SELECT current_user, current_database()") == [[.text(role), .text("wardline")]])
        }
    }

    @Test func valuesGoInAndComeBackAsTheyWere() throws {
        let link = try PostgresLink.connect(target(cluster.appURL), passwords: passwords)
        defer { link.close() }
        let rows = try link.query("SELECT $1::bigint, $2::double precision, $3::text, $4::bytea, $5::text IS NULL, $6::boolean",
                                  [.int(Int64.max), .double(0.1), .text("Müller, Grete 🛏"), .bytes([0, 255, 7]), .null, .bool(true)])
        #expect(rows == [[.int(Int64.max), .double(0.1), .text("Müller, Grete 🛏"), .bytes([0, 255, 7]), .bool(true), .bool(true)]])
    }

    @Test func aWrongPasswordIsARefusedLoginThatSaysSo() throws {
        let wrong = PGPass(text: "*:*:*:wardline_app:not-the-password\n", path: "test")
        let app = try target(cluster.appURL)
        do {
            _ = try PostgresLink.connect(app, passwords: wrong)
            Issue.record("connected with a wrong password")
        } catch {
            #expect(error.kind == .refused)
            #expect(error.description.contains("password authentication failed"), "\(error)")
        }
        do {
            _ = try PostgresLink.connect(app, passwords: PGPass(text: "", path: "/nowhere/pgpass"))
            Issue.record("connected without a password")
        } catch {
            #expect(error.kind == .noPassword)
            #expect(error.description.contains("no line for user wardline_app in /nowhere/pgpass"), "\(error)")
        }
    }

    @Test func aHostThatDoesNotAnswerIsPassedForTheNext() throws {
        let dead = try freeLoopbackPort()
        let url = "postgresql://wardline_app@127.0.0.1:\(dead),127.0.0.1:\(cluster.port)/wardline?connect_timeout=2"
        let link = try PostgresLink.connect(target(url), passwords: passwords)
        defer { link.close() }
        #expect(link.host.port == cluster.port)
    }

    @Test func theStandbyIsPassedForThePrimaryAndAloneItIsRefused() throws {
        let standby = try #require(cluster.standbyPort, "the test cluster has a standby")
        let both = "postgresql://wardline_app@127.0.0.1:\(standby),127.0.0.1:\(cluster.port)/wardline"
        let link = try PostgresLink.connect(target(both), passwords: passwords)
        defer { link.close() }
        #expect(link.host.port == cluster.port)
        #expect(try link.query("SELECT pg_is_in_recovery()") == [[.bool(false)]])
        let standbyOnly = try target("postgresql://wardline_app@127.0.0.1:\(standby)/wardline")
        do {
            _ = try PostgresLink.connect(standbyOnly, passwords: passwords)
            Issue.record("a standby was taken for the primary")
        } catch {
            #expect(error.kind == .noPrimary)
            #expect(error.description.contains("a standby (read-only)"), "\(error)")
        }
    }

    /// postgres-nio 1.33.2 waits forever for a query on a connection the server closed; the link
    /// must fail it at once (a terminal after a failover would freeze otherwise).
    @Test func aQueryOnAConnectionTheServerEndedFailsAtOnce() throws {
        let victim = try PostgresLink.connect(target(cluster.appURL), passwords: passwords, deadline: .seconds(20))
        guard case .int(let pid)? = try victim.query("SELECT pg_backend_pid()::bigint").first?.first else { Issue.record("no pid"); return }
        try cluster.psql("SELECT pg_terminate_backend(\(pid))")
        let started = ContinuousClock.now
        do {
            try victim.query("SELECT 1")
            Issue.record("a query on a terminated connection succeeded")
        } catch {
            #expect(error.kind == .connectionLost, "\(error)")
        }
        #expect(ContinuousClock.now - started < .seconds(20), "failed by the close, not by the deadline")
    }

    @Test func aStatementPastItsDeadlineFailsAndClosesTheLink() throws {
        let link = try PostgresLink.connect(target(cluster.appURL), passwords: passwords, deadline: .seconds(1))
        do {
            try link.query("SELECT pg_sleep(5)")
            Issue.record("no deadline")
        } catch {
            #expect(error.kind == .timedOut, "\(error)")
        }
        #expect(throws: PostgresQueryError.self) { try link.query("SELECT 1") }
    }

    @Test func theServersRefusalCarriesItsSQLStateAndConstraint() throws {
        let link = try PostgresLink.connect(target(cluster.ownerURL), passwords: passwords)
        defer { link.close() }
        try link.query("CREATE TEMP TABLE once (slot text CONSTRAINT once_slot UNIQUE)")
        try link.query("INSERT INTO once VALUES ($1)", [.text("08:00")])
        do {
            try link.query("INSERT INTO once VALUES ($1)", [.text("08:00")])
            Issue.record("the unique constraint did not hold")
        } catch {
            #expect(error.kind == .server)
            #expect(error.sqlState == "23505")
            #expect(error.constraint == "once_slot")
        }
    }

}

/// TLS as the URL's `sslmode` asks, against the test cluster's own CA: verify-full connects encrypted
/// to the server its CA vouches for, and refuses one signed by another CA; disable stays plain.
@Suite struct PostgresTLSTests {
    let cluster: PostgresCluster
    let passwords: PGPass
    init() throws {
        cluster = try PostgresCluster.shared()
        passwords = try PGPass.load(file: cluster.passFile)
    }

    func encrypted(_ link: PostgresLink) throws -> PostgresValue? {
        try link.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first?.first
    }

    @Test func verifyFullConnectsEncryptedToTheServerItsCAVouchesFor() throws {
        let ca = try #require(cluster.caFile)
        let link = try PostgresLink.connect(PostgresTarget(url: cluster.appURL + "?sslmode=verify-full&sslrootcert=\(ca)"), passwords: passwords)
        defer { link.close() }
        #expect(try encrypted(link) == .bool(true))
        let plain = try PostgresLink.connect(PostgresTarget(url: cluster.appURL + "?sslmode=disable"), passwords: passwords)
        defer { plain.close() }
        #expect(try encrypted(plain) == .bool(false))
        // By name: the certificate names localhost, and verify-full checks the name too.
        let pw = try #require(passwords.password(host: "127.0.0.1", port: cluster.port, database: "wardline", user: "wardline_app"))
        let byName = try PostgresLink.connect(PostgresTarget(url: "postgresql://wardline_app@localhost:\(cluster.port)/wardline?sslmode=verify-full&sslrootcert=\(ca)"),
                                              passwords: PGPass(text: "localhost:*:*:wardline_app:\(pw)\n", path: "test"))
        defer { byName.close() }
        #expect(try encrypted(byName) == .bool(true))
    }

    @Test func verifyFullRefusesAServerAnotherCAVouchesFor() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wardline-other-ca-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let other = dir.appendingPathComponent("ca.crt").path
        let made = try runProcess(URL(fileURLWithPath: "/usr/bin/openssl"),
                                  ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=someone else",
                                   "-keyout", dir.appendingPathComponent("ca.key").path, "-out", other])
        try #require(made.status == 0, "\(made.stderr)")
        do {
            let link = try PostgresLink.connect(PostgresTarget(url: cluster.appURL + "?sslmode=verify-full&sslrootcert=\(other)"), passwords: passwords)
            link.close()
            Issue.record("connected to a server whose certificate another CA signed")
        } catch let e as PostgresConnectError {
            #expect(e.kind == .unreachable, "\(e)")
            #expect(e.description.lowercased().contains("certificate"), "the refusal says why: \(e)")
        }
    }
}
