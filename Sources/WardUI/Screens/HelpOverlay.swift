import WardCore

/// Help: every key of the current screen, generated from the keymap.
enum HelpOverlay {
    static func draw(_ s: inout Surface, _ state: AppState) {
        // The keys of the screen beneath, then the help screen's own key for the colour theme.
        let themeKey = state.keymap.bindings(in: .help).first { $0.action == .nextTheme }
        let lines = state.keymap.helpLines(in: state.contextUnderHelp)
            + (themeKey.map { [($0.allKeysLabel, state.theme.helpLine)] } ?? [])
        let keyWidth = max(6, lines.map { Text.width($0.keys) }.max() ?? 0)
        let textWidth = lines.map { Text.width($0.help) }.max() ?? 0
        // The help hides the screen beneath, so nothing half-covered is misread.
        s.fill(Rect(x: 0, y: 1, width: s.width, height: max(0, s.height - 2)), role: .text)
        let r = Chrome.centered(s, width: min(s.width - 2, keyWidth + textWidth + 8), height: lines.count + 4)
        Chrome.box(&s, r, role: .text, ascii: state.asciiOnly, title: "Help — keys on this screen")
        for (i, l) in lines.enumerated() where r.y + 2 + i < r.maxY - 1 {
            s.put(Text.pad(l.keys, keyWidth), x: r.x + 2, y: r.y + 2 + i, role: .keyHint, emphasis: .bold)
            s.put(fit: l.help, x: r.x + 4 + keyWidth, y: r.y + 2 + i, width: r.width - keyWidth - 6, role: .text)
        }
    }
}
