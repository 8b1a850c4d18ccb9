import Foundation
import Testing
import TestTools
import WardCore
import WardStore

/// Issue 19: the site view against the real server. A site manager signs in on the hospital's site
/// and sees every registered ward's census, free beds and alerts; a patient admitted on a ward's own
/// terminals shows there within the view's one-second reading; a ward's nurse cannot sign in on the site.
@Suite(.serialized) struct SiteViewEndToEndTests {
    @Test(arguments: [(80, 24), (132, 43)])
    func aSiteManagerSeesEveryWardLive(cols: Int, rows: Int) throws {
        let h = try PostgresTestHospital(["a", "site"]); defer { h.drop() }
        // Ward a is the demo ward (20 beds, 16 patients), registered with its own role; then the site.
        let demo = try runWardline(["demo", "--db", h.ownerURL("a"), "--create-only"], environment: h.environment)
        #expect(demo.status == 0, "\(demo.stderr)")
        for (name, extra) in [("a", [String]()), ("site", ["--site", "--admin-id", "A1", "--admin-name", "Admin, Site"])] {
            let r = try runWardline(["ward", "add", h.code(name), "--db", h.ownerURL(name), "--name", "Ward \(name)",
                                     "--app-role", h.role(name)] + extra, input: "913579\n913579\n", environment: h.environment)
            #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        }
        // Registered, ward a is its own role's alone: the shared terminals' role it was made with lost it.
        let shared = try h.psql("SELECT count(*) FROM ward_\(h.code("a")).patients", as: "wardline_app")
        #expect(shared.status != 0 && shared.stderr.contains("permission denied"), "\(shared.stdout)\(shared.stderr)")
        let added = try runWardline(["staff", "add", "--db", h.url("site"), "--as", "A1", "--id", "M1", "--name", "Manager, Site",
                                     "--role", "site-manager"], input: "913579\n135790\n135790\n", environment: h.environment)
        #expect(added.status == 0, "\(added.stderr)")

        let dir = TemporaryFolders.make("site-view"); defer { try? FileManager.default.removeItem(at: dir) }
        let tui = try Tmux(cols: cols, rows: rows, command: "\(Tmux.quote(Paths.binary.path)) --db \(Tmux.quote(h.url("site")))",
                           environment: h.environment.merging(["XDG_STATE_HOME": dir.path]) { $1 })
        // A nurse of ward a is not staff of the site.
        try tui.waitFor("Sign in")
        try tui.enterCredentials("N1001", "111111")
        _ = try tui.waitFor("not accepted")
        try tui.send("Escape")
        // (The register is the database's: other tests' wards may be listed too.)
        try tui.signIn("M1", "135790", landing: "Site · ")
        let code = h.code("a")
        let before = try tui.waitFor(code)
        let row = try #require(before.split(separator: "\n").first { $0.contains(code) }.map(String.init), "\(before)")
        #expect(row.contains(" 20  16    4 "), "beds 20, in 16, free 4:\n\(before)")

        // Ward a's charge nurse admits a patient on ward a's own role: the site view counts 17 in, 3 free.
        let store = try Store.open(path: h.url("a"), create: false)
        defer { try? store.close() }
        let ward = ProtocolLoader.builtInDefault()
        let charge = Session(staff: try store.signIn(staffID: "C2001", secret: "222222", terminal: "e2e", policy: ward.security), terminal: "e2e")
        let snap = try store.loadWard(protocol: ward)
        let bed = try #require(snap.ward.beds.first { snap.patient(inBed: $0.label) == nil })
        _ = try store.admit(AdmitPatient(mrn: "SITE1", name: "Newcomer, Ada", dateOfBirth: CalendarDate("1975-04-04")!, sex: .female,
                                         bed: bed.label, admittedAt: Date().addingTimeInterval(-600)), session: charge)
        let after = try tui.waitFor(" 20  17    3 ", timeout: 5)
        #expect(after.contains(code))
        // Enter on ward a: its overview, read-only (its patients, its alerts); writing keys are refused by role.
        // (Other tests' wards may be listed and move: select by what the ▶ row says.)
        for _ in 0..<60 {
            let screen = try tui.capture()
            if screen.split(separator: "\n").contains(where: { $0.hasPrefix("▶") && $0.contains(code) }) { break }
            try tui.send("Down")
            Thread.sleep(forTimeInterval: 0.1)
        }
        try tui.send("Enter")
        let overview = try tui.waitFor("READ-ONLY · Overview")
        #expect(overview.contains("Newcomer, Ada") || overview.contains("17/20 beds"), "\(overview)")
        try tui.send("a")
        _ = try tui.waitFor("you are signed in as a site manager")
        try tui.send("Escape")
        let back = try tui.waitFor("Site · ")
        #expect(!back.contains("READ-ONLY ·"), "\(back)")
        try tui.send("q")
        #expect(tui.exitStatus() == 0)
    }

    /// The first read of many wards shows the wards read within its budget and the rest as "reading";
    /// each further read reads on, until every ward is in; a read without a budget reads them all.
    @Test func theFirstReadShowsTheWardsReadSoFarAndReadsOn() throws {
        let h = try PostgresTestHospital(["a", "b", "c", "site"]); defer { h.drop() }
        for (name, extra) in [("a", ["--beds", "3"]), ("b", ["--beds", "3"]), ("c", ["--beds", "3"]), ("site", ["--site"])] {
            let r = try runWardline(["ward", "add", h.code(name), "--db", h.ownerURL(name), "--name", "Ward \(name)", "--app-role", h.role(name),
                                     "--admin-id", "A1", "--admin-name", "Admin, One"] + extra, input: "913579\n913579\n", environment: h.environment)
            #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        }
        let added = try runWardline(["staff", "add", "--db", h.url("site"), "--as", "A1", "--id", "M1", "--name", "Manager, Site",
                                     "--role", "site-manager"], input: "913579\n135790\n135790\n", environment: h.environment)
        #expect(added.status == 0, "\(added.stderr)")
        let site = try Store.open(path: h.url("site"), create: false)
        defer { try? site.close() }
        let ward = ProtocolLoader.builtInDefault()
        let manager = Session(staff: try site.signIn(staffID: "M1", secret: "135790", terminal: "e2e", policy: ward.security), terminal: "e2e")
        // (Other tests' wards may be registered too: count what this reader has read.)
        let reader = SiteReader()
        var read: [Int] = []
        for _ in 0..<200 {
            let rows = reader.rows(site, session: manager, fallback: ward, budget: 0)
            read.append(rows.filter { !$0.reading }.count)
            if !rows.contains(where: \.reading) { break }
        }
        #expect(read.first == 1, "a budget of nothing still reads one ward: \(read)")
        #expect(read == Array(1...read.count), "one more ward each read: \(read)")
        let mine = reader.rows(site, session: manager, fallback: ward, budget: 0).filter { [h.code("a"), h.code("b"), h.code("c")].contains($0.ward.code) }
        #expect(mine.count == 3 && mine.allSatisfy { !$0.reading && $0.problem == nil && $0.beds == 3 }, "\(mine)")
        let all = SiteReader().rows(site, session: manager, fallback: ward)
        #expect(!all.contains(where: \.reading) && all.count == read.count, "\(all.count) vs \(read)")
    }
}
