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
