import ArgumentParser
import Foundation
import WardCore
import WardStore

/// `wardline alerts report --since DATE`.
struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Report on the ward board's alerts (to retire noisy rules).",
        subcommands: [Report.self])

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Counts per rule, time to acknowledge, and how often alerts were acknowledged without action.",
            discussion: """
                Signs you in first (a charge nurse or ward IT; --as ID, or prompted; without a terminal the PIN is
                the first stdin line). "Acknowledged, no action" counts acknowledged alerts with no escalation on
                record; "cleared unacked" counts alerts whose cause went away before anyone acknowledged them.
                """)
        @OptionGroup var database: DatabaseOption
        @OptionGroup var signIn: AdminSignInOptions
        @Option(help: ArgumentHelp("From this time on: YYYY-MM-DD (ward local midnight) or YYYY-MM-DDTHH:MM:SSZ.", valueName: "DATE"))
        var since: String

        func run() throws {
            guard let from = AuditCommand.Show.parse(since) else {
                throw fail(.usage, "--since \(since) is not a date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ")
            }
            let (store, session, _) = try openAndSignIn(database, signIn, for: .viewAudit)
            defer { try? store.close() }
            let episodes: [AlertEpisodeRecord]
            do { episodes = try store.alertEpisodes(since: from, session: session) } catch { throw error.cliFailure }
            print(AlertReport(since: from, episodes: episodes).text(calendarSince: since), terminator: "")
        }
    }
}
