import WardCore

/// The SpO2-scale dialog.
enum SpO2ScaleView {
    static func draw(_ s: inout Surface, _ state: AppState, _ f: SpO2ScaleForm) {
        let name = state.ward?.patient(f.patientID).map { "\($0.name) (bed \($0.bed ?? "—"))" } ?? "this patient"
        let width = min(s.width - 2, 90)
        let r = Chrome.centered(s, width: width, height: 9)
        Chrome.box(&s, r, role: .text, ascii: state.asciiOnly, title: "NEWS2 SpO2 scale")
        let w = r.width - 4
        let what = f.toScale2 ? "Move \(name) to SpO2 scale 2 (a prescribed target of 88–92 %)."
                              : "Move \(name) back to SpO2 scale 1."
        s.put(fit: what, x: r.x + 2, y: r.y + 1, width: w, role: .alertWarning, emphasis: .bold)
        s.put(fit: f.fields.labels[0] + ":", x: r.x + 2, y: r.y + 3, width: w, role: .muted)
        s.fill(Rect(x: r.x + 2, y: r.y + 4, width: w, height: 1), role: .fieldActive)
        s.put(fit: f.fields.values[0] + "_", x: r.x + 2, y: r.y + 4, width: w, role: .fieldActive)
        if let m = f.message { s.put(fit: m.text, x: r.x + 2, y: r.y + 6, width: w, role: m.role, emphasis: .bold) }
        else { s.put(fit: f.saving ? "Saving…" : "Enter: save (audited)   Esc: cancel", x: r.x + 2, y: r.y + 6, width: w, role: .muted) }
    }
}
