import ArgumentParser
import Foundation
import WardCore
import WardStore

@main
struct Wardline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wardline",
        abstract: "Nursing terminal for an inpatient benzodiazepine-withdrawal ward.",
        version: "0.1.0",
        subcommands: [OpenCommand.self, DemoCommand.self, InitCommand.self, WardCommand.self, StaffCommand.self, AuditCommand.self, AlertsCommand.self,
                      CalcCommand.self, ProtocolCommand.self, HandoverCommand.self, DowntimeCommand.self,
                      RecordCommand.self, CheckCommand.self, BackupCommand.self, RestoreCommand.self,
                      TerminalDemoCommand.self, DoseCommand.self, MigrateCommand.self, TransferCommand.self,
                      InterfaceCommand.self, ExportCommand.self],
        defaultSubcommand: OpenCommand.self)

    /// libsodium is loaded at run time (Sources/CSodium). Without it no PIN
    /// can be checked and no audit entry chained, so `main` stops before
    /// anything else with one line saying which library and which package.
    static func requireRuntimeLibraries() {
        if let problem = SodiumLibrary.problem {
            printError("cannot start: \(problem)")
            Foundation.exit(ExitStatus.unavailable.code)
        }
    }
}

/// Argument-parser usage errors under `calc` exit with `.invalidArgument` (2, issue 3), like
/// every other invalid argument there; all other commands keep the library's
/// behaviour.
extension Wardline {
    static func main() {
        Privilege.sanitizeEnvironmentIfElevated()
        requireRuntimeLibraries()
        let args = Array(CommandLine.arguments.dropFirst())
        do {
            // A ward terminal's ordinary start skips the reflection-based parse (a few ms of start-up).
            if let open = OpenWard(arguments: args) {
                try open.run()
                return
            }
            var command = try parseAsRoot(args)
            try command.run()
        } catch {
            if args.first == "calc", exitCode(for: error) == .validationFailure {
                let line = message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
                printError(line, command: "calc")
                Foundation.exit(ExitStatus.invalidArgument.code)
            }
            exit(withError: error)
        }
    }
}
