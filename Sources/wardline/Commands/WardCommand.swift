import ArgumentParser
import Foundation
import WardCore
import WardStore

/// `wardline ward add|list|book`: a hospital's wards in one PostgreSQL database (issue 19).
struct WardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ward",
        abstract: "A hospital's wards in one PostgreSQL database: add a ward or the site, list them, book staff across wards.",
        discussion: """
            Every ward's terminals sign in as a database role of the ward's own (wardline_app_CODE unless \
            --app-role names another), which may read and write that ward only: the database keeps the wards \
            apart. The site (--site) is where the hospital's site and bed managers sign in; its role may read \
            every ward, never write one. See docs/ward-it.md, "Many wards".
            """,
        subcommands: [Add.self, List.self, Book.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create (or upgrade) a ward's schema, register it, and give it its first admin and beds.",
            discussion: """
                --db is the hospital's database as the wards' owner: postgresql://OWNER@HOST/DB. The ward's \
                role must exist (the database's superuser: CREATE ROLE wardline_app_CODE LOGIN PASSWORD '…'). \
                The first admin is asked for only while the ward has no staff (PIN on stdin without a terminal).
                """)
        @OptionGroup var database: DatabaseOption
        @Argument(help: ArgumentHelp("The ward code: a lower-case letter, then up to 30 lower-case letters, digits or _.", valueName: "CODE"))
        var code: String
        @Option(help: ArgumentHelp("The ward's name, shown on every screen.", valueName: "NAME")) var name: String
        @Option(help: ArgumentHelp("Number of beds, labelled 1…N (none for the site).", valueName: "N")) var beds: Int?
        @Flag(help: "The hospital's site (site and bed managers), not a ward.") var site = false
        @Option(help: ArgumentHelp("The role the ward's terminals sign in as (default wardline_app_CODE, wardline_site_CODE for a site).", valueName: "ROLE"))
        var appRole: String?
        @Option(help: ArgumentHelp("Staff ID of the first admin.", valueName: "ID")) var adminID: String?
        @Option(help: ArgumentHelp("Name of the first admin, \"Family, Given\".", valueName: "NAME")) var adminName: String?

        func validate() throws {
            if site && beds != nil { throw ValidationError("a site has no beds: leave out --beds") }
            if let beds, !(1...500).contains(beds) { throw ValidationError("--beds must be between 1 and 500") }
        }

        func run() throws {
            try Privilege.requireOperator("wardline ward add")
            let db = database.path
            guard Store.isPostgresLocation(db) else {
                throw fail(.usage, "wards share a database only on PostgreSQL: give --db postgresql://OWNER@HOST/DB (an SQLite file is one ward: wardline init)")
            }
            let done: String
            do { done = try Store.addHospitalWard(url: db, code: code, name: name, site: site, appRole: appRole) } catch { throw error.cliFailure }
            let url = Store.url(db, ward: code)
            let store: Store
            do { store = try Store.open(path: url, create: false) } catch { throw error.cliFailure }
            if (try? store.hasStaff()) == true {
                try? store.close()
                print("\(code): \(done); it already has staff (nothing else changed).")
                return
            }
            let (staffID, adminName, pin) = try FirstAdmin.ask(id: adminID, name: self.adminName)
            let labels = site ? [] : (1...(beds ?? 20)).map(String.init)
            try FirstAdmin.createWard(store, staffID: staffID, name: adminName, pin: pin, wardName: name, bedLabels: labels)
            print("\(code): \(done); \(site ? "site" : "ward") \"\(InputText.visible(name))\"\(site ? "" : " with \(labels.count) beds"); admin \(staffID).")
            if let key = Store.postgresAuditKeyFile(url) {
                print("The audit key is \(key) (on this host, never in the database): copy it to every terminal host of the ward, 0640, service group, and keep a copy with ward IT.")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the hospital's wards: kind, role, beds, patients in, staff, protocol.")
        @OptionGroup var database: DatabaseOption

        func run() throws {
            let lines: [HospitalWardLine]
            do { lines = try Store.hospitalRegister(url: database.path) } catch { throw error.cliFailure }
            guard !lines.isEmpty else {
                print("No wards are registered in this database (wardline ward add CODE --db postgresql://OWNER@HOST/DB).")
                return
            }
            print(Self.row(["code", "kind", "name", "role", "beds", "in", "staff", "protocol"]))
            for l in lines {
                print(Self.row([l.ward.code, l.ward.isSite ? "site" : "ward", InputText.visible(l.ward.name), l.ward.appRole,
                                l.ward.isSite ? "-" : String(l.beds), l.ward.isSite ? "-" : String(l.patients), String(l.staff),
                                l.protocolFile.map(InputText.visible) ?? "shipped defaults"]))
            }
        }

        static func row(_ cells: [String]) -> String {
            let widths = [10, 4, 24, 24, 4, 4, 5]
            return zip(cells, widths + [0]).map { c, w in w == 0 ? c : c.padding(toLength: max(w, c.count), withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }
    }

    struct Book: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Book a member of another ward's staff (or the site's) onto this ward, with a role here.",
            discussion: """
                --db is this ward as the wards' owner (postgresql://OWNER@HOST/DB?ward=CODE): it reads the other \
                ward's staff row. The member keeps their staff ID, name and PIN. Ward IT of this ward signs in \
                (--as, PIN on stdin). The booking ends with wardline staff disable; booking again enables them.
                """)
        @OptionGroup var database: DatabaseOption
        @OptionGroup var signIn: AdminSignInOptions
        @Option(help: ArgumentHelp("The staff ID to book.", valueName: "ID")) var staff: String
        @Option(help: ArgumentHelp("The ward (or site) code they are on now.", valueName: "CODE")) var from: String
        @Option(help: ArgumentHelp("Their role on this ward: \(StaffRole.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "ROLE"))
        var role: String

        func run() throws {
            let r = try staffRole(role)
            let (store, session, _) = try openAndSignIn(database, signIn, for: .manageStaff)
            defer { try? store.close() }
            do {
                let m = try store.bookStaff(staffID: staff, from: from, role: r, session: session)
                print("Booked \(m.staffID) \(InputText.visible(m.name)) from \(from) as \(m.role.title) on \(store.postgresWardCode ?? "this ward").")
            } catch { throw error.cliFailure }
        }
    }
}
