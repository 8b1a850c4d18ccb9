import Foundation
import WardCore

extension Store {
    /// Records which protocol file the ward's terminals use (admin only).
    /// The caller validates the file first; the store keeps the path and the
    /// protocol's version, and audits the change.
    public func setProtocolFile(path: String, version: String, session: Session) throws(CommandRefusal) {
        guard path.hasPrefix("/") else {
            throw CommandRefusal(.invalid, "Give the protocol file as an absolute path (starting with /).")
        }
        let p = try cleaned(path, "Protocol path", max: 1024)
        try command("protocol.use", .configureWard, session: session) { db, actor, now in
            let before = try db.scalar(String.self, "SELECT value FROM settings WHERE key = 'protocol_path'")
            try db.execute("INSERT INTO settings(key, value) VALUES ('protocol_path', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           [p])
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "protocol.use",
                                  details: ["path": .string(p), "version": .string(version), "before": JSONValue.opt(before)])
        }
    }

    /// The protocol file the ward's terminals use, if one was set.
    public func protocolFile() throws -> String? {
        try read { db in try db.scalar(String.self, "SELECT value FROM settings WHERE key = 'protocol_path'") }
    }
}
