import Foundation
import GRDB

/// Backup and restore through SQLite's online backup API: a consistent copy
/// while terminals keep working, and a restore that never replays a stale WAL.
public struct MaintenanceError: Error, Sendable, CustomStringConvertible {
    /// What went wrong (the CLI turns it into its exit status).
    public enum Kind: Sendable, Hashable {
        case missing        // the file to read does not exist
        case cannotCreate   // the file to write exists or cannot be created
        case notAWard       // not a Wardline ward, or a backup that does not check clean
        case inUse          // a terminal has the ward open
        case io             // reading, writing or syncing failed
    }
    public var kind: Kind
    public var message: String
    public var description: String { message }
    public init(_ kind: Kind, _ message: String) { self.kind = kind; self.message = message }
}

extension Store {
    /// Writes a consistent copy of the ward to `out` (a new file, mode 0600) and
    /// checks it: SQLite's integrity check and the audit chain. Returns the copy's report.
    public func backup(to out: String) throws(MaintenanceError) -> IntegrityReport {
        guard !FileManager.default.fileExists(atPath: out) else {
            throw MaintenanceError(.cannotCreate, "\(out) exists; name a new file (a backup never overwrites one)")
        }
        let fd = Glibc.open(out, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw MaintenanceError(.cannotCreate, "cannot create \(out): \(String(cString: strerror(errno)))") }
        Glibc.close(fd)
        do {
            let dest = try DatabaseQueue(path: out)
            try pool.backup(to: dest)
            try dest.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try dest.close()
        } catch {
            try? FileManager.default.removeItem(atPath: out)
            throw MaintenanceError(.io, "backup failed, nothing kept: \(error)")
        }
        return try Self.verifiedReport(out, key: auditKey)
    }

    /// Opens `path` read-only (nothing in it is touched) and returns its integrity report;
    /// refuses a file that is not a Wardline ward.
    /// The audit chain is checked with `key`, the ward's audit key (a backup carries no key of its own).
    static func verifiedReport(_ path: String, key: [UInt8]?) throws(MaintenanceError) -> IntegrityReport {
        guard FileManager.default.fileExists(atPath: path) else { throw MaintenanceError(.missing, "\(path) does not exist") }
        var c = Configuration()
        c.readonly = true
        do {
            let q = try DatabaseQueue(path: path, configuration: c)
            defer { try? q.close() }
            return try q.read { db in
                guard try Int32.fetchOne(db, sql: "PRAGMA application_id") == Schema.applicationID else {
                    throw MaintenanceError(.notAWard, "\(path) is not a Wardline ward database")
                }
                return try Self.integrityReport(db, key: key)
            }
        } catch let e as MaintenanceError {
            throw e
        } catch {
            throw MaintenanceError(.notAWard, "\(path) could not be checked: \(error)")
        }
    }

    /// Puts the backup `from` in place of the ward database `to`. Refused while
    /// any terminal has the ward open; the backup is checked first; stale
    /// `-wal`/`-shm` files are removed so nothing replays onto the restored
    /// copy; the file is replaced atomically (same directory, fsync, rename)
    /// and the result checked again. Returns the restored file's report.
    public static func restore(from backup: String, to target: String) throws(MaintenanceError) -> IntegrityReport {
        let key: [UInt8]
        do { key = try AuditKey.load(AuditKey.path(forDatabase: target)) } catch {
            throw MaintenanceError(.missing, "\(error); nothing restored")
        }
        let before = try verifiedReport(backup, key: key)
        guard before.integrity == ["ok"], before.audit.isIntact else {
            throw MaintenanceError(.notAWard, "the backup \(backup) does not check clean (integrity: \(before.integrity.joined(separator: "; ")), audit: \(before.audit.isIntact ? "intact" : "broken")); nothing restored")
        }
        guard let lock = TerminalPresence.exclusive(database: target) else {
            throw MaintenanceError(.inUse, "a terminal has the ward open (\(target)); close every wardline terminal, then restore")
        }
        defer { withExtendedLifetime(lock) {} }
        let dir = (target as NSString).deletingLastPathComponent
        let temp = (dir.isEmpty ? "." : dir) + "/.restore-\(getpid())-\(UUID().uuidString).sqlite"
        do {
            try FileManager.default.copyItem(atPath: backup, toPath: temp)
            // The ward file keeps its mode, owner and group (and so the group's access).
            let attrs = try? FileManager.default.attributesOfItem(atPath: target)
            chmod(temp, mode_t((attrs?[.posixPermissions] as? Int) ?? 0o600))
            if let uid = attrs?[.ownerAccountID] as? Int, let gid = attrs?[.groupOwnerAccountID] as? Int {
                _ = chown(temp, uid_t(uid), gid_t(gid))
            }
            try fsync(path: temp)
            // A WAL left by a terminal that crashed belongs to the old file: never let it replay onto the backup.
            for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: target + suffix) {
                try FileManager.default.removeItem(atPath: target + suffix)
            }
            guard rename(temp, target) == 0 else { throw MaintenanceError(.io, "cannot move the restored copy into place: \(String(cString: strerror(errno)))") }
            try fsync(path: dir.isEmpty ? "." : dir)
        } catch let e as MaintenanceError {
            try? FileManager.default.removeItem(atPath: temp)
            throw e
        } catch {
            try? FileManager.default.removeItem(atPath: temp)
            throw MaintenanceError(.io, "restore failed, the ward file is unchanged: \(error)")
        }
        let after = try verifiedReport(target, key: key)
        guard after.audit.eventsVerified == before.audit.eventsVerified, after.audit.headHash == before.audit.headHash else {
            throw MaintenanceError(.io, "the restored file differs from the backup (\(after.audit.eventsVerified) vs \(before.audit.eventsVerified) events)")
        }
        return after
    }

    private static func fsync(path: String) throws(MaintenanceError) {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw MaintenanceError(.io, "cannot open \(path) to sync it: \(String(cString: strerror(errno)))") }
        defer { Glibc.close(fd) }
        guard Foundation.fsync(fd) == 0 else { throw MaintenanceError(.io, "cannot sync \(path): \(String(cString: strerror(errno)))") }
    }
}
