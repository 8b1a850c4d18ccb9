import Foundation
import Testing
import TestTools

/// Issue 19: many wards in one PostgreSQL database, through the program as ward IT and nurses use
/// it, against the test cluster. Each ward's terminals sign in as a role of the ward's own; the
/// database refuses a ward-A role everything of ward B, and a nurse of ward A cannot sign in on B
/// until ward IT books her there.
@Suite(.serialized) struct HospitalCLITests {
    /// Ward IT makes wards a and b (6 beds each) and the site, each with its first admin.
    static func hospital() throws -> PostgresTestHospital {
        let h = try PostgresTestHospital(["a", "b", "site"])
        for (name, extra) in [("a", ["--beds", "6"]), ("b", ["--beds", "6"]), ("site", ["--site"])] {
            let r = try runWardline(["ward", "add", h.code(name), "--db", h.ownerURL(name), "--name", "Ward \(name)", "--app-role", h.role(name),
                                     "--admin-id", "A\(name)", "--admin-name", "Admin, \(name)"] + extra,
                                    input: "913579\n913579\n", environment: h.environment)
            #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
            #expect(r.stdout.contains("created ward_\(h.code(name))") && r.stdout.contains("served by role \(h.role(name))"), "\(r.stdout)")
        }
        return h
    }

    /// Adds a staff member to ward `name` as its admin, through the ward's own terminals' URL.
    static func addStaff(_ h: PostgresTestHospital, _ name: String, id: String, role: String, pin: String) throws -> ProcessResult {
        try runWardline(["staff", "add", "--db", h.url(name), "--as", "A\(name)", "--id", id, "--name", "Staff, \(id)", "--role", role],
                        input: "913579\n\(pin)\n\(pin)\n", environment: h.environment)
    }

