import WardCore

enum CriticalBanner {
    /// The critical banner on the bottom lines, wrapped whole (up to three lines, the last cut with
    /// "…" only on a window too narrow for that): the legend and message lines give way to it.
    static func draw(_ s: inout Surface, _ b: Flash) {
        let lines = Text.wrap(b.text, width: s.width - 2)
        var shown = Array(lines.prefix(3))
        if lines.count > shown.count { shown[shown.count - 1] = Text.fit(shown[shown.count - 1] + " …", s.width - 2) }
        let top = s.height - shown.count
        for (i, line) in shown.enumerated() {
            s.fill(Rect(x: 0, y: top + i, width: s.width, height: 1), role: .alertCritical, emphasis: [.bold, .reverse])
            s.put(fit: " " + line, x: 0, y: top + i, width: s.width, role: .alertCritical, emphasis: [.bold, .reverse])
        }
    }
}
