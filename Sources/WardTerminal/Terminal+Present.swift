import CNcursesw
import Glibc
import WardUI

extension Terminal {
    /// Paints `surface`: only the cells that changed since the last frame
    /// (everything after a resize or a size change), resolving each cell's
    /// role and emphasis through the theme. Then shows the cursor at
    /// `surface.cursor`, or hides it.
    public func present(_ surface: Surface) {
        guard !isStopped, let w = shim_stdscr() else { return }
        let full = previous == nil || previous!.size != surface.size
        if full {
            werase(w)
            clearok(w, true)
        }
        let rows = min(surface.height, size.rows), cols = min(surface.width, size.cols)
        var painted = 0
        for y in 0..<rows {
            for x in 0..<cols {
                let cell = surface[x, y]
                if !full, let p = previous, p[x, y] == cell { continue }
                painted += 1
                if cell.width == 0 {
                    // Right half of a wide character: painted with its left
                    // half, unless that left half is missing (then a blank).
                    if x == 0 || surface[x - 1, y].width != 2 { draw(Cell(text: " ", role: cell.role, emphasis: cell.emphasis), x, y, w) }
                    continue
                }
                if cell.width == 2 && x + 1 >= cols {
                    draw(Cell(text: " ", role: cell.role, emphasis: cell.emphasis), x, y, w)
                    continue
                }
                draw(cell, x, y, w)
            }
        }
        previous = surface
        cellsPaintedLastFrame = painted
        placeCursor(surface.cursor, rows: rows, cols: cols, w)
        wnoutrefresh(w)
        doupdate()
    }

    /// Forgets the last frame, so the next `present` repaints everything.
    public func invalidate() { previous = nil }

    private func placeCursor(_ c: (x: Int, y: Int)?, rows: Int, cols: Int, _ w: UnsafeMutablePointer<WINDOW>) {
        if let c, c.x >= 0, c.y >= 0, c.x < cols, c.y < rows {
            if cursorShown != true { curs_set(1); cursorShown = true }
            wmove(w, Int32(c.y), Int32(c.x))
        } else if cursorShown != false {
            curs_set(0); cursorShown = false
        }
    }

    private func draw(_ cell: Cell, _ x: Int, _ y: Int, _ w: UnsafeMutablePointer<WINDOW>) {
        let (attrs, pair) = resolve(cell)
        let scalars = Array(cell.text.unicodeScalars)
        guard let first = scalars.first else {
            put([0x20], attrs, pair, x, y, w); return
        }
        if let box = BoxDrawing.ascii(for: first) {
            if unicode, let wacs = shim_wacs_for(first.value) {
                shim_put_wacs(w, Int32(y), Int32(x), wacs, attrs, pair)
            } else {
                put([wchar_t(box.value)], attrs, pair, x, y, w)
            }
            return
        }
        if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) {
            put([wchar_t(UInt8(ascii: "?"))], attrs, pair, x, y, w); return
        }
        if !unicode && !first.isASCII {
            put([wchar_t(UInt8(ascii: "?"))], attrs, pair, x, y, w)
            if cell.width == 2 { put([wchar_t(UInt8(ascii: "?"))], attrs, pair, x + 1, y, w) }
            return
        }
        // One spacing character plus up to CCHARW_MAX-1 combining marks.
        let limit = Int(CCHARW_MAX)
        put(scalars.prefix(limit).map { wchar_t(bitPattern: $0.value) }, attrs, pair, x, y, w)
        // The Surface reserved two columns but the C library thinks the
        // character is narrow (e.g. an emoji with a variation selector):
        // blank the second column so nothing stale shows there.
        if cell.width == 2, shim_wcwidth(first.value) < 2 {
            put([wchar_t(UInt8(ascii: " "))], attrs, pair, x + 1, y, w)
        }
    }

    private func put(_ chars: [wchar_t], _ attrs: attr_t, _ pair: Int32, _ x: Int, _ y: Int, _ w: UnsafeMutablePointer<WINDOW>) {
        var z = chars
        z.append(0)
        _ = z.withUnsafeBufferPointer { shim_put_cell(w, Int32(y), Int32(x), $0.baseAddress, attrs, pair) }
    }

    /// The ncurses attributes and colour pair for a cell.
    func resolve(_ cell: Cell) -> (attr_t, Int32) {
        let style = theme.style(for: cell.role, profile: profile)
        let a = style.attrs.union(TextAttributes(cell.emphasis))
        var attrs: attr_t = shim_a_normal()
        if a.contains(.bold) { attrs |= shim_a_bold() }
        if a.contains(.underline) { attrs |= shim_a_underline() }
        if a.contains(.reverse) { attrs |= shim_a_reverse() }
        if a.contains(.dim) { attrs |= shim_a_dim() }
        guard profile != .mono, theme.monochromeOnly == false else { return (attrs, 0) }
        var fg = Int32(style.fg.number), bg = Int32(style.bg.number)
        if colorCount < 16 {
            if fg >= 8 && fg < 16 { fg -= 8; attrs |= shim_a_bold() }
            if bg >= 8 && bg < 16 { bg -= 8 }
        }
        if fg >= Int32(colorCount) { fg = -1 }
        if bg >= Int32(colorCount) { bg = -1 }
        if !defaultColors {
            if fg < 0 { fg = Int32(COLOR_WHITE) }
            if bg < 0 { bg = Int32(COLOR_BLACK) }
        }
        if fg == -1 && bg == -1 { return (attrs, 0) }
        let key = PairKey(fg: fg, bg: bg)
        if let p = pairs[key] { return (attrs, p) }
        let p = alloc_pair(fg, bg)
        let pair = p < 0 ? 0 : p
        pairs[key] = pair
        return (attrs, pair)
    }
}

/// Box-drawing characters the backend draws as line graphics, with their
/// ASCII stand-ins for a terminal without UTF-8.
enum BoxDrawing {
    static func ascii(for s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s.value {
        case 0x2500, 0x2501, 0x2550: "-"
        case 0x2502, 0x2503, 0x2551: "|"
        case 0x250C, 0x2510, 0x2514, 0x2518, 0x251C, 0x2524, 0x252C, 0x2534, 0x253C,
             0x250F, 0x2513, 0x2517, 0x251B, 0x2523, 0x252B, 0x2533, 0x253B, 0x254B,
             0x2554, 0x2557, 0x255A, 0x255D, 0x2560, 0x2563, 0x2566, 0x2569, 0x256C: "+"
        default: nil
        }
    }
}
