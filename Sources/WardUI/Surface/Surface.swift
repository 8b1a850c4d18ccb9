import WardCore
/// One terminal cell: a grapheme, its width, and what it means.
public struct Cell: Sendable, Hashable {
    public var text: String
    /// 1 or 2 for a visible cell; 0 for the right half of a wide character.
    public var width: UInt8
    public var role: SemanticRole
    public var emphasis: Emphasis

    public init(text: String = " ", width: UInt8 = 1, role: SemanticRole = .text, emphasis: Emphasis = []) {
        self.text = text; self.width = width; self.role = role; self.emphasis = emphasis
    }
    public static let blank = Cell()

    /// One-character strings for the printable ASCII bytes, indexed by byte (the fast path of `Surface.put`).
    static let ascii: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
}

public struct Size: Sendable, Hashable, CustomStringConvertible {
    public var cols: Int
    public var rows: Int
    public init(cols: Int, rows: Int) { self.cols = cols; self.rows = rows }
    public var description: String { "\(cols)x\(rows)" }
}

public struct Rect: Sendable, Hashable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public func inset(_ d: Int) -> Rect { Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d) }
}

/// The whole screen as a grid of semantic cells. Screens draw into it; the
/// terminal backend paints it; tests snapshot it.
public struct Surface: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should sit (text fields), if visible.
    public var cursor: (x: Int, y: Int)? {
        get { cursorX.map { ($0, cursorY) } }
        set { cursorX = newValue?.x; cursorY = newValue?.y ?? 0 }
    }
    private var cursorX: Int?
    private var cursorY: Int = 0

    public init(size: Size) {
        width = max(0, size.cols); height = max(0, size.rows)
        cells = Array(repeating: .blank, count: width * height)
    }

    public var size: Size { Size(cols: width, rows: height) }
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The first `count` rows of `other` (same width) drawn over this surface's, with its cursor when it sits there.
    mutating func copyRows(of other: Surface, count: Int) {
        let n = max(0, min(count, other.height, height)) * min(width, other.width)
        guard other.width == width, n > 0 else { return }
        cells.replaceSubrange(0..<n, with: other.cells[0..<n])
        if let c = other.cursor, c.y < count { cursor = c }
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from (x, y), clipped at `maxWidth` columns (or the edge).
    /// Control characters are drawn as visible `?` so no stored string can
    /// act on the terminal. Returns the number of columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: SemanticRole = .text,
                             emphasis: Emphasis = [], maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, maxWidth.map { x + $0 } ?? width)
        var col = x
        if DisplayWidth.isPrintableASCII(text) {
            // Fast path (most text): one cell a byte, no grapheme breaking.
            let table = Cell.ascii
            for b in text.utf8 {
                if col + 1 > limit { break }
                if col >= 0 { cells[y * width + col] = Cell(text: table[Int(b)], width: 1, role: role, emphasis: emphasis) }
                col += 1
            }
            return col - x
        }
        if DisplayWidth.singleColumnScalars(text) != nil {
            // Every scalar is a one-column grapheme of its own: no grapheme breaking either.
            for u in text.unicodeScalars {
                if col + 1 > limit { break }
                if col >= 0 {
                    let glyph = u.value < 0x80 ? Cell.ascii[Int(u.value)] : String(Character(u))
                    cells[y * width + col] = Cell(text: glyph, width: 1, role: role, emphasis: emphasis)
                }
                col += 1
            }
            return col - x
        }
        for ch in text {
            var glyph = String(ch)
            var w: Int
            if let a = ch.asciiValue {
                // Fast path (most text is ASCII): printable is one column, a control is a visible '?'.
                w = 1
                if a < 0x20 || a == 0x7F { glyph = "?" }
            } else {
                w = DisplayWidth.of(ch)
                if ch.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }) {
                    glyph = "?"; w = 1
                }
            }
            if w == 0 { continue }
            if col + w > limit { break }
            if col >= 0 {
                self[col, y] = Cell(text: glyph, width: UInt8(w), role: role, emphasis: emphasis)
                if w == 2 { self[col + 1, y] = Cell(text: "", width: 0, role: role, emphasis: emphasis) }
            }
            col += w
        }
        return col - x
    }

    /// Fills a rectangle with blanks of `role`.
    public mutating func fill(_ r: Rect, role: SemanticRole, emphasis: Emphasis = []) {
        for y in max(0, r.y)..<min(height, r.maxY) {
            for x in max(0, r.x)..<min(width, r.maxX) {
                self[x, y] = Cell(text: " ", width: 1, role: role, emphasis: emphasis)
            }
        }
    }

    /// Sets the role of existing cells in a rectangle (e.g. a selection bar).
    public mutating func paint(_ r: Rect, role: SemanticRole, emphasis: Emphasis = []) {
        for y in max(0, r.y)..<min(height, r.maxY) {
            for x in max(0, r.x)..<min(width, r.maxX) {
                cells[y * width + x].role = role
                cells[y * width + x].emphasis = emphasis
            }
        }
    }

    /// The text of each row (wide characters once), trailing spaces kept.
    public func textLines() -> [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width where self[x, y].width > 0 { s += self[x, y].text }
            return s
        }
    }

    /// One role code per column, per row (`SemanticRole.code`).
    public func roleMap() -> [String] {
        (0..<height).map { y in String((0..<width).map { self[$0, y].role.code }) }
    }

    /// Text and role map together: the golden snapshot format.
    public func snapshot() -> String {
        let t = textLines().map { $0.replacingTrailingSpaces() }
        return "--- text \(width)x\(height)\n" + t.joined(separator: "\n") + "\n--- roles\n" + roleMap().joined(separator: "\n") + "\n"
    }

    public static func == (a: Surface, b: Surface) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursorX == b.cursorX && a.cursorY == b.cursorY
    }
    public func hash(into h: inout Hasher) { h.combine(width); h.combine(height); h.combine(cells) }
}

extension String {
    /// Trailing spaces made visible as nothing (snapshots store trimmed rows).
    func replacingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
