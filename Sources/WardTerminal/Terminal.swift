import CNcursesw
import WardUI

/// Placeholder: the ncurses backend. Built out by the foundation work.
public enum TerminalBootstrap {
    public static var ncursesVersion: String { String(cString: curses_version()) }
}
