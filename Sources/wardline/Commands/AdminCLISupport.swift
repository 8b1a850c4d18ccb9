import ArgumentParser
import Foundation
import WardCore
import WardStore

// Shared pieces of the ward-IT subcommands (init, staff, audit).

/// The shared-terminal security settings: the protocol's `[security]` section.
func securityPolicy(from ward: WardProtocol) -> SecurityPolicy { ward.security }

/// `--db PATH`, defaulting to the XDG data directory.
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The ward database: an SQLite file, or postgresql://USER@HOST[:PORT][,HOST2…]/DB?ward=CODE (password from the pgpass file).",
                                            valueName: "PATH|URL"))
    var db: String?

    var path: String {
        db ?? StorePaths.defaultDatabasePath(environment: ProcessInfo.processInfo.environment)
    }
}

/// Who is signing in for an admin command: `--as ID`, else prompted.
struct AdminSignInOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp("Your staff ID (prompted when omitted on a terminal).", valueName: "ID"))
    var staffID: String?
}

/// The name of this terminal for the audit trail.
func terminalName() -> String {
    var name = "no-tty"
    if let t = ttyname(0) { name = String(cString: t) }
    if let ssh = ProcessInfo.processInfo.environment["SSH_CLIENT"]?.split(separator: " ").first {
        name += " ssh:\(ssh)"
    }
    return "cli " + InputText.visible(name)
}

/// Reading IDs and secrets from a person (terminal) or a script (stdin lines).
enum Console {
    static var isInteractive: Bool { isatty(0) == 1 }

    static func say(_ text: String) { writeStderr(text) }

    /// A visible line: prompted on a terminal, else the next stdin line.
    static func line(_ prompt: String) -> String? {
        if isInteractive { say(prompt) }
        return readLine(strippingNewline: true)
    }

    /// A secret: echo off on a terminal (restored even on Ctrl-C), else the next stdin line.
    static func secret(_ prompt: String) -> String? {
        guard isInteractive else { return readLine(strippingNewline: true) }
        say(prompt)
        var t = termios()
        guard tcgetattr(0, &t) == 0 else { return readLine(strippingNewline: true) }
        savedTermios = t
        signal(SIGINT) { _ in
            if var saved = savedTermios { tcsetattr(0, TCSANOW, &saved) }
            _exit(ExitStatus.signal(SIGINT).code)   // 130
        }
        var silent = t
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(0, TCSAFLUSH, &silent)
        let value = readLine(strippingNewline: true)
        tcsetattr(0, TCSANOW, &t)
        signal(SIGINT, SIG_DFL)
        savedTermios = nil
        say("\n")
        return value
    }

    /// A new secret: typed twice on a terminal.
    static func newSecret(_ prompt: String) throws -> String {
        guard let first = secret(prompt) else { throw fail(.usage, "no PIN given (stdin ended)") }
        if isInteractive {
            guard let again = secret("Type it again: "), again == first else {
                throw fail(.refused, "the two PINs differ; nothing was changed")
            }
        }
        return first
    }
}

nonisolated(unsafe) private var savedTermios: termios?

/// Opens the existing ward database and signs in a staff member who may do `action`.
func openAndSignIn(_ db: DatabaseOption, _ who: AdminSignInOptions, for action: StaffAction) throws -> (Store, Session, WardProtocol) {
    let store: Store
    do { store = try Store.open(path: db.path, create: false) } catch { throw error.cliFailure }
    let ward = try ProtocolFile.inForce(store: store, override: nil)
    let policy = securityPolicy(from: ward)
    var id = who.staffID
    if id == nil {
        guard Console.isInteractive else {
            throw fail(.usage, "give your staff ID with --as ID when stdin is not a terminal (the PIN is read from stdin)")
        }
        id = Console.line("Staff ID: ")
    }
    guard let staffID = id, !staffID.isEmpty else { throw fail(.usage, "no staff ID given") }
    guard let pin = Console.secret("PIN for \(InputText.visible(staffID)): ") else { throw fail(.usage, "no PIN given (stdin ended)") }
    let member: StaffMember
    do { member = try store.signIn(staffID: staffID, secret: pin, terminal: terminalName(), policy: policy) }
    catch { throw error.cliFailure }
    guard member.role.may(action) else {
        throw fail(.notPermitted, StaffRole.refusalText(action, role: member.role))
    }
    return (store, Session(staff: member, terminal: terminalName()), ward)
}
