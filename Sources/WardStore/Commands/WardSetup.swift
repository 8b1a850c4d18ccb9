import Foundation
import WardCore

extension Store {
    /// Names the ward and adds beds (admin only). Beds are never removed or
    /// renamed, only added; labels already present are kept in place.
    public func configureWard(name: String, bedLabels: [String], session: Session) throws(CommandRefusal) {
        let nm = try cleaned(name, "Ward name", max: 60)
        var labels: [String] = []
        for l in bedLabels {
            let t = try cleaned(l, "Bed label", max: 8)
            if !labels.contains(t) { labels.append(t) }
        }
        try command("ward.configure", .configureWard, session: session) { db, actor, now in
            let before = try db.scalar(String.self, "SELECT value FROM settings WHERE key = 'ward_name'")
            try db.execute("INSERT INTO settings(key, value) VALUES ('ward_name', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           [nm])
            let existing = Set(try db.scalars(String.self, "SELECT label FROM beds"))
            var position = try db.scalar(Int.self, "SELECT coalesce(max(position), 0) FROM beds") ?? 0
            var added: [JSONValue] = []
            for l in labels where !existing.contains(l) {
                position += 1
                try db.execute("INSERT INTO beds(label, position) VALUES (?, ?)", [l, position])
                added.append(.string(l))
            }
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "ward.configure",
                                  details: ["name": .string(nm), "before": JSONValue.opt(before), "bedsAdded": .array(added)])
        }
    }
}