    @Test func wardsAreRegisteredEachWithItsOwnRoleAndListed() throws {
        let h = try Self.hospital(); defer { h.drop() }
        let list = try runWardline(["ward", "list", "--db", h.ownerURL], environment: h.environment)
        #expect(list.status == 0, "\(list.stderr)")
        for name in ["a", "b", "site"] {
            let line = try #require(list.stdout.split(separator: "\n").first { $0.hasPrefix(h.code(name) + " ") }, "\(list.stdout)")
            #expect(line.contains(h.role(name)) && line.contains("Ward \(name)"))
            #expect(line.contains(name == "site" ? "site" : "ward"))
            if name != "site" { #expect(line.contains(" 6 "), "\(line)") }
        }
        // One role serves one ward: the database could not keep two wards apart otherwise.
        let c = try PostgresTestHospital(["c"]); defer { c.drop() }
        let shared = try runWardline(["ward", "add", c.code("c"), "--db", h.ownerURL, "--name", "Ward c", "--app-role", h.role("a"),
                                      "--admin-id", "Ac", "--admin-name", "Admin, c"], input: "913579\n913579\n", environment: h.environment)
        #expect(shared.status != 0 && shared.stderr.contains("already serves ward \(h.code("a"))"), "\(shared.stderr)")
        // A role nobody made: the message says how to make it; nothing is registered.
        let missing = try runWardline(["ward", "add", c.code("c"), "--db", h.ownerURL, "--name", "Ward c", "--app-role", "wl_nobody_\(c.code("c"))",
                                       "--admin-id", "Ac", "--admin-name", "Admin, c"], input: "913579\n913579\n", environment: h.environment)
        #expect(missing.status != 0 && missing.stderr.contains("CREATE ROLE wl_nobody_\(c.code("c")) LOGIN"), "\(missing.stderr)")
        #expect(try h.psql("SELECT count(*) FROM hospital.wards WHERE code = '\(c.code("c"))'", as: "wardline_owner").stdout.hasPrefix("0"))
        #expect(try h.psql("SELECT to_regnamespace('ward_\(c.code("c"))') IS NULL", as: "wardline_owner").stdout.hasPrefix("t"))
        // A ward's terminals cannot add a ward.
        let asApp = try runWardline(["ward", "add", c.code("c"), "--db", h.url("a").components(separatedBy: "?")[0] + "?passfile=\(h.passFile)",
                                     "--name", "Ward c", "--app-role", c.role("c"), "--admin-id", "Ac", "--admin-name", "Admin, c"],
                                    input: "913579\n913579\n", environment: h.environment)
        #expect(asApp.status != 0, "\(asApp.stdout)")
    }

    @Test func aWardsRoleCanNeitherReadNorWriteAnotherWard() throws {
        let h = try Self.hospital(); defer { h.drop() }
        let b = "ward_\(h.code("b"))"
        // The database itself: ward a's role reads and writes its own ward only.
        #expect(try h.psql("SELECT count(*) FROM ward_\(h.code("a")).beds", as: h.role("a")).stdout.hasPrefix("6"))
        for sql in ["SELECT * FROM \(b).patients", "SELECT * FROM \(b).staff", "SELECT * FROM \(b).audit_events",
                    "INSERT INTO \(b).beds(label, position) VALUES ('x', 99)"] {
            let r = try h.psql(sql, as: h.role("a"))
            #expect(r.status != 0 && r.stderr.contains("permission denied for schema \(b)"), "\(sql): \(r.stderr)")
        }
        // The site's role reads every ward, and writes none.
        #expect(try h.psql("SELECT count(*) FROM \(b).beds", as: h.role("site")).stdout.hasPrefix("6"))
        let siteWrite = try h.psql("INSERT INTO \(b).beds(label, position) VALUES ('x', 99)", as: h.role("site"))
        #expect(siteWrite.status != 0 && siteWrite.stderr.contains("permission denied for table beds"), "\(siteWrite.stderr)")
        // Every command: ward b through ward a's role is refused at the door, saying why.
        for args in [["check"], ["staff", "list", "--as", "Ab"], ["alerts", "report", "--since", "2026-01-01", "--as", "Ab"], ["record", "MRN1", "--as", "Ab"],
                     ["dose", "--order", "1", "--as", "Ab"], ["audit", "verify", "--as", "Ab"], ["handover"], ["downtime"]] {
            let r = try runWardline(args + ["--db", h.url("b", as: "a")], input: "913579\n", environment: h.environment)
            #expect(r.status != 0, "\(args): \(r.stdout)")
            #expect(r.stderr.contains("may not use ward \(h.code("b"))"), "\(args): \(r.stderr)")
        }
    }

    /// The screens: ward b's terminal opened with ward a's role is refused before any screen; on ward
    /// b's own terminal, ward a's nurse (right ID, right PIN) is not accepted.
    @Test func theScreensOfWardBAreClosedToWardA() throws {
        let h = try Self.hospital(); defer { h.drop() }
        let added = try Self.addStaff(h, "a", id: "N77", role: "nurse", pin: "246810")
        #expect(added.status == 0, "\(added.stderr)")
        let dir = TemporaryFolders.make("hospital-tui"); defer { try? FileManager.default.removeItem(at: dir) }
        let env = h.environment.merging(["XDG_STATE_HOME": dir.path]) { $1 }
        let wrongRole = try runWardline(["--db", h.url("b", as: "a")], environment: env)
        #expect(wrongRole.status != 0 && wrongRole.stderr.contains("may not use ward \(h.code("b"))"), "\(wrongRole.stderr)")
        let tui = try Tmux(cols: 80, rows: 24, command: "\(Tmux.quote(Paths.binary.path)) --db \(Tmux.quote(h.url("b")))", environment: env)
        try tui.waitFor("Sign in")
        try tui.enterCredentials("N77", "246810")
        let refused = try tui.waitFor("not accepted")
        #expect(!refused.contains("Ward list"), "\(refused)")
        try tui.send("C-c")
        _ = tui.exitStatus()
    }

    @Test func aNurseSignsInOnlyOnTheWardsSheIsBookedTo() throws {
        let h = try Self.hospital(); defer { h.drop() }
        let added = try Self.addStaff(h, "a", id: "N77", role: "nurse", pin: "246810")
        #expect(added.status == 0, "\(added.stderr)")
        // Her ID and PIN are right, but ward b does not know her: the same message as a wrong PIN.
        // (Signed in, `record` goes on to say there is no such patient.)
        func signedInOnB() throws -> Bool {
            let r = try runWardline(["record", "NOSUCH", "--db", h.url("b"), "--as", "N77"], input: "246810\n", environment: h.environment)
            #expect(r.status != 0)
            if r.stderr.contains("Staff ID or PIN not accepted") { return false }
            #expect(r.stderr.contains("NOSUCH"), "\(r.stderr)")
            return true
        }
        #expect(try !signedInOnB())
        // Ward b's terminals cannot book her: they may not read ward a.
        let byApp = try runWardline(["ward", "book", "--db", h.url("b"), "--as", "Ab", "--staff", "N77", "--from", h.code("a"), "--role", "nurse"],
                                    input: "913579\n", environment: h.environment)
        #expect(byApp.status != 0 && byApp.stderr.contains("may not read ward_\(h.code("a"))"), "\(byApp.stderr)")
        // Ward IT books her onto b (as the wards' owner, signed in as b's admin): her PIN is the one she has.
        let book = try runWardline(["ward", "book", "--db", h.ownerURL("b"), "--as", "Ab", "--staff", "N77", "--from", h.code("a"), "--role", "nurse"],
                                   input: "913579\n", environment: h.environment)
        #expect(book.status == 0 && book.stdout.contains("Booked N77"), "\(book.stdout)\(book.stderr)")
        #expect(try signedInOnB())
        let audit = try h.psql("SELECT details FROM ward_\(h.code("b")).audit_events WHERE action = 'staff.book'", as: h.role("b"))
        #expect(audit.stdout.contains("\"from\":\"\(h.code("a"))\""), "\(audit.stdout)")
        // The booking ends: disabled on b, she is refused there again; a booking again enables her.
        let end = try runWardline(["staff", "disable", "N77", "--db", h.url("b"), "--as", "Ab"], input: "913579\n", environment: h.environment)
        #expect(end.status == 0, "\(end.stderr)")
        #expect(try !signedInOnB())
        let again = try runWardline(["ward", "book", "--db", h.ownerURL("b"), "--as", "Ab", "--staff", "N77", "--from", h.code("a"), "--role", "nurse"],
                                    input: "913579\n", environment: h.environment)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try signedInOnB())
        // A site manager belongs to the site; a nurse role to a ward.
        let siteOnWard = try Self.addStaff(h, "a", id: "M1", role: "site-manager", pin: "135790")
        #expect(siteOnWard.status != 0 && siteOnWard.stderr.contains("belong to the hospital's site"), "\(siteOnWard.stderr)")
        let nurseOnSite = try Self.addStaff(h, "site", id: "N2", role: "nurse", pin: "135790")
        #expect(nurseOnSite.status != 0 && nurseOnSite.stderr.contains("A site's staff are"), "\(nurseOnSite.stderr)")
        let manager = try Self.addStaff(h, "site", id: "M1", role: "site-manager", pin: "135790")
        #expect(manager.status == 0, "\(manager.stderr)")
    }
}
