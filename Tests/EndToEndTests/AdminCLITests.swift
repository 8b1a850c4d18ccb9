import Foundation
import TestTools
import Testing

/// `wardline init`, `staff …` and `audit …` run as the built binary, PINs on stdin (no tty).
@Suite struct AdminCLITests {
    struct Run { let status: Int32; let out: String; let err: String }

    static func wardline(_ args: [String], stdin: String = "") throws -> Run {
        let r = try runWardline(args, input: stdin)
        return Run(status: r.status, out: r.stdout, err: r.stderr)
    }

    static func tempDB() throws -> (URL, String) {
        let dir = Paths.tempDir("cli")
        return (dir, dir.appendingPathComponent("ward/ward.sqlite").path)
    }

    @Test func initStaffAndAuditFromAScript() throws {
        let (dir, db) = try Self.tempDB(); defer { try? FileManager.default.removeItem(at: dir) }
        let created = try Self.wardline(["init", "--db", db, "--admin-id", "A1", "--admin-name", "Admin, Ann", "--beds", "8"], stdin: "135790\n")
        #expect(created.status == 0, "\(created.err)")
        let mode = try FileManager.default.attributesOfItem(atPath: db)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let again = try Self.wardline(["init", "--db", db, "--admin-id", "A1", "--admin-name", "Admin, Ann"], stdin: "135790\n")
        #expect(again.status == 73)
        #expect(again.err.contains("already exists"))

        let added = try Self.wardline(["staff", "add", "--db", db, "--as", "A1", "--id", "N1042", "--name", "Müller, Grete", "--role", "nurse"],
                                      stdin: "135790\n246802\n")
        #expect(added.status == 0, "\(added.err)")
        let list = try Self.wardline(["staff", "list", "--db", db, "--as", "A1"], stdin: "135790\n")
        #expect(list.out.contains("N1042"))
        #expect(list.out.contains("Müller, Grete"))
        #expect(!list.out.contains("246802"))

        let nurse = try Self.wardline(["staff", "list", "--db", db, "--as", "N1042"], stdin: "246802\n")
        #expect(nurse.status == 77)
        #expect(nurse.err.contains("needs ward IT (an admin)"))
        #expect(nurse.err.split(separator: "\n").count == 1)
        let wrong = try Self.wardline(["staff", "list", "--db", db, "--as", "A1"], stdin: "000000\n")
        #expect(wrong.status == 77)
        let weak = try Self.wardline(["staff", "reset-pin", "--db", db, "--as", "A1", "N1042"], stdin: "135790\n12\n")
        #expect(weak.status == 65)
        #expect(weak.err.contains("at least 6 digits"))

        let verified = try Self.wardline(["audit", "verify", "--db", db, "--as", "A1"], stdin: "135790\n")
        #expect(verified.status == 0, "\(verified.err)")
        #expect(verified.out.contains("intact"))
        let shown = try Self.wardline(["audit", "show", "--db", db, "--as", "A1", "--staff", "N1042"], stdin: "135790\n")
        #expect(shown.out.contains("signin"))
        #expect(!shown.out.contains("staff.add"))

        // Tamper from the sqlite3 shell: verify now names the event and fails.
        let shell = try runProcess(URL(fileURLWithPath: "/usr/bin/sqlite3"),
                                   [db, "DROP TRIGGER audit_events_no_update; UPDATE audit_events SET actor = 'X' WHERE seq = 4;"])
        #expect(shell.status == 0, "\(shell.stderr)")
        let broken = try Self.wardline(["audit", "verify", "--db", db, "--as", "A1"], stdin: "135790\n")
        #expect(broken.status == 1)
        #expect(broken.err.contains("event 4"))
    }

    @Test func openErrorsAreOneLineWithAnExitCode() throws {
        let (dir, db) = try Self.tempDB(); defer { try? FileManager.default.removeItem(at: dir) }
        let missing = try Self.wardline(["audit", "verify", "--db", db, "--as", "A1"])
        #expect(missing.status == 66)
        #expect(missing.err.contains("wardline init"))
        #expect(missing.err.split(separator: "\n").count == 1)
        let noID = try Self.wardline(["init", "--db", db])
        #expect(noID.status == 64)
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}
