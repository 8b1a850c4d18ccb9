import ArgumentParser
import Foundation
import WardStore

/// `wardline check`: the whole-file check for ward IT and cron.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the ward database: SQLite integrity, foreign keys, the audit chain, unreadable rows.",
        discussion: """
            Needs no sign-in (file access is the gate) and changes nothing. Reads every page: run it off-peak \
            (e.g. nightly from cron). Exit codes: 0 clean, 1 problems found (each listed), 66 no database, 74 I/O error.
            """)
    @OptionGroup var database: DatabaseOption

    func run() throws {
        try MaintenanceText.withStore(database.path) { store throws(MaintenanceError) in
            do { return try store.integrityReport() } catch { throw MaintenanceError(.io, "could not check \(database.path): \(error)") }
        }.report(path: database.path)
    }
}

/// `wardline backup --out FILE`: a consistent copy through SQLite's online backup API, checked.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent, checked copy of the ward database (terminals may keep working).",
        discussion: """
            The copy is a new file (mode 0600; never overwrites one) and is checked like `wardline check`. \
            Keep the audit head it prints with the backup. Exit codes: 0 written and clean, 1 written but the \
            check found problems, 73 cannot create the file, 74 I/O error.
            """)
    @OptionGroup var database: DatabaseOption
    @Option(help: ArgumentHelp("The backup file to create.", valueName: "FILE")) var out: String

    func run() throws {
        try Privilege.requireOperator("wardline backup")
        try PostgresMaintenance.refuse("backup", database.path)
        let r = try MaintenanceText.withStore(database.path) { store throws(MaintenanceError) in try store.backup(to: out) }
        print("Backup written to \(out).")
        try r.report(path: out)
    }
}

/// `wardline restore FILE`: puts a backup in place of the ward database.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the ward database with a backup (refused while any terminal has the ward open).",
        discussion: """
            The backup is checked first; stale -wal/-shm files of the old database are removed so nothing \
            replays onto the backup; the file is swapped atomically and checked again. Exit codes: 0 restored, \
            65 the backup is not a clean Wardline ward, 75 a terminal has the ward open (close them, try again), \
            74 I/O error.
            """)
    @OptionGroup var database: DatabaseOption
    @Argument(help: ArgumentHelp("The backup file.", valueName: "FILE")) var backup: String

    func run() throws {
        try Privilege.requireOperator("wardline restore")
        try PostgresMaintenance.refuse("restore", database.path)
        let r: IntegrityReport
        do { r = try Store.restore(from: backup, to: database.path) } catch { throw error.cliFailure }
        print("Restored \(database.path) from \(backup).")
        print(MaintenanceText.lines(r, path: database.path).joined(separator: "\n"))
    }
}

extension IntegrityReport {
    /// Prints the report; exit 1 when it found problems.
    func report(path: String) throws {
        print(MaintenanceText.lines(self, path: path).joined(separator: "\n"))
        if !isClean { throw ExitCode(.problemsFound) }
    }
}

/// A PostgreSQL ward is backed up and restored by PostgreSQL's own tools: `wardline backup` and
/// `restore` say which (and `wardline check` checks the result).
enum PostgresMaintenance {
    static func refuse(_ command: String, _ db: String) throws {
        guard Store.isPostgresLocation(db) else { return }
        let ward = db.range(of: "ward=").map { String(db[$0.upperBound...].prefix { $0 != "&" }) } ?? "CODE"
        let how = command == "backup"
            ? "pg_dump --format=custom --schema=ward_\(ward) --file=FILE (as the schema's owner); the whole cluster with pg_basebackup and WAL archiving"
            : "pg_restore --dbname=DB FILE into a database without that schema (as the schema's owner), then wardline check --db URL"
        throw fail(.usage, "a PostgreSQL ward is \(command == "backup" ? "backed up" : "restored") with PostgreSQL's tools: \(how) (docs/ward-it.md, \"PostgreSQL\")")
    }
}

enum MaintenanceText {
    /// Opens the existing ward database, runs `body`, closes it; errors become the CLI's one-line failures.
    static func withStore(_ path: String, _ body: (Store) throws(MaintenanceError) -> IntegrityReport) throws -> IntegrityReport {
        let store: Store
        do { store = try Store.open(path: path, create: false) } catch { throw error.cliFailure }
        defer { try? store.close() }
        do { return try body(store) } catch { throw error.cliFailure }
    }

    static func lines(_ r: IntegrityReport, path: String) -> [String] {
        var out: [String] = []
        let engine = Store.isPostgresLocation(path) ? "PostgreSQL" : "SQLite"
        out.append(r.integrity == ["ok"] ? "\(engine) integrity: ok" : "\(engine) integrity: PROBLEMS\n  " + r.integrity.joined(separator: "\n  "))
        out.append(r.foreignKeys.isEmpty ? "Foreign keys: ok" : "Foreign keys: \(r.foreignKeys.count) broken\n  " + r.foreignKeys.joined(separator: "\n  "))
        out += AuditText.lines(r.audit)
        if r.unreadable.isEmpty { out.append("Unreadable rows: none") }
        else {
            out.append("Unreadable rows: \(r.unreadable.count)")
            out += r.unreadable.map { "  unreadable entry #\($0.id) (\($0.table), \($0.reason))" }
        }
        out.append(r.isClean ? "\(path): clean" : "\(path): PROBLEMS FOUND")
        return out
    }
}
