import WardCore

/// The list to choose from.
enum PickerView {
    static func draw(_ s: inout Surface, _ state: AppState, _ p: PickerState) {
        let title: String
        switch p.purpose {
        case .assignNurse(let bed): title = "Assign a nurse to bed \(bed) for this shift"
        case .transfer(_, let from): title = "Move the patient in bed \(from) to"
        case .sendToWard(_, let name): title = "Send \(name) with the record to"
        case .admitInto(let bed): title = "Bed \(bed): admit a new patient, or one waiting or sent here"
        }
        let visible = min(p.choices.count, max(3, s.height - 10))
        let widest = p.choices.map { Text.width($0.label) }.max() ?? 0
        let r = Chrome.centered(s, width: min(s.width - 2, max(44, Text.width(title) + 8, widest + 6)), height: visible + 4)
        Chrome.box(&s, r, role: .text, ascii: state.asciiOnly, title: title)
        let first = max(0, min(p.selected - visible / 2, p.choices.count - visible))
        for (i, c) in p.choices.enumerated().dropFirst(first).prefix(visible) {
            let y = r.y + 1 + i - first
            let sel = i == p.selected
            if sel { s.fill(Rect(x: r.x + 1, y: y, width: r.width - 2, height: 1), role: .selection) }
            s.put(fit: (sel ? "▶ " : "  ") + c.label, x: r.x + 2, y: y, width: r.width - 4, role: sel ? .selection : .text)
        }
        s.put(fit: "Enter: choose   Esc: cancel", x: r.x + 2, y: r.maxY - 2, width: r.width - 4, role: .muted)
    }
}
