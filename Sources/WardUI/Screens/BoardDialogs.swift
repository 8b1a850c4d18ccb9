import WardCore

/// The modal boxes of the ward board: acknowledge/escalate, pickers, discharge; and the critical banner.
enum BoardDialogs {
    static func draw(_ s: inout Surface, _ state: AppState, above base: Int) {
        for screen in state.stack[(base + 1)...] {
            switch screen {
            case .alertAction(let f): alertAction(&s, state, f)
            case .picker(let p): picker(&s, state, p)
            case .discharge(let d): discharge(&s, state, d)
            case .spo2Scale(let f): spo2Scale(&s, state, f)
            default: break
            }
        }
    }

    /// The critical banner on the bottom lines, wrapped whole (up to three lines, the last cut with
    /// "…" only on a window too narrow for that): the legend and message lines give way to it.
    static func banner(_ s: inout Surface, _ b: Flash) {
        let lines = Text.wrap(b.text, width: s.width - 2)
        var shown = Array(lines.prefix(3))
        if lines.count > shown.count { shown[shown.count - 1] = Text.fit(shown[shown.count - 1] + " …", s.width - 2) }
        let top = s.height - shown.count
        for (i, line) in shown.enumerated() {
            s.fill(Rect(x: 0, y: top + i, width: s.width, height: 1), role: .alertCritical, emphasis: [.bold, .reverse])
            s.put(fit: " " + line, x: 0, y: top + i, width: s.width, role: .alertCritical, emphasis: [.bold, .reverse])
        }
    }

    static func alertAction(_ s: inout Surface, _ state: AppState, _ f: AlertActionForm) {
        let a = f.alert
        let width = min(s.width - 2, 90)
        // The escalation text whole when the screen has room; otherwise cut with a visible "…".
        let all = Text.wrap("Calls for: " + a.escalation, width: width - 4)
        let room = max(1, s.height - 2 - (7 + f.fields.labels.count * 2))
        var calls = Array(all.prefix(room))
        if all.count > room { calls[calls.count - 1] = Text.fit(calls[calls.count - 1] + " …", width - 4) }
        let r = Chrome.centered(s, width: width, height: 7 + calls.count + f.fields.labels.count * 2)
        let title = f.mode == .acknowledge ? "Acknowledge alert" : "Escalate alert"
        let role: SemanticRole = a.severity == .critical ? .alertCritical : .alertWarning
        Chrome.box(&s, r, role: .text, ascii: state.asciiOnly, title: title)
        let w = r.width - 4
        var y = r.y + 1
        s.put(fit: "\(a.severity.word) · bed \(a.bed ?? "—") · \(a.patientName) · since \(Format.clock(a.since, state.calendar))",
              x: r.x + 2, y: y, width: w, role: role, emphasis: .bold); y += 1
        s.put(fit: a.message, x: r.x + 2, y: y, width: w, role: role); y += 1
        for line in calls { s.put(fit: line, x: r.x + 2, y: y, width: w, role: .text); y += 1 }
        y += 1
        for (i, label) in f.fields.labels.enumerated() {
            s.put(fit: label + ":", x: r.x + 2, y: y, width: w, role: .muted); y += 1
            let active = i == f.fields.field
            let shown = f.fields.values[i] + (active ? "_" : "")
            s.fill(Rect(x: r.x + 2, y: y, width: w, height: 1), role: active ? .fieldActive : .text)
            s.put(fit: shown, x: r.x + 2, y: y, width: w, role: active ? .fieldActive : .text); y += 1
        }
        y += 1
        if let m = f.message { s.put(fit: m.text, x: r.x + 2, y: y, width: w, role: m.role, emphasis: .bold) }
        else {
            s.put(fit: f.saving ? "Saving…" : f.fields.labels.count > 1 ? "Enter: next field, save on the last   Esc: cancel"
                                                              : "Enter: save   Esc: cancel", x: r.x + 2, y: y, width: w, role: .muted)
        }
    }

