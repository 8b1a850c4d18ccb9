import Foundation
import WardCore

/// The seizure/delirium form.
enum EventView {
    static func draw(_ s: inout Surface, _ state: AppState, _ f: EventForm) {
        var y = FormScaffold.top(&s, state, subtitle: "Seizure or delirium", patientID: f.patientID,
                                 header: "SEIZURE OR DELIRIUM: raises a critical alert on the ward overview")
        func row(_ label: String, _ value: String, active: Bool) { FormScaffold.row(&s, y: &y, label, value, active: active) }
        row("Event", f.kind.map { $0 == .seizure ? "Seizure" : "Delirium" } ?? "s seizure · d delirium", active: f.step == .kind)
        row("Note", f.note + (f.step == .note ? "_" : ""), active: f.step == .note)
        let when: String
        if f.when.isEmpty {
            when = f.step == .when ? "_  (HH:MM; empty = now)" : "now (\(Format.clock(state.now, state.calendar))) · Tab to change"
        } else if let t = EventForm.resolve(f.when, now: state.now, calendar: state.calendar) {
            let day = state.calendar.isDate(t, inSameDayAs: state.now) ? "today" : "yesterday"
            when = f.when + (f.step == .when ? "_" : "") + "  (\(day) \(Format.clock(t, state.calendar)))"
        } else {
            when = f.when + (f.step == .when ? "_" : "")
        }
        row("Happened at", when, active: f.step == .when)
        y += 1
        s.put(fit: "Tab: note ↔ time. Enter saves (note optional). Call the medical team now.",
              x: 1, y: y, width: s.width - 2, role: .muted)
    }
}
