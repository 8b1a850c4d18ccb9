import WardCore

/// The discharge question.
enum DischargeView {
    static func draw(_ s: inout Surface, _ state: AppState, _ d: DischargeState) {
        let r = Chrome.centered(s, width: min(s.width - 2, 100), height: d.summary.count + 6)
        Chrome.box(&s, r, role: .alertWarning, ascii: state.asciiOnly, title: "Discharge — summary of the taper so far")
        for (i, line) in d.summary.enumerated() where r.y + 1 + i < r.maxY - 3 {
            s.put(fit: line, x: r.x + 2, y: r.y + 1 + i, width: r.width - 4, role: .text)
        }
        s.put(fit: "Discharge now? The record stays readable. y: discharge   n: cancel", x: r.x + 2, y: r.maxY - 2,
              width: r.width - 4, role: .alertWarning, emphasis: .bold)
    }
}
