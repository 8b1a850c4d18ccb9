import ArgumentParser
import Foundation
import WardCore
import WardStore

/// `wardline audit verify|show`.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify or show the tamper-evident audit trail.",
        discussion: """
            Signs you in first (--as ID, or prompted; without a terminal the PIN is the first stdin line).
            `verify` walks the hash chain and reports the first broken link; note the head hash it \
            prints (or keep it with the backup) to detect later removal of the newest events.
            """,
        subcommands: [Verify.self, Show.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check every event's hash and link; exit 1 at the first break.")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var signIn: AdminSignInOptions

        func run() throws {
            let (store, _, _) = try openAndSignIn(database, signIn, for: .viewAudit)
            defer { try? store.close() }
            let v: AuditVerification
            do { v = try store.auditVerify() } catch { throw failure("could not read the audit trail: \(error)", 74) }
            if let b = v.firstBreak {
                throw failure("\(b.message); \(v.eventsVerified) events before it are intact", 1)
            }
            print("Audit trail intact: \(v.eventsVerified) events; newest #\(v.headSeq ?? 0) hash \(v.headHash ?? "-").")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print audit events, oldest first.")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var signIn: AdminSignInOptions
        @Option(help: ArgumentHelp("Only events about this patient.", valueName: "MRN")) var patient: String?
        @Option(help: ArgumentHelp("Only events by this staff ID.", valueName: "ID")) var staff: String?
        @Option(help: ArgumentHelp("Only events from this time on: YYYY-MM-DD (ward local midnight) or YYYY-MM-DDTHH:MM:SSZ.", valueName: "DATE"))
        var since: String?

        func run() throws {
            var sinceDate: Date? = nil
            if let since {
                guard let d = Self.parse(since) else {
                    throw failure("--since \(since) is not a date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ", 64)
                }
                sinceDate = d
            }
            let (store, _, _) = try openAndSignIn(database, signIn, for: .viewAudit)
            defer { try? store.close() }
            let events: [AuditEvent]
            do { events = try store.auditEvents(filter: AuditFilter(patientMRN: patient, staffID: staff, since: sinceDate)) }
            catch { throw failure("could not read the audit trail: \(error)", 74) }
            let iso = ISO8601DateFormatter()
            for e in events {
                let fields = ["#\(e.seq)", iso.string(from: e.at), e.actor, e.terminal, e.action, e.patientMRN ?? "-", e.details]
                print(fields.map(InputText.visible).joined(separator: "  "))
            }
        }

        static func parse(_ text: String) -> Date? {
            if let d = ISO8601DateFormatter().date(from: text) { return d }
            guard let day = CalendarDate(text) else { return nil }
            return Calendar.wardDefault.date(from: DateComponents(year: day.year, month: day.month, day: day.day))
        }
    }
}
