import ArgumentParser
import Foundation
import WardCore
import WardReports
import WardStore

// Shared by `wardline handover` and `wardline downtime`: read-only, no sign-in.

/// `--protocol FILE` for commands that print (the shift times come from it).
struct ProtocolOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The ward protocol file (default: the protocol in force on the ward, set with `wardline protocol use`, else the shipped defaults).", valueName: "FILE"))
    var `protocol`: String?

    /// The protocol the screens of this ward use: `--protocol`, else the ward's setting, else the shipped defaults.
    func load(in db: DatabaseOption) throws -> WardProtocol {
        if let file = `protocol` { return try ProtocolFile.load(file) }
        let store: Store
        do { store = try Store.open(path: db.path, create: false) } catch { throw error.cliFailure }
        defer { try? store.close() }
        return try ProtocolFile.inForce(store: store, override: nil)
    }
}

enum ReportCLI {
    /// Opens an existing ward database (never creates one) and reads the ward.
    /// `dischargedSince`: the oldest discharge the report counts (a handover for an earlier
    /// shift passes that shift's start); by default the snapshot's own window.
    static func loadWard(_ db: DatabaseOption, _ proto: WardProtocol, dischargedSince: Date? = nil) throws -> WardSnapshot {
        let store: Store
        do { store = try Store.open(path: db.path, create: false) } catch { throw error.cliFailure }
        defer { try? store.close() }
        do { return try store.loadWard(protocol: proto, dischargedSince: dischargedSince) } catch {
            throw fail(.ioError, "could not read the ward from \(db.path): \(error)")
        }
    }

    /// The audit trail's newest event (unverified): the downtime pack prints it as an anchor.
    static func auditHead(_ db: DatabaseOption) -> AuditAnchor? {
        guard let store = try? Store.open(path: db.path, create: false) else { return nil }
        defer { try? store.close() }
        return try? store.auditHead()
    }

    /// Who printed it, for the page header: the login name of this process.
    static func printedBy() -> String {
        let env = ProcessInfo.processInfo.environment
        let user = env["USER"] ?? env["LOGNAME"] ?? getpwuid(getuid()).map { String(cString: $0.pointee.pw_name) } ?? "unknown"
        return "\(InputText.visible(user)) (command line)"
    }

    /// Printouts hold patient-identifiable data: files this process writes are
    /// readable by the owner and the owner's group only (0640, directories 0750).
    static func privateFiles() { umask(0o027) }

    /// Where a printed handover is saved when no --out is given: in the ward's folder (beside the database file).
    static func defaultSaveDirectory(_ db: DatabaseOption) -> URL {
        StorePaths.wardDirectory(database: db.path).appendingPathComponent("handovers")
    }

    static func fileStamp(_ d: Date, _ tz: TimeZone) -> String {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = tz
        let p = c.dateComponents([.year, .month, .day, .hour, .minute], from: d)
        return String(format: "%04d%02d%02d-%02d%02d", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0)
    }
}
