import ArgumentParser
import Foundation
import Logging
import WardCore
import WardStore
import WardTerminal
import WardUI

/// Options every TUI-opening command shares.
struct TUIOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The ward protocol file (default: the shipped defaults).", valueName: "FILE"))
    var `protocol`: String?

    @Option(name: .long, help: ArgumentHelp("Colour theme: a shipped name (default, monochrome) or a path to a TOML file. NO_COLOR forces monochrome.", valueName: "NAME|PATH"))
    var theme: String?

    /// The shipped defaults or `--protocol`; an invalid file stops the program with every problem listed.
    func loadProtocol() throws -> WardProtocol { try ProtocolFile.load(`protocol`) }

    /// The protocol in force for this ward database (`--protocol`, the ward's setting, or the defaults).
    func loadProtocol(for store: Store) throws -> WardProtocol { try ProtocolFile.inForce(store: store, override: `protocol`) }

    func loadTheme() throws -> Theme {
        do {
            return try ThemeLoader.resolve(nameOrPath: theme, environment: ProcessInfo.processInfo.environment)
        } catch {
            printError("wardline: theme: \(error)")
            throw ExitCode(2)
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
        Terminal.takeOverFaults()   // a fault while loading is one line too, not the backtracer
        let theme = try options.loadTheme()
        let store: Store
        do {
            store = try Store.open(path: database.path, create: false)
        } catch {
            if error.kind == .missing {
                throw failure("\(error.message) — create it with `wardline init --db \(database.path)`, or try `wardline demo`", error.exitCode)
            }
            throw error.cliFailure
        }
        guard (try? store.hasStaff()) == true else {
            throw failure("the ward database \(database.path) has no staff yet; run `wardline init --db \(database.path)` first", 78)
        }
        let wardProtocol = try options.loadProtocol(for: store)
        let log = AppLogging.logger()
        // While this terminal runs, `wardline restore` refuses to swap the file (released on exit, even kill -9).
        let presence = TerminalPresence.hold(database: database.path)
        defer { withExtendedLifetime(presence) {} }
        let code = runWardApp(WardAppConfig(store: store, wardProtocol: wardProtocol, theme: theme,
                                            greeting: nil, log: log))
        if code != 0 { throw ExitCode(code) }
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
