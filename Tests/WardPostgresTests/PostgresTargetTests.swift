import Foundation
import Testing
@testable import WardPostgres

/// The `--db postgresql://…` URL: what it means, and a clear refusal for what it must not say.
@Suite struct PostgresTargetTests {
    @Test func aHostListWithPortsWardAndTLS() throws {
        let t = try PostgresTarget(url: "postgresql://wardline_app@db1.hospital:5433,db2.hospital,[::1]:6000/wardline?ward=detox&sslmode=verify-full&sslrootcert=/etc/wardline/ca.pem")
        #expect(t.user == "wardline_app")
        #expect(t.hosts == [.init(name: "db1.hospital", port: 5433), .init(name: "db2.hospital", port: 5432), .init(name: "::1", port: 6000)])
        #expect(t.database == "wardline")
        #expect(t.ward == "detox")
        #expect(t.sslMode == .verifyFull)
        #expect(t.sslRootCert == "/etc/wardline/ca.pem")
        #expect(t.description == "postgresql://wardline_app@db1.hospital:5433,db2.hospital,::1:6000/wardline?ward=detox&sslmode=verify-full&sslrootcert=/etc/wardline/ca.pem")
    }

    @Test func defaultsAreLibpqs() throws {
        let t = try PostgresTarget(url: "postgres://nurse@localhost/ward")
        #expect(t.hosts == [.init(name: "localhost", port: 5432)])
        #expect(t.sslMode == .prefer)
        #expect(t.ward == nil)
    }

    @Test(arguments: [
        ("postgresql://app:secret@h/db", "password in the URL"),
        ("postgresql://app@h/db?password=x", "password in the URL"),
        ("postgresql://h/db", "name the database user"),
        ("postgresql://app@h", "name the database after the host"),
        ("postgresql://app@h/", "name one database"),
        ("postgresql://app@h:99999/db", "outside 1 to 65535"),
        ("postgresql://app@h:x/db", "not a number"),
        ("postgresql://app@h,,g/db", "a host in the list is empty"),
        ("postgresql://app@h/db?sslmode=strict", "use one of disable, allow, prefer, require, verify-ca, verify-full"),
        ("postgresql://app@h/db?sslmode=verify-full", "name the CA file with sslrootcert"),
        ("postgresql://app@h/db?ward=Detox", "a ward code is a lower-case letter"),
        ("postgresql://app@h/db?wrad=detox", "not an option Wardline reads"),
        ("postgresql://app@h/db?connect_timeout=0", "whole seconds from 1 to 120"),
    ])
    func aURLThatCannotBeUsedSaysWhatToFix(url: String, says: String) {
        #expect(throws: PostgresURLError.self) { try PostgresTarget(url: url) }
        do { _ = try PostgresTarget(url: url) } catch { #expect(error.description.contains(says), "\(error)") }
    }

    @Test func onlyPostgresURLsAreURLs() {
        #expect(PostgresTarget.isURL("postgresql://a@b/c"))
        #expect(PostgresTarget.isURL("postgres://a@b/c"))
        #expect(!PostgresTarget.isURL("/var/lib/wardline/ward.sqlite"))
        #expect(!PostgresTarget.isURL("ward.sqlite"))
    }
}

/// The pgpass file, read as libpq reads it.
@Suite struct PGPassTests {
    @Test func theFirstMatchingLineWinsWithWildcardsAndEscapes() {
        let p = PGPass(text: """
            # a comment
            db1:5432:wardline:wardline_app:first
            *:*:wardline:wardline_app:second
            db\\:odd:5432:*:owner:pa\\:ss
            db2:5432:*:weird:has:colon
            too:few:fields
            """, path: "test")
        #expect(p.password(host: "db1", port: 5432, database: "wardline", user: "wardline_app") == "first")
        #expect(p.password(host: "db2", port: 6000, database: "wardline", user: "wardline_app") == "second")
        #expect(p.password(host: "db:odd", port: 5432, database: "x", user: "owner") == "pa:ss")
        #expect(p.password(host: "db2", port: 5432, database: "x", user: "weird") == "has:colon")
        #expect(p.password(host: "db1", port: 5432, database: "other", user: "wardline_app") == nil)
    }

    @Test func aFileOthersMayReadIsRefusedWithTheFix() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("pgpass").path
        try "*:*:*:app:secret\n".write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o644)
        #expect(throws: PostgresConnectError.self) { try PGPass.load(environment: ["PGPASSFILE": file]) }
        do { _ = try PGPass.load(environment: ["PGPASSFILE": file]) } catch { #expect(error.description.contains("chmod 600")) }
        chmod(file, 0o600)
        #expect(try PGPass.load(environment: ["PGPASSFILE": file]).password(host: "h", port: 1, database: "d", user: "app") == "secret")
        do { _ = try PGPass.load(environment: ["PGPASSFILE": file + ".missing"]) } catch {
            #expect(error.kind == .noPassword)
            #expect(error.description.contains("no password file"))
        }
    }
}
