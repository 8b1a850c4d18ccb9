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
            `verify` walks the keyed chain, reports the first broken link, and compares every row of the \
            record with the event that wrote it. `anchor` writes the newest event's number and hash to the \
            system log (and a file you name) so that `verify --expect-count N --expect-head H` later finds \
            events cut off the end or a chain rewritten with the key.
            """,
        subcommands: [Verify.self, Anchor.self, Show.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every event's MAC and link and every row against its event; exit 1 on any finding.")
        @OptionGroup var database: DatabaseOption
        @OptionGroup var signIn: AdminSignInOptions
        @Option(help: ArgumentHelp("The event count an earlier `audit anchor` recorded.", valueName: "N")) var expectCount: Int64?
        @Option(help: ArgumentHelp("The head hash an earlier `audit anchor` recorded.", valueName: "HASH")) var expectHead: String?

        func validate() throws {
            guard (expectCount == nil) == (expectHead == nil) else {
                throw ValidationError("give --expect-count and --expect-head together (both from one `audit anchor` line)")
            }
            if let n = expectCount, n < 1 { throw ValidationError("--expect-count must be 1 or more") }
        }

        func run() throws {
            let (store, _, _) = try openAndSignIn(database, signIn, for: .viewAudit)
            defer { try? store.close() }
            let anchor = expectCount.map { AuditAnchor(count: $0, headHash: expectHead ?? "") }
            let v: AuditVerification
            do { v = try store.auditVerify(expect: anchor) } catch { throw fail(.ioError, "could not read the audit trail: \(error)") }
            let lines = AuditText.lines(v)
            guard v.isIntact else {
                for line in lines { printError(line) }
                throw ExitCode(.problemsFound)
            }
            print(lines.joined(separator: "\n"))
            if let anchor { print("Anchor matched: event \(anchor.count) has hash \(anchor.headHash).") }
        }
    }

    struct Anchor: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify the trail, then record its newest event (count and hash) outside the database.",
            discussion: """
                Writes one line to the system log (syslog, facility auth, tag wardline-audit) and, with --to, \
                appends it to FILE (opened O_APPEND; keep it off the ward host or on write-once media). The \
                downtime pack prints the same line. Refused (exit 1) when the trail does not verify.
                """)
        @OptionGroup var database: DatabaseOption
        @OptionGroup var signIn: AdminSignInOptions
        @Option(help: ArgumentHelp("Also append the anchor line to this file.", valueName: "FILE")) var to: String?

        func run() throws {
            let (store, _, _) = try openAndSignIn(database, signIn, for: .viewAudit)
            defer { try? store.close() }
            let v: AuditVerification
            do { v = try store.auditVerify() } catch { throw fail(.ioError, "could not read the audit trail: \(error)") }
            guard v.isIntact, let seq = v.headSeq, let head = v.headHash else {
                throw fail(.problemsFound, "not anchored: the trail does not verify (\(AuditText.lines(v).joined(separator: "; ")))")
            }
            let line = AuditAnchorLine.text(database: database.path, count: seq, head: head, at: Date())
            AuditAnchorLine.syslog(line)
            if let to { try AuditAnchorLine.append(line, to: to) }
            print(line)
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
                    throw fail(.usage, "--since \(since) is not a date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ")
                }
                sinceDate = d
            }
            let (store, _, _) = try openAndSignIn(database, signIn, for: .viewAudit)
            defer { try? store.close() }
            let events: [AuditEvent]
            do { events = try store.auditEvents(filter: AuditFilter(patientMRN: patient, staffID: staff, since: sinceDate)) }
            catch { throw fail(.ioError, "could not read the audit trail: \(error)") }
            let iso = ISO8601DateFormatter()
            for e in events {
                let fields = ["#\(e.seq)", iso.string(from: e.at), e.actor, e.terminal, e.action, e.patientMRN ?? "-", e.details]
                print(fields.map(InputText.visible).joined(separator: "  "))
            }
            // Events whose time or text cannot be read are not left out in silence.
            let unreadable = (try? store.unreadableEntries())?.filter { $0.table == "audit_events" } ?? []
            for u in unreadable { print("#\(u.id)  \(u.text)") }
        }

        static func parse(_ text: String) -> Date? {
            if let d = ISO8601DateFormatter().date(from: text) { return d }
            guard let day = CalendarDate(text) else { return nil }
            return Calendar.wardDefault.date(from: DateComponents(year: day.year, month: day.month, day: day.day))
        }
    }
}
