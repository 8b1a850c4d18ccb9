/// Why the terminal could not be opened. Each message is one line that
/// says what to do.
public enum TerminalError: Error, Sendable, Hashable, CustomStringConvertible {
    case termNotSet
    case unknownTerminal(String)
    case noCursorAddressing(String)
    case cannotOpen(String)

    public var description: String {
        switch self {
        case .termNotSet:
            "TERM is not set, so the terminal type is unknown; run wardline in a terminal (for example with TERM=xterm-256color)"
        case .unknownTerminal(let t):
            "unknown terminal type '\(t)' (no terminfo entry); set TERM to your terminal, for example TERM=xterm-256color"
        case .noCursorAddressing(let t):
            "terminal type '\(t)' cannot move the cursor, so a full-screen program cannot run; set TERM to your terminal, for example TERM=xterm-256color"
        case .cannotOpen(let why):
            "cannot open the terminal: \(why)"
        }
    }
}
