import WardCore

/// The frame of a one-screen bedside form: title bar, the patient banner, a
/// header line that says what the form records, and labelled field rows.
enum FormScaffold {
    /// Draws title, banner and header; returns the first row for fields.
    static func top(_ s: inout Surface, _ state: AppState, subtitle: String, patientID: PatientID, header: String) -> Int {
        Chrome.titleBar(&s, state, subtitle: subtitle)
        var y = 1
        if let p = state.ward?.patient(patientID) {
            PatientBanner.draw(&s, y: 1, patient: p, state: state, compact: true)
            y += PatientBanner.rows(for: s.size, patient: p, state: state, compact: true)
        }
        s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .header)
        s.put(fit: header, x: 1, y: y, width: s.width - 2, role: .header, emphasis: .bold)
        return y + 2
    }

    /// One field: "▶ Label           value", the active one highlighted.
    static func row(_ s: inout Surface, y: inout Int, _ label: String, _ value: String, active: Bool) {
        if active { s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .fieldActive) }
        var x = s.put(active ? "▶ " : "  ", x: 0, y: y, role: active ? .fieldActive : .text, emphasis: .bold)
        x += s.put(Text.pad(label, 16), x: x, y: y, role: active ? .fieldActive : .text, emphasis: active ? .bold : [])
        s.put(fit: value, x: x, y: y, width: max(0, s.width - x - 1), role: active ? .fieldActive : .fieldDone, emphasis: .bold)
        y += 1
    }
}
