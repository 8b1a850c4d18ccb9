/// Makes user-entered text safe to print: no control character or escape
/// sequence reaches a terminal, printer or PDF. Controls become visible
/// caret notation (plain ASCII, in every font), so a name like
/// "\u{1B}]2;pwned\u{07}" prints as "^[]2;pwned^G" and a nurse can see
/// something odd was typed.
public enum PrintSafe {
    public static func text(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            let v = u.value
            switch v {
            case 0x09: out.append(" ")                                        // tab → one space
            case 0x00..<0x20:                                                  // C0 → caret notation (ESC → ^[)
                out.append("^"); out.append(Unicode.Scalar(0x40 + v)!)
            case 0x7F: out.append("^"); out.append("?")                        // DEL → ^?
            case 0x80..<0xA0: out.append("\u{FFFD}")                           // C1 (incl. 8-bit CSI) → �
            case 0x2028, 0x2029: out.append(" ")                               // line/paragraph separators
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:    // bidi overrides reorder print
                out.append("\u{FFFD}")
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// Free text that may span lines: each line made safe, empty lines dropped.
    public static func lines(_ s: String) -> [String] {
        s.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            .map { text(String($0)) }
            .filter { !$0.allSatisfy(\.isWhitespace) }
    }
}
