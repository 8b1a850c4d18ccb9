import WardCore
/// Text fitting for cells: what `Surface.put` will draw, measured the same way.
enum Text {
    /// Control characters as the visible `?` that `Surface.put` draws.
    static func visible(_ s: String) -> String {
        if DisplayWidth.isPrintableASCII(s) || DisplayWidth.singleColumnScalars(s) != nil { return s }
        return String(s.map { ch in
            ch.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) } ? "?" : ch
        })
    }

    static func width(_ s: String) -> Int { DisplayWidth.of(visible(s)) }

    /// Cut to `width` columns, ending in "…" when something was cut.
    static func fit(_ s: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.isPrintableASCII(s) {
            // One column a byte: cut by bytes, no grapheme breaking.
            return s.utf8.count <= width ? s : String(decoding: s.utf8.prefix(width - 1), as: UTF8.self) + "…"
        }
        if let n = DisplayWidth.singleColumnScalars(s) {
            // One column a scalar: cut by scalars.
            if n <= width { return s }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: s.unicodeScalars.prefix(width - 1))
            return String(out) + "…"
        }
        let v = visible(s)
        if DisplayWidth.of(v) <= width { return v }
        var out = "", w = 0
        for ch in v {
            let cw = DisplayWidth.of(ch)
            if w + cw > width - 1 { break }
            out.append(ch); w += cw
        }
        return out + "…"
    }

    /// Words wrapped to `width` columns (a word wider than that stands alone).
    /// With `maxLines`, the last line carries the rest, cut with "…".
    static func wrap(_ text: String, width: Int, maxLines: Int? = nil) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            let w = String(word)
            if line.isEmpty { line = w }
            else if Text.width(line) + 1 + Text.width(w) <= width { line += " " + w }
            else { lines.append(line); line = w }
        }
        if !line.isEmpty { lines.append(line) }
        guard let maxLines, maxLines > 0, lines.count > maxLines else { return lines }
        return Array(lines.prefix(maxLines - 1)) + [fit(lines[(maxLines - 1)...].joined(separator: " "), width)]
    }

    /// Fit and pad on the right to exactly `width` columns.
    static func pad(_ s: String, _ width: Int) -> String {
        let f = fit(s, width)
        return f + String(repeating: " ", count: max(0, width - DisplayWidth.of(f)))
    }

    /// Fit and pad on the left (numbers).
    static func right(_ s: String, _ width: Int) -> String {
        let f = fit(s, width)
        return String(repeating: " ", count: max(0, width - DisplayWidth.of(f))) + f
    }
}

extension Surface {
    /// Writes `text` fitted into `width` columns; returns columns used.
    @discardableResult
    mutating func put(fit text: String, x: Int, y: Int, width: Int, role: SemanticRole = .text,
                      emphasis: Emphasis = []) -> Int {
        put(Text.fit(text, width), x: x, y: y, role: role, emphasis: emphasis, maxWidth: width)
    }

    /// Text centred in a row of a rectangle.
    mutating func put(centered text: String, in r: Rect, y: Int, role: SemanticRole = .text, emphasis: Emphasis = []) {
        let t = Text.fit(text, r.width)
        put(t, x: r.x + max(0, (r.width - DisplayWidth.of(t)) / 2), y: y, role: role, emphasis: emphasis, maxWidth: r.width)
    }
}
