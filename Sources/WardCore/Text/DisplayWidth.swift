/// Terminal column width of text, without ncurses (wcwidth-compatible for
/// the scripts a ward will meet: Latin, Greek, Cyrillic, CJK, emoji).
public enum DisplayWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        let p = scalar.properties
        switch p.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B { return 0 }
        if (0x1160...0x11FF).contains(v) { return 0 }  // Hangul medial vowels
        if isWide(v) { return 2 }
        return 1
    }

    public static func of(_ c: Character) -> Int {
        if let a = c.asciiValue { return a < 0x20 || a == 0x7F ? 0 : 1 }
        var w = 0
        for (n, s) in c.unicodeScalars.enumerated() {
            if n == 0 { w = of(s) } else if s.value == 0xFE0F, w == 1 { w = 2 }
        }
        return w
    }

    public static func of(_ s: some StringProtocol) -> Int { s.reduce(0) { $0 + of($1) } }

    /// Fast path for the common case: ASCII is one column a byte (controls none), no grapheme breaking.
    public static func of(_ s: String) -> Int {
        var n = 0
        for b in s.utf8 {
            if b >= 0x80 { return singleColumnScalars(s) ?? s.reduce(0) { $0 + of($1) } }
            if b >= 0x20, b != 0x7F { n += 1 }
        }
        return n
    }

    /// True when every byte is printable ASCII: one column per byte, nothing to replace.
    public static func isPrintableASCII(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// True for a scalar that is always a grapheme of its own and one column
    /// wide: printable ASCII and Latin, general punctuation, arrows, box
    /// drawing, blocks and geometric shapes — the characters screens draw.
    /// (Nothing here is a control, a mark, a format character or wide.)
    @inline(__always)
    public static func isSingleColumn(_ v: UInt32) -> Bool {
        switch v {
        case 0x20..<0x7F, 0xA0..<0xAD, 0xAE..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x21FF, 0x2500...0x25FC:
            return true
        default:
            return false
        }
    }

    /// The column count when every scalar of `s` is single-column (so each
    /// scalar is one cell); nil when some scalar needs the full rules.
    public static func singleColumnScalars(_ s: String) -> Int? {
        var n = 0
        for u in s.unicodeScalars {
            guard isSingleColumn(u.value) else { return nil }
            n += 1
        }
        return n
    }

    public static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
             0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
             0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF,
             0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