    static func spo2Scale(_ s: inout Surface, _ state: AppState, _ f: SpO2ScaleForm) {
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

    static func picker(_ s: inout Surface, _ state: AppState, _ p: PickerState) {
        let title: String
        switch p.purpose {
        case .assignNurse(let bed): title = "Assign a nurse to bed \(bed) for this shift"
        case .transfer(_, let from): title = "Move the patient in bed \(from) to"
        }
        let visible = min(p.choices.count, max(3, s.height - 10))
        let r = Chrome.centered(s, width: min(s.width - 2, max(44, Text.width(title) + 8)), height: visible + 4)
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

    static func discharge(_ s: inout Surface, _ state: AppState, _ d: DischargeState) {
        let r = Chrome.centered(s, width: min(s.width - 2, 100), height: d.summary.count + 6)
        Chrome.box(&s, r, role: .alertWarning, ascii: state.asciiOnly, title: "Discharge — summary of the taper so far")
        for (i, line) in d.summary.enumerated() where r.y + 1 + i < r.maxY - 3 {
            s.put(fit: line, x: r.x + 2, y: r.y + 1 + i, width: r.width - 4, role: .text)
        }
        s.put(fit: "Discharge now? The record stays readable. y: discharge   n: cancel", x: r.x + 2, y: r.maxY - 2,
              width: r.width - 4, role: .alertWarning, emphasis: .bold)
    }
}

/// A patient's open alerts above the message line of the patient screens (only when there are some).
enum PatientAlertPane {
    /// Returns the pane's top row (the message line's row when there is no alert).
    @discardableResult
    static func draw(_ s: inout Surface, _ state: AppState, patient: PatientID) -> Int {
        let alerts = state.alerts(for: patient)
        guard !alerts.isEmpty else { return s.height - 2 }
        let lines = min(alerts.count, 3)
        let top = s.height - 2 - lines - 1
        s.fill(Rect(x: 0, y: top, width: s.width, height: lines + 1), role: .text)
        AlertPane.draw(&s, state, alerts: alerts, top: top, lines: lines, title: "Alerts for this patient", showPatient: false,
                       keys: "ack on overview (o from ward list)")
        return top
    }
}

/// "My patients": the critical alerts of the beds assigned to a nurse, then what is due this shift, soonest first.
enum WorklistView {
    static func draw(_ s: inout Surface, _ state: AppState, _ w: WorklistState) {
        let tasks = state.worklistTasks(w)
        let beds = (state.ward?.assignments ?? []).filter { $0.staff == w.staff }.map(\.bed)
        Chrome.titleBar(&s, state, subtitle: "My patients · \(tasks.count) task\(tasks.count == 1 ? "" : "s")")
        s.fill(Rect(x: 0, y: 1, width: s.width, height: 1), role: .header)
        s.put(fit: " Due    Bed  Patient               Task", x: 0, y: 1, width: s.width, role: .header, emphasis: .bold)
        if beds.isEmpty && tasks.isEmpty {
            for (i, line) in Text.wrap("No bed is assigned to you this shift. The charge nurse assigns beds on the overview (n).",
                                       width: s.width - 2).enumerated() {
                s.put(fit: line, x: 1, y: 2 + i, width: s.width - 2, role: .muted)
            }
            return
        }
        if tasks.isEmpty {
            s.put(fit: "Nothing due this shift and no critical alert for beds \(beds.joined(separator: ", ")).", x: 1, y: 2,
                  width: s.width - 2, role: .muted)
            return
        }
        let room = s.height - 5
        let first = max(0, min(w.selected - room / 2, tasks.count - room))
        for (i, t) in tasks.enumerated().dropFirst(first).prefix(room) {
            let y = 2 + i - first
            let sel = i == w.selected
            if sel { s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .selection) }
            let cosign = if case .cosign = t.kind { true } else { false }
            let alert = if case .alert = t.kind { true } else { false }
            let role: SemanticRole = sel ? .selection : alert ? .alertCritical : t.overdue ? .doseOverdue
                : cosign ? .alertWarning : t.dueAt > state.now ? .text : .doseDue
            var x = 1
            // Within 12 hours as HH:MM; older as its day, so "12:05" never means two days ago.
            let due = abs(t.dueAt.timeIntervalSince(state.now)) < 12 * 3600 ? Format.clock(t.dueAt, state.calendar)
                : Format.dayMonth(t.dueAt, state.calendar)
            x += s.put(Text.pad(due, 6), x: x, y: y, role: role, emphasis: .bold) + 1
            x += s.put(Text.pad(t.bed, 4), x: x, y: y, role: sel ? .selection : .text, emphasis: .bold) + 1
            x += s.put(Text.pad(t.patientName, 21), x: x, y: y, role: sel ? .selection : .text) + 1
            s.put(fit: (t.overdue && !alert ? "OVERDUE " : "") + t.what, x: x, y: y, width: s.width - x - 1, role: role,
                  emphasis: alert ? .bold : [])
        }
    }
}

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
        Chrome.titleBar(&s, state, subtitle: "Admit a patient to bed \(f.fields.values[4])")
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
        s.put(fit: f.saving ? "Admitting…" : "Enter: next field (on the last: admit)   Tab/Shift-Tab: move   Esc: cancel",
              x: 1, y: min(s.height - 3, y), width: s.width - 2, role: .muted)
    }
}
