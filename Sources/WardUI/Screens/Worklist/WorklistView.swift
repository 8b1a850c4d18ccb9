import WardCore

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
