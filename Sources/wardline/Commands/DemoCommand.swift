import ArgumentParser
import Foundation
import WardCore
import WardStore
import WardTerminal

/// `wardline demo`: a fresh, realistic demo ward, then the TUI on it.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a fresh demo ward (patients, staff, 72 h of scores) and open it.",
        discussion: """
            Without --db the demo database lives in a temporary directory and is deleted on exit.
            Demo staff (ID / PIN): nurse N1001 / 111111, charge nurse C2001 / 222222, \
            prescriber P3001 / 333333, student nurse S4001 / 444444, ward IT A9001 / 999999.
            """)

    @Option(name: .long, help: ArgumentHelp("Keep the demo database at this new path.", valueName: "PATH"))
    var db: String?

    @Flag(name: .customLong("create-only"), help: "Create the demo database and exit without opening it (needs --db).")
    var createOnly = false

    @OptionGroup var options: TUIOptions

    func validate() throws {
        if createOnly && db == nil { throw ValidationError("--create-only needs --db PATH (where to keep the demo ward)") }
    }

    func run() throws {
        if !createOnly { Terminal.takeOverFaults() }   // a fault while seeding is one line too, not the backtracer
        let wardProtocol = try options.loadProtocol()
        let theme = try options.loadTheme()
        var tempDir: String?
        let path: String
        if let db {
            guard Store.isPostgresLocation(db) || !FileManager.default.fileExists(atPath: db) else {
                throw fail(.cannotCreate, "\(db) already exists; the demo never overwrites a database. Choose a new path, or open it with `wardline --db \(db)`")
            }
            path = db
        } else {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wardline-demo-\(getpid())").path
            tempDir = dir
            path = dir + "/ward.sqlite"
        }
        defer { if let tempDir { try? FileManager.default.removeItem(atPath: tempDir) } }

        let store: Store
        do { store = try Store.open(path: path, create: true) } catch { throw error.cliFailure }
        do {
            try DemoWard.seed(store: store, clock: SystemClock(), protocol: wardProtocol, policy: wardProtocol.security)
        } catch {
            throw fail(ExitStatus(error.kind), "could not create the demo ward: \(error.message)")
        }
        if createOnly {
            print("demo ward created at \(path)")
            return
        }
        let greeting = "DEMO ward. Sign in as nurse N1001, PIN 111111 (more in `wardline demo --help`)."
        let status = runWardApp(WardAppConfig(store: store, wardProtocol: wardProtocol, theme: theme,
                                              greeting: greeting, log: AppLogging.logger()))
        try? store.close()
        if status != .ok { throw ExitCode(status) }
    }
}
