import Foundation
import Testing
import TestTools

/// `--db postgresql://…` from the command line, against the test cluster: `wardline init` creates the
/// ward's schema as its owner and asks for the first admin once; every command opens the ward as the
/// terminals' role; what cannot work says what to fix, and no file is ever made from a URL.
@Suite(.serialized) struct PostgresCLITests {
    @Test func initCreatesTheWardOnceThenOnlyChecksItsSchema() throws {
        let ward = try PostgresTestWard(); defer { ward.drop() }
        let dir = Paths.tempDir("pg-init"); defer { try? FileManager.default.removeItem(at: dir) }
        let key = dir.appendingPathComponent("audit-key").path
        let owner = ward.url(owner: true, keyFile: key), app = ward.url(keyFile: key)

        // The terminals' role cannot create a ward: the message says who can.
        let asApp = try runWardline(["init", "--db", app, "--admin-id", "A1", "--admin-name", "Admin, A"], input: "913579\n913579\n")
        #expect(asApp.status != 0)
        #expect(asApp.stderr.contains("as the schema's owner"), "\(asApp.stderr)")

        let made = try runWardline(["init", "--db", owner, "--admin-id", "A1", "--admin-name", "Admin, A", "--beds", "6"],
                                   input: "913579\n913579\n")
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("created ward_\(ward.code) at schema"), "\(made.stdout)")
        #expect(made.stdout.contains("The audit key is \(key)"))
        #expect(FileManager.default.fileExists(atPath: key))
        #expect(try ward.psql("SELECT count(*) FROM beds").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "6")

        // Again: up to date, the staff untouched, no PIN asked for.
        let again = try runWardline(["init", "--db", owner])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("is up to date"), "\(again.stdout)")
        #expect(again.stdout.contains("already has staff"))

        // The terminals' role opens it: check is clean, the staff list signs in.
        let check = try runWardline(["check", "--db", app])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("PostgreSQL integrity: ok") && check.stdout.contains("chain intact"), "\(check.stdout)")
        let staff = try runWardline(["staff", "list", "--db", app, "--as", "A1"], input: "913579\n")
        #expect(staff.status == 0 && staff.stdout.contains("Admin, A"), "\(staff.stdout)\(staff.stderr)")
    }

    @Test func whatCannotWorkSaysWhatToFixAndMakesNoFile() throws {
        let ward = try PostgresTestWard(); defer { ward.drop() }
        let cwd = FileManager.default.currentDirectoryPath
        let base = ward.cluster.appURL
        // A schema nobody created.
        let missing = try runWardline(["check", "--db", base + "?ward=\(ward.code)&auditkey=/nonexistent/k"])
        #expect(missing.status == 66 && missing.stderr.contains("create it with wardline init"), "\(missing.stderr)")
        // No ward named.
        let noWard = try runWardline(["check", "--db", base])
        #expect(noWard.status == 64 && noWard.stderr.contains("?ward=CODE"), "\(noWard.stderr)")
        // A password in the URL is refused before anything is tried.
        let password = try runWardline(["--db", "postgresql://wardline_app:secret@127.0.0.1/wardline?ward=x"])
        #expect(password.status == 64 && password.stderr.contains("pgpass"), "\(password.stderr)")
        #expect(!password.stderr.contains("secret"))
        // Nobody listening.
        let down = try runWardline(["check", "--db", "postgresql://wardline_app@127.0.0.1:1/wardline?ward=x&connect_timeout=2"])
        #expect(down.status == 69 && down.stderr.contains("could not connect"), "\(down.stderr)")
        // Backup and restore are PostgreSQL's own tools' work.
        let backup = try runWardline(["backup", "--db", base + "?ward=\(ward.code)", "--out", "/tmp/never-written"])
        #expect(backup.status == 64 && backup.stderr.contains("pg_dump --format=custom --schema=ward_\(ward.code)"), "\(backup.stderr)")
        let restore = try runWardline(["restore", "--db", base + "?ward=\(ward.code)", "/tmp/never-read"])
        #expect(restore.status == 64 && restore.stderr.contains("pg_restore"), "\(restore.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-written"))
        #expect(!FileManager.default.fileExists(atPath: cwd + "/postgresql:"), "no file or folder was made from a URL")
    }
}

/// What `wardline backup`/`restore` tell ward IT to use for a PostgreSQL ward, done: a ward dumped
/// with pg_dump while it is open, restored with pg_restore into another database, checks clean
/// against its audit key, with the same audit head and every row.
@Suite(.serialized) struct PostgresBackupRestoreTests {
    @Test func aWardDumpedWithPgDumpAndRestoredWithPgRestoreChecksClean() throws {
        let ward = try DemoWardDB("pg-dump", backend: .postgres); defer { ward.remove() }
        let pg = try #require(ward.pg)
        let dump = ward.dir.appendingPathComponent("ward.dump").path
        let bin = PostgresCluster.bin
        let env = ProcessInfo.processInfo.environment.merging(pg.cluster.environment) { $1 }
        let conn = ["-h", "127.0.0.1", "-p", String(pg.cluster.port), "-U", "wardline_owner"]
        // The command wardline backup prints, run as it says.
        let backup = try runWardline(["backup", "--db", ward.path, "--out", dump])
        #expect(backup.stderr.contains("pg_dump --format=custom --schema=ward_\(pg.code)"), "\(backup.stderr)")
        let d = try runProcess(URL(fileURLWithPath: bin + "/pg_dump"), conn + ["--format=custom", "--schema=ward_\(pg.code)", "--file=\(dump)", "wardline"],
                               environment: env, timeout: 120)
        try #require(d.status == 0, "\(d.stderr)")
        // Into a database of its own (the DBA makes it for the owner), as the owner.
        let restored = "wardline_r" + pg.code
        _ = try pg.cluster.psql("CREATE DATABASE \(restored) OWNER wardline_owner")
        defer { _ = try? pg.cluster.psql("DROP DATABASE IF EXISTS \(restored) WITH (FORCE)") }
        let r = try runProcess(URL(fileURLWithPath: bin + "/pg_restore"), conn + ["--dbname=\(restored)", dump], environment: env, timeout: 120)
        try #require(r.status == 0, "\(r.stderr)")
        let key = ward.dir.appendingPathComponent("audit-key").path
        let there = "\(pg.cluster.appURL.dropLast("wardline".count))\(restored)?ward=\(pg.code)&auditkey=\(key)"
        let original = try runWardline(["check", "--db", ward.path])
        let check = try runWardline(["check", "--db", there])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let head = { (s: String) in s.split(separator: "\n").first { $0.hasPrefix("Audit trail:") }.map(String.init) }
        #expect(head(check.stdout) != nil && head(check.stdout) == head(original.stdout), "\(check.stdout)")
        // The restored ward is a ward: the terminals' role signs in and reads the record.
        let record = try runWardline(["record", "100231", "--db", there, "--as", "N1001"], input: "111111\n")
        #expect(record.status == 0 && record.stdout.contains("Müller, Grete"), "\(record.stderr)")
    }
}
