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
    /// file's folder, or for a PostgreSQL ward the folder of its audit key (the ward's own folder
    /// on the terminals' host, e.g. /var/lib/wardline).
    public static func wardDirectory(database db: String) -> URL {
        let anchor = Store.postgresAuditKeyFile(db) ?? db
        return URL(fileURLWithPath: anchor).deletingLastPathComponent()
    }
}
