import Foundation

/// Wardline installed setgid to the ward's service group (docs/ward-it.md):
/// nurses' accounts are not in that group, so they cannot open the database,
/// its audit key or its directory themselves; the program can, and acts only
/// through its commands (signed in, role-checked, audited). While elevated:
/// the environment is cut down to what a terminal needs; ward IT's file
/// commands (init, backup, restore) are refused; and a file written at a path
/// the user chose is written with the user's own group, never the service's.
enum Privilege {
    /// Running with an effective group the real user does not belong to.
    static var isElevated: Bool {
        let egid = getegid()
        guard egid != getgid() else { return false }
        var groups = [gid_t](repeating: 0, count: Int(NGROUPS_MAX) + 1)
        let n = getgroups(Int32(groups.count), &groups)
        return n < 0 || !groups.prefix(Int(n)).contains(egid)
    }

    /// Variables kept when elevated: the terminal, language and time zone, and where the user's own files go.
    /// SSH_CLIENT names the terminal (its address) in the session and for its remembered colour theme.
    static let keptVariables: Set<String> = ["TERM", "COLORTERM", "LANG", "LANGUAGE", "TZ", "HOME", "USER", "LOGNAME",
                                             "COLUMNS", "LINES", "NO_COLOR", "XDG_STATE_HOME", "XDG_CONFIG_HOME",
                                             "SSH_CLIENT"]

    /// When elevated: every variable not kept is removed (library search paths, terminfo
    /// locations, SQLite's temporary directory, the Swift runtime's switches…), and PATH is fixed.
    static func sanitizeEnvironmentIfElevated() {
        guard isElevated else { return }
        for name in ProcessInfo.processInfo.environment.keys
        where !keptVariables.contains(name) && !name.hasPrefix("LC_") && !name.hasPrefix("WARDLINE_TEST_") {
            unsetenv(name)
        }
        setenv("PATH", "/usr/local/bin:/usr/bin:/bin", 1)
    }

    /// Refuses a command that is ward IT's (it handles the database file itself) when elevated.
    static func requireOperator(_ command: String) throws {
        guard isElevated else { return }
        throw fail(.notPermitted, "\(command) is for ward IT: run it as root or as a member of the ward's service group, not through the installed program")
    }

    /// Runs `body` with the effective group set back to the user's own, so a file at a
    /// path the user chose is created as theirs and the service group's files cannot be overwritten.
    static func asInvokingUser<T>(_ body: () throws -> T) throws -> T {
        guard isElevated else { return try body() }
        let service = getegid()
        guard setegid(getgid()) == 0 else { throw fail(.notPermitted, "cannot drop the service group to write a file: \(String(cString: strerror(errno)))") }
        defer { _ = setegid(service) }
        return try body()
    }
}
