import ArgumentParser
import Foundation
import WardCore
import WardStore

/// `wardline init`: a new ward database and its first admin.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new ward database and its first admin (ward IT).",
        discussion: """
            On a terminal, prompts for the admin's staff ID, name and PIN (not echoed, typed twice).
            When stdin is not a terminal, give --admin-id and --admin-name; the PIN is the first line of stdin.
            The file is created with mode 0600, or 0660 owned by --group, the ward's service group (its \
            directory 2770, the audit key 0640). Nurses' accounts are NOT in that group: with \
            --install-program PATH this program is installed there setgid to the group (mode 2755), and \
            nurses reach the ward only through it. See docs/ward-it.md.
            With --db postgresql://OWNER@HOST/DB?ward=CODE (signed in as the role that owns the wards' \
            schemas, password from the pgpass file) it creates the ward's schema, or upgrades it to this \
            version (refused for a newer one); the first admin is asked for only while the ward has no staff.
            """)

    @OptionGroup var database: DatabaseOption

    @Option(help: ArgumentHelp("The ward's service group: the file is 0660 owned by it (nurses are not members).", valueName: "NAME"))
    var group: String?

    @Option(help: ArgumentHelp("Also install this program at PATH, setgid to --group (mode 2755).", valueName: "PATH"))
    var installProgram: String?

    @Option(help: ArgumentHelp("The ward's name, shown on every screen.", valueName: "NAME"))
    var wardName: String = "Ward"

    @Option(help: ArgumentHelp("Number of beds, labelled 1…N (more can be added later, none removed).", valueName: "N"))
    var beds: Int = 20

    @Option(help: ArgumentHelp("Staff ID of the first admin.", valueName: "ID"))
    var adminID: String?

    @Option(help: ArgumentHelp("Name of the first admin, \"Family, Given\".", valueName: "NAME"))
    var adminName: String?

    func validate() throws {
        if installProgram != nil && group == nil { throw ValidationError("--install-program needs --group (the service group it runs as)") }
        guard (1...500).contains(beds) else { throw ValidationError("--beds must be between 1 and 500") }
    }

    func run() throws {
        try Privilege.requireOperator("wardline init")
        let path = database.path
        if Store.isPostgresLocation(path) { return try runPostgres(path) }
        if FileManager.default.fileExists(atPath: path) {
            throw fail(.cannotCreate, "\(path) already exists; `wardline init` only creates a new database")
        }
        let (staffID, name, pin) = try askFirstAdmin()
        let store: Store
        do { store = try Store.open(path: path, create: true, group: group) } catch { throw error.cliFailure }
        do {
            try createWard(store, staffID: staffID, name: name, pin: pin)
        } catch {
            for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
            throw error
        }
        print("Created \(path): ward \"\(InputText.visible(wardName))\" with \(beds) beds; admin \(staffID).")
        print("The audit key is \(AuditKey.path(forDatabase: path)): keep a copy with ward IT, off this host.")
        if let group {
            let members = ServiceInstall.members(of: group)
            if !members.isEmpty {
                print("Warning: group \(group) has members (\(members.joined(separator: ", "))); nurses' accounts must not be in it — they use the setgid program.")
            }
        }
        if let installProgram, let group {
            do { try ServiceInstall.installProgram(at: installProgram, group: group) } catch {
                throw fail(.cannotCreate, "the ward was created, but the program was not installed: \(error)")
            }
            print("Installed \(installProgram) setgid \(group) (mode 2755).")
        }
    }

    /// A PostgreSQL ward: the schema created or upgraded, then (while it has no staff) the first admin and the beds.
    private func runPostgres(_ url: String) throws {
        let done: String
        do { done = try Store.installPostgres(url: url) } catch { throw error.cliFailure }
        let store: Store
        do { store = try Store.open(path: url, create: false, group: group) } catch { throw error.cliFailure }
        if (try? store.hasStaff()) == true {
            try? store.close()
            print("\(store.path): \(done); the ward already has staff (nothing else changed).")
            return
        }
        let (staffID, name, pin) = try askFirstAdmin()
        try createWard(store, staffID: staffID, name: name, pin: pin)
        print("\(store.path): \(done); ward \"\(InputText.visible(wardName))\" with \(beds) beds; admin \(staffID).")
        if let key = Store.postgresAuditKeyFile(url) {
            print("The audit key is \(key) (on this host, never in the database): copy it to every terminal host of the ward, 0640, service group, and keep a copy with ward IT.")
        }
    }

    private func askFirstAdmin() throws -> (String, String, String) { try FirstAdmin.ask(id: adminID, name: adminName) }

    private func createWard(_ store: Store, staffID: String, name: String, pin: String) throws {
        try FirstAdmin.createWard(store, staffID: staffID, name: name, pin: pin, wardName: wardName, bedLabels: (1...beds).map(String.init))
    }
}

/// The first admin of a new ward (`wardline init`, `wardline ward add`).
enum FirstAdmin {
    /// The admin's ID, name and PIN: prompted on a terminal, else from the options and stdin.
    static func ask(id adminID: String?, name adminName: String?) throws -> (String, String, String) {
        let policy = securityPolicy(from: ProtocolLoader.builtInDefault())
        guard Console.isInteractive || (adminID != nil && adminName != nil) else {
            throw fail(.usage, "give --admin-id and --admin-name when stdin is not a terminal (the PIN is read from stdin)")
        }
        guard let id = adminID ?? Console.line("Admin staff ID: "), let name = adminName ?? Console.line("Admin name (Family, Given): ") else {
            throw fail(.usage, "no admin ID or name given (stdin ended)")
        }
        let staffID: String
        do { staffID = try Store.checkStaffID(id) } catch { throw error.cliFailure }
        let pin = try Console.newSecret("PIN for \(staffID) (at least \(policy.pinMinLength) \(policy.pinDigitsOnly ? "digits" : "characters")): ")
        do { try Store.checkSecret(pin, policy: policy) } catch { throw error.cliFailure }
        return (staffID, name, pin)
    }

    /// The first admin, the ward's name and its beds, in the opened store (closed after).
    static func createWard(_ store: Store, staffID: String, name: String, pin: String, wardName: String, bedLabels: [String]) throws {
        let policy = securityPolicy(from: ProtocolLoader.builtInDefault())
        do {
            let admin = try store.createFirstAdmin(staffID: staffID, name: name, secret: pin,
                                                   terminal: terminalName(), policy: policy)
            try store.configureWard(name: wardName, bedLabels: bedLabels,
                                    session: Session(staff: admin, terminal: terminalName()))
            try store.close()
        } catch {
            try? store.close()
            if let r = error as? CommandRefusal { throw r.cliFailure }
            throw fail(.ioError, "could not create the database: \(error)")
        }
    }
}
