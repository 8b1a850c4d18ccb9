/// Named keys the app understands.
public enum Key: String, Sendable, Hashable, Codable {
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete
    case f1, f2, f3, f4, f5, f6, f7, f8, f9, f10
}

/// Input from the terminal, independent of ncurses.
public enum InputEvent: Sendable, Hashable {
    case char(Character)
    case key(Key)
    /// A control chord, e.g. `.ctrl("l")` for Ctrl-L.
    case ctrl(Character)
    case resize(Size)
    /// The terminal went away (EOF / hang-up): the app must exit.
    case inputClosed
}
