import WardCore

/// Help: every key of the current screen, generated from the keymap. Sentences wrap, never cut;
/// when the help is longer than the window it scrolls (↑↓ PgUp PgDn) and says there is more.
enum HelpOverlay {
    /// One row of the help: the keys (on an entry's first row only) and a piece of its sentence.
    struct Row: Equatable { var keys: String; var text: String }

    static func layout(_ state: AppState) -> (rows: [Row], keyWidth: Int, box: Rect, visible: Int) {
        // The keys of the screen beneath, then the help screen's own key for the colour theme.
        let themeKey = state.keymap.bindings(in: .help).first { $0.action == .nextTheme }
        let lines = state.keymap.helpLines(in: state.contextUnderHelp)
            + (themeKey.map { [($0.allKeysLabel, state.theme.helpLine)] } ?? [])
        let keyWidth = max(6, lines.map { Text.width($0.keys) }.max() ?? 0)
        let textWidth = lines.map { Text.width($0.help) }.max() ?? 0
        let width = min(state.size.cols - 2, keyWidth + textWidth + 8)
        let wrapWidth = max(10, width - keyWidth - 6)
        var rows: [Row] = []
        for l in lines {
            for (i, piece) in Text.wrap(l.help, width: wrapWidth).enumerated() {
                rows.append(Row(keys: i == 0 ? l.keys : "", text: piece))
            }
        }
        let maxHeight = max(5, state.size.rows - 2)
        let height = min(maxHeight, rows.count + 4)
        let (cols, lines2) = (state.size.cols, state.size.rows)
        let w = min(width, cols), h = min(height, lines2 - 2)
        let box = Rect(x: (cols - w) / 2, y: max(1, (lines2 - 2 - h) / 2), width: w, height: h)
        return (rows, keyWidth, box, max(1, h - 4))
    }

    static func page(_ state: AppState) -> Int { max(1, layout(state).visible - 1) }
    static func maxScroll(_ state: AppState) -> Int { let l = layout(state); return max(0, l.rows.count - l.visible) }

    static func draw(_ s: inout Surface, _ state: AppState) {
        let (rows, keyWidth, r, visible) = layout(state)
        let first = min(state.helpScroll, max(0, rows.count - visible))
        // The help hides the screen beneath, so nothing half-covered is misread.
        s.fill(Rect(x: 0, y: 1, width: s.width, height: max(0, s.height - 2)), role: .text)
        Chrome.box(&s, r, role: .text, ascii: state.asciiOnly, title: "Help — keys on this screen")
        for (i, row) in rows.dropFirst(first).prefix(visible).enumerated() {
            s.put(Text.pad(row.keys, keyWidth), x: r.x + 2, y: r.y + 2 + i, role: .keyHint, emphasis: .bold)
            s.put(fit: row.text, x: r.x + 4 + keyWidth, y: r.y + 2 + i, width: r.width - keyWidth - 6, role: .text)
        }
        if rows.count > visible {
            let more = (first > 0 ? "↑ " : "") + "\(first + 1)–\(first + min(visible, rows.count - first)) of \(rows.count)"
                + (first + visible < rows.count ? " ↓ more" : "")
            s.put(fit: " \(more) ", x: r.x + 2, y: r.maxY - 1, width: r.width - 4, role: .keyHint, emphasis: .bold)
        }
    }
}
