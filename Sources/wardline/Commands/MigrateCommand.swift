import ArgumentParser
import Foundation
import WardStore

/// `wardline migrate --from ward.sqlite --to postgresql://…`: a ward moves to the hospital's PostgreSQL.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Move a ward's whole record and audit chain from its SQLite file to PostgreSQL, and verify both sides.",
        discussion: """
            --to names the ward's schema and is signed in as the role that owns the wards' schemas (password \
            from the pgpass file). The SQLite ward must check clean and the PostgreSQL ward must be empty \
            (created here when missing). Everything is copied in one transaction with its ids and times, the \
            ward's audit key goes to the PostgreSQL ward's key file (auditkey=PATH, else /var/lib/wardline), \
            and then the audit chain is verified on both sides and every recorded row is compared by its hash. \
            Close the ward's terminals first; the SQLite file is not changed. \
            Exit codes: 0 moved and verified, 64 usage, 65 the source is not clean or the target not empty, \
            74 the copy failed (nothing moved), 1 moved but the two sides differ (do not use the copy).
            """)

    @Option(help: ArgumentHelp("The ward's SQLite file.", valueName: "PATH")) var from: String
    @Option(help: ArgumentHelp("The PostgreSQL ward: postgresql://OWNER@HOST[:PORT]/DB?ward=CODE.", valueName: "URL")) var to: String
    @Option(help: ArgumentHelp("The ward's service group: the audit key file is 0640 owned by it.", valueName: "NAME")) var group: String?

    func run() throws {
        try Privilege.requireOperator("wardline migrate")
        let started = Date()
        let r: MigrationReport
        do { r = try Store.migrate(from: from, to: to, group: group) } catch {
            let status: ExitStatus = switch error.kind {
            case .usage: .usage
            case .source, .target: .refused
            case .copy: .ioError
            case .mismatch: .problemsFound
            }
            throw fail(status, error.description)
        }
        for (table, rows) in r.tables where rows > 0 { print(String(format: "%8d  %@", rows, table)) }
        print("Moved \(r.tables.reduce(0) { $0 + $1.rows }) rows in \(String(format: "%.1f", Date().timeIntervalSince(started))) s.")
        print("Verified: the audit chain is intact on both sides with the same head (#\(r.headSeq) \(r.headHash)), and all \(r.rowsCompared) recorded rows hash the same.")
        print("The audit key is \(r.keyFile): copy it to every terminal host of the ward (0640, service group).")
    }
}
