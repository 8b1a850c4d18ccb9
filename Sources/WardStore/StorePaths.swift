import Foundation
/// Where the ward database lives when `--db` is not given.
public enum StorePaths {
    /// `$XDG_DATA_HOME/wardline/ward.sqlite`, else `$HOME/.local/share/wardline/ward.sqlite`
    /// (XDG Base Directory: a relative XDG_DATA_HOME is ignored).
    public static func defaultDatabasePath(environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return join(xdg, "wardline/ward.sqlite")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/"
        return join(home, ".local/share/wardline/ward.sqlite")
    }

    static func join(_ dir: String, _ rest: String) -> String {
        dir.hasSuffix("/") ? dir + rest : dir + "/" + rest
    }
}

extension StorePaths {
    /// The ward's folder on this host, where printouts and the downtime pack are kept: the SQLite
    /// file's folder; for a PostgreSQL ward the folder of its `auditkey=` file, else
    /// /var/lib/wardline/<ward> (never a path made from the URL).
    public static func wardDirectory(database db: String) -> URL {
        if Store.isPostgresLocation(db) {
            return URL(fileURLWithPath: Store.postgresWardDirectory(db) ?? FileManager.default.temporaryDirectory.path)
        }
        return URL(fileURLWithPath: db).deletingLastPathComponent()
    }
}
