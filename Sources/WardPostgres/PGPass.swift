import Foundation

/// The password file libpq reads (`PGPASSFILE`, else `~/.pgpass`): lines
/// `host:port:database:user:password`, `*` matching anything in the first four fields, `\:` and
/// `\\` for a literal colon or backslash, `#` comments; the first matching line wins. Like libpq,
/// a file that its group or others may read is not used: the error says how to fix it.
public struct PGPass: Sendable, Hashable {
    struct Entry: Sendable, Hashable {
        var fields: [String]   // host, port, database, user
        var password: String
    }

    var entries: [Entry]
    /// Where it was read from (for messages).
    public var path: String

    /// Parses the text of a pgpass file (lines with fewer than five fields are skipped, as libpq does).
    public init(text: String, path: String) {
        self.path = path
        entries = text.split(whereSeparator: \.isNewline).compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = PGPass.fields(line)
            guard fields.count >= 5 else { return nil }
            // Like libpq, the password is the rest of the line (an unescaped colon is part of it).
            return Entry(fields: Array(fields[0..<4]), password: fields[4...].joined(separator: ":"))
        }
    }

    /// Reads `file` (a URL's `passfile=`), else the file the environment names (`PGPASSFILE`, else `$HOME/.pgpass`).
    public static func load(file: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) throws(PostgresConnectError) -> PGPass {
        let path = file ?? environment["PGPASSFILE"] ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.pgpass")
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw .init(.noPassword, "no password file at \(path): create it (mode 0600) with a line host:port:database:user:password, or set PGPASSFILE")
        }
        guard st.st_mode & 0o077 == 0 else {
            throw .init(.noPassword, "\(path) may be read by others (mode \(String(st.st_mode & 0o777, radix: 8))): chmod 600 \(path)")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .init(.noPassword, "\(path) cannot be read as this user")
        }
        return PGPass(text: text, path: path)
    }

    /// The password for a user of a database on a host, or nil when no line matches.
    public func password(host: String, port: Int, database: String, user: String) -> String? {
        let want = [host, String(port), database, user]
        return entries.first { e in zip(e.fields, want).allSatisfy { $0 == "*" || $0 == $1 } }?.password
    }

    /// Splits a line on unescaped colons, undoing `\:` and `\\`.
    static func fields(_ line: Substring) -> [String] {
        var out: [String] = [], current = "", escaped = false
        for c in line {
            if escaped { current.append(c); escaped = false }
            else if c == "\\" { escaped = true }
            else if c == ":" { out.append(current); current = "" }
            else { current.append(c) }
        }
        out.append(current)
        return out
    }
}
