import ArgumentParser
import WardCore

@main
struct Wardline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wardline",
        abstract: "Nursing terminal for an inpatient benzodiazepine-withdrawal ward.",
        version: "0.1.0",
        subcommands: [OpenCommand.self, DemoCommand.self, InitCommand.self, StaffCommand.self, AuditCommand.self, AlertsCommand.self,
                      CalcCommand.self, ProtocolCommand.self, HandoverCommand.self, DowntimeCommand.self,
                      TerminalDemoCommand.self, DoseCommand.self],
        defaultSubcommand: OpenCommand.self)
}
