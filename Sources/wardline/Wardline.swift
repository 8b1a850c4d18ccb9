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
        subcommands: [OpenCommand.self, DemoCommand.self, InitCommand.self, StaffCommand.self, AuditCommand.self, AlertsCommand.self,
                      CalcCommand.self, ProtocolCommand.self, HandoverCommand.self, DowntimeCommand.self,
                      RecordCommand.self, CheckCommand.self, BackupCommand.self, RestoreCommand.self,
                      TerminalDemoCommand.self, DoseCommand.self],
        defaultSubcommand: OpenCommand.self)

    /// libsodium is loaded at run time (Sources/CSodium). Without it no PIN
    /// can be checked and no audit entry chained, so `main` stops before
    /// anything else with one line saying which library and which package.
    static func requireRuntimeLibraries() {
        if let problem = SodiumLibrary.problem {
            FileHandle.standardError.write(Data("wardline: cannot start: \(problem)\n".utf8))
            Foundation.exit(69)  // EX_UNAVAILABLE
        }
    }
}
