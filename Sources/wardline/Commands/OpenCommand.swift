import ArgumentParser
import Foundation
import Synchronization
import Logging
import WardCore
import WardStore
import WardTerminal
import WardUI

/// Options every TUI-opening command shares.
struct TUIOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The ward protocol file (default: the shipped defaults).", valueName: "FILE"))
    var `protocol`: String?

    @Option(name: .long, help: ArgumentHelp("Colour theme for this run: default, high-contrast, night, colour-blind-safe, monochrome, or a path to a TOML file. Without it: the theme chosen on this terminal (t on the help screen), else WARDLINE_THEME, else default. NO_COLOR forces monochrome.", valueName: "NAME|PATH"))
    var theme: String?

    /// The shipped defaults or `--protocol`; an invalid file stops the program with every problem listed.
    func loadProtocol() throws -> WardProtocol { try ProtocolFile.load(`protocol`) }

    /// The protocol in force for this ward database (`--protocol`, the ward's setting, or the defaults).
    func loadProtocol(for store: Store) throws -> WardProtocol { try ProtocolFile.inForce(store: store, override: `protocol`) }

    func loadTheme() throws -> ThemeAtStart { try Self.chooseTheme(Self.readTheme(theme)) }

    /// Reads what the theme choice needs (files as the user: before other threads start).
    static func readTheme(_ theme: String?) -> ThemeAtStart.Sources {
        let environment = ProcessInfo.processInfo.environment
        return ThemeAtStart.read(flag: theme, memory: .thisTerminal(environment: environment), environment: environment)
    }

    /// `--theme`, else the theme remembered for this terminal, else `WARDLINE_THEME`, else "default".
    static func chooseTheme(_ sources: ThemeAtStart.Sources) throws -> ThemeAtStart {
        do {
            return try ThemeAtStart.choose(sources)
        } catch {
            throw fail(.invalidArgument, "theme: \(error)")
        }
    }
}

/// `wardline [--db PATH]`: the ward TUI on the ward's database.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the ward on this terminal (the default command).")

    @OptionGroup var database: DatabaseOption
    @OptionGroup var options: TUIOptions

    func run() throws {
        try OpenWard(db: database.db, protocol: options.protocol, theme: options.theme).run()
    }
}

/// What `wardline [open] [--db PATH] [--protocol FILE] [--theme NAME|PATH]` does, as plain values:
/// `Wardline.main` reads these arguments itself for a terminal's ordinary start (see `init?(arguments:)`)
/// and leaves everything else to the argument parser.
struct OpenWard: Equatable {
    var db: String?
    var `protocol`: String?
    var theme: String?

    /// The arguments of an ordinary start, or nil for anything else (help, another command, a
    /// repeated or missing value, a value that looks like an option): those go to the argument
    /// parser, which explains them. A test holds this reading equal to the parser's.
    init?(arguments: [String]) {
        var rest = arguments[...]
        if rest.first == "open" { rest = rest.dropFirst() }
        var values: [String: String] = [:]
        while let arg = rest.popFirst() {
            let name: String, value: String
            if let eq = arg.firstIndex(of: "=") {
                name = String(arg[..<eq]); value = String(arg[arg.index(after: eq)...])
            } else {
                guard let v = rest.popFirst() else { return nil }
                name = arg; value = v
            }
            guard ["--db", "--protocol", "--theme"].contains(name), values[name] == nil,
                  !value.isEmpty, !value.hasPrefix("-") else { return nil }
            values[name] = value
        }
        self.init(db: values["--db"], protocol: values["--protocol"], theme: values["--theme"])
    }

    init(db: String?, protocol: String?, theme: String?) {
        self.db = db; self.protocol = `protocol`; self.theme = theme
    }

    var path: String { db ?? StorePaths.defaultDatabasePath(environment: ProcessInfo.processInfo.environment) }

    func run() throws {
        Terminal.takeOverFaults()   // a fault while loading is one line too, not the backtracer
        // The theme and the shipped protocol are parsed on another core while this one opens the store.
        // Theme files are read first, here: reading as the user changes the process's group for a moment.
        let themeSources = TUIOptions.readTheme(theme)
        let early = Prefetch { (theme: Result { try TUIOptions.chooseTheme(themeSources) }, builtIn: ProtocolLoader.builtInDefault()) }
        let opened = Result { () throws(StoreOpenError) in try Store.open(path: path, create: false) }
        let theme = try early.value.theme.get()   // a bad theme is reported first, as before
        let store: Store
        switch opened {
        case .success(let s): store = s
        case .failure(let error):
            if error.kind == .missing {
                throw fail(ExitStatus(error.kind), "\(error.message), or try `wardline demo`")
            }
            throw error.cliFailure
        }
        guard (try? store.hasStaff()) == true else {
            throw fail(.notSetUp, "the ward database \(path) has no staff yet; run `wardline init --db \(path)` first")
        }
        let wardProtocol = try ProtocolFile.inForce(store: store, override: `protocol`, builtIn: { early.value.builtIn })
        let log = AppLogging.logger()
        // While this terminal runs, `wardline restore` refuses to swap the file (released on exit, even kill -9).
        // A PostgreSQL ward has no file to swap: its restore is pg_restore's (docs/ward-it.md).
        let presence = store.isPostgres ? nil : TerminalPresence.hold(database: path)
        defer { withExtendedLifetime(presence) {} }
        let status = runWardApp(WardAppConfig(store: store, wardProtocol: wardProtocol, theme: theme,
                                              greeting: nil, log: log))
        if status != .ok { throw ExitCode(status) }
    }
}

enum AppLogging {
    /// The process's logger, writing to the log file (operational lines only).
    static func logger() -> Logger {
        // The log lives among the user's own files: opened as the user, never with the service group.
        let path = LogSink.defaultPath()
        let sink = (try? Privilege.asInvokingUser { LogSink(path: path) }) ?? LogSink(path: path)
        LoggingSystem.bootstrap { FileLogHandler(label: $0, sink: sink) }
        if sink.fd >= 0 { Terminal.setCrashLog(fd: sink.fd) }
        return Logger(label: "wardline")
    }
}

/// A value computed on another thread from the moment it is made; `value` waits for it.
final class Prefetch<T: Sendable>: Sendable {
    private let result = Mutex<T?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global(qos: .userInteractive).async { self.finish(work()) }
    }

    private func finish(_ v: T) {
        result.withLock { $0 = v }
        done.signal()
    }

    var value: T {
        done.wait()
        done.signal()   // later reads do not wait
        return result.withLock { $0! }
    }
}
