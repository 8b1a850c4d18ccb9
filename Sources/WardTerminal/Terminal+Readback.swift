import CNcursesw
import Glibc
import WardUI

/// One cell as ncurses holds it (read back for tests and `--dump-screen`).
public struct ScreenCell: Sendable, Hashable {
    /// The cell's first character.
    public var character: Character
    public var attributes: TextAttributes
    /// ncurses' alternate character set flag (set for ACS line drawing).
    public var altCharset: Bool
    /// The colour pair, and its foreground and background (-1 = default).
    public var pair: Int
    public var fg: Int
    public var bg: Int
}

extension Terminal {
    /// The text of row `y` as ncurses holds it (wide characters once).
    public func rowText(_ y: Int) -> String {
        let cols = size.cols
        var buf = [wchar_t](repeating: 0, count: cols + 1)
        let n = mvwinnwstr(shim_stdscr(), Int32(y), 0, &buf, Int32(cols))
        guard n != ERR else { return "" }
        var s = ""
        for c in buf.prefix(while: { $0 != 0 }) {
            if let u = Unicode.Scalar(UInt32(bitPattern: c)) { s.unicodeScalars.append(u) }
        }
        return s
    }

    /// Every row of the virtual screen.
    public func dumpScreen() -> [String] { (0..<size.rows).map(rowText) }

    /// One cell's character, attributes and colours.
    public func cell(x: Int, y: Int) -> ScreenCell? {
        var ch: UInt32 = 0
        var attrs: attr_t = 0
        var pair: Int32 = 0
        guard shim_cell(shim_stdscr(), Int32(y), Int32(x), &ch, &attrs, &pair) == OK else { return nil }
        var a: TextAttributes = []
        if attrs & shim_a_bold() != 0 { a.insert(.bold) }
        if attrs & shim_a_underline() != 0 { a.insert(.underline) }
        if attrs & shim_a_reverse() != 0 { a.insert(.reverse) }
        if attrs & shim_a_dim() != 0 { a.insert(.dim) }
        var fg: Int32 = -1, bg: Int32 = -1
        if pair != 0 { extended_pair_content(pair, &fg, &bg) }
        return ScreenCell(character: Character(Unicode.Scalar(ch) ?? "?"), attributes: a,
                          altCharset: attrs & shim_a_altcharset() != 0,
                          pair: Int(pair), fg: Int(fg), bg: Int(bg))
    }
}
