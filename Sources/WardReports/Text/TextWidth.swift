import WardCore

/// Column width of text in a fixed-pitch printout, measured like the screen
/// measures it (`DisplayWidth`), plus padding and truncation for columns.
enum TextWidth {
    static func of(_ scalar: Unicode.Scalar) -> Int { DisplayWidth.of(scalar) }
    static func of(_ c: Character) -> Int { DisplayWidth.of(c) }
    static func of(_ s: some StringProtocol) -> Int { DisplayWidth.of(s) }

    /// Pads with spaces to exactly `width` columns (truncating with "…" if longer).
    static func pad(_ s: String, to width: Int) -> String {
        let w = of(s)
        if w <= width { return s + String(repeating: " ", count: width - w) }
        return truncate(s, to: width)
    }

    /// At most `width` columns; ends in "…" when cut.
    static func truncate(_ s: String, to width: Int) -> String {
        guard of(s) > width else { return s }
        guard width > 0 else { return "" }
        var out = "", used = 0
        for c in s {
            let cw = of(c)
            if used + cw > width - 1 { break }
            out.append(c); used += cw
        }
        return out + "…" + String(repeating: " ", count: Swift.max(0, width - 1 - used))
    }

    /// Word-wraps to lines of at most `width` columns; a word longer than a
    /// line is broken by columns (CJK text has no spaces and breaks anywhere).
    /// Continuation lines start with `indent` spaces.
    static func wrap(_ text: String, width: Int, indent: Int = 0) -> [String] {
        precondition(width > indent + 1, "wrap width must exceed the indent")
        var lines: [String] = []
        var line = "", used = 0, hasContent = false
        let pad = String(repeating: " ", count: indent)
        func newLine() { lines.append(line); line = pad; used = indent; hasContent = false }
        for word in text.split(separator: " ") {
            let ww = of(word)
            if used + ww + (hasContent ? 1 : 0) <= width {
                if hasContent { line += " "; used += 1 }
                line += word; used += ww; hasContent = true
                continue
            }
            if hasContent { newLine() }
            if used + ww <= width {
                line += word; used += ww; hasContent = true
                continue
            }
            for c in word {                                  // break a too-long word by columns
                let cw = of(c)
                if used + cw > width, hasContent { newLine() }
                line.append(c); used += cw; hasContent = true
            }
        }
        if hasContent || lines.isEmpty { lines.append(line) }
        return lines
    }
}
