import WardCore

/// The admission form: one field per line.
enum AdmitView {
    /// How the substance list reads so far: the entries and the admission
    /// diazepam equivalent through the table in force (range across tables),
    /// or the first problem.
    static func preview(_ text: String, _ state: AppState) -> (text: String, ok: Bool)? {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        switch SubstanceListParser.parse(text) {
        case .failure(let e): return (e.description, false)
        case .success(let list):
            var line = "Reads as: " + list.map(\.summary).joined(separator: "; ")
            let probe = Patient(id: 0, mrn: "", name: "", dateOfBirth: CalendarDate(year: 2000, month: 1, day: 1)!, sex: .unknown,
                                admittedAt: state.now, bed: nil, substances: list)
            if let r = state.wardProtocol.reconcile(probe, orders: [], calendar: state.calendar) {
                let range = r.lowMg != r.highMg ? " (\(DoseText.mg(r.lowMg))–\(DoseText.mg(r.highMg)) across tables)" : ""
                line = "≈ \(DoseText.mg(r.admissionMg)) mg diazepam/day\(range) · " + line
            }
            return (line, true)
        }
    }

    static func draw(_ s: inout Surface, _ state: AppState, _ f: AdmitForm) {
        Chrome.titleBar(&s, state, subtitle: f.completing == nil ? "Admit a patient to bed \(f.fields.values[4])"
                                                                   : "Complete the PAS's admission (bed \(f.fields.values[4].isEmpty ? "none yet" : f.fields.values[4]))")
        let labelW = 30
        let compact = s.height < 2 + f.fields.labels.count * 2 + 3
        var y = 2
        for (i, label) in f.fields.labels.enumerated() {
            let active = i == f.fields.field
            s.put(Text.pad(label, labelW), x: 1, y: y, role: active ? .text : .muted, emphasis: active ? .bold : [])
            let vx = labelW + 2, vw = s.width - vx - 2
            s.fill(Rect(x: vx, y: y, width: vw, height: 1), role: active ? .fieldActive : .text)
            // A long entry (the substance list) shows its end while typing.
            let value = f.fields.values[i] + (active ? "_" : "")
            let shown = active && Text.width(value) > vw ? "…" + String(value.suffix(max(1, vw - 1))) : value
            s.put(fit: shown, x: vx, y: y, width: vw, role: active ? .fieldActive : .text)
            y += compact ? 1 : 2
        }
        let help = ["e.g. alprazolam 4 mg/d 3 y last 2026-12-03 rx; alcohol 1 bottle wine/d 10 y",
                    "source pt|rx|screen · flag codes: \(AdmissionFlag.codes)"]
        for (i, line) in help.enumerated() where y + i < s.height - 3 {
            s.put(fit: line, x: 1, y: y + i, width: s.width - 2, role: .muted)
        }
        y += help.count
        if y < s.height - 4, let line = preview(f.fields.values[5], state) {
            for l in Text.wrap(line.text, width: s.width - 2, maxLines: max(1, s.height - 4 - y)) {
                s.put(fit: l, x: 1, y: y, width: s.width - 2, role: line.ok ? .text : .alertWarning)
                y += 1
            }
        }
        s.put(fit: f.saving ? (f.completing == nil ? "Admitting…" : "Saving…")
                                : "Enter: next field (on the last: \(f.completing == nil ? "admit" : "save"))   Tab/Shift-Tab: move   Esc: cancel",
              x: 1, y: min(s.height - 3, y), width: s.width - 2, role: .muted)
    }
}
