import Foundation
import WardCore

/// Record a seizure or delirium from the chart: which, a short note, and when
/// it happened (blank = now; Tab reaches the time from the note).
public struct EventForm: Sendable, Hashable {
    public enum Step: Sendable, Hashable { case kind, note, when }
    public var patientID: PatientID
    public var kind: ClinicalEvent.Kind?
    public var note: String = ""
    /// The time as typed ("21:40"); empty means now.
    public var when: String = ""
    public var step: Step = .kind
    public var message: Flash?
    public var saving: Bool = false
    public init(patientID: PatientID) { self.patientID = patientID }
    public var isStarted: Bool { kind != nil }
    static let maxNote = 200

    /// The most recent moment at or before `now` whose clock reads `text`
    /// ("HH:MM" or "HHMM"): today, or yesterday when that is still to come.
    /// nil when `text` is not a time of day.
    static func resolve(_ text: String, now: Date, calendar: Calendar) -> Date? {
        let digits = text.filter(\.isNumber)
        guard text.allSatisfy({ $0.isNumber || $0 == ":" }), text.filter({ $0 == ":" }).count <= 1,
              (3...4).contains(digits.count), let n = Int(digits) else { return nil }
        let (h, m) = (n / 100, n % 100)
        guard h < 24, m < 60,
              let today = calendar.date(bySettingHour: h, minute: m, second: 0, of: now) else { return nil }
        return today <= now ? today : calendar.date(byAdding: .day, value: -1, to: today)
    }
}

extension AppState {
    mutating func handleEvent(_ action: Action?, _ event: InputEvent, _ f: inout EventForm) -> [Effect] {
        if f.saving {
            f.message = Flash("Saving… please wait for the store to confirm.", role: .alertInfo)
            return []
        }
        f.message = nil
        if case .key(.escape) = event {
            if f.isStarted { stack.append(.confirm(.discardForm("seizure/delirium record"))) } else { stack.removeLast() }
            return []
        }
        if case .key(.backspace) = event {
            switch f.step {
            case .note where !f.note.isEmpty: f.note.removeLast()
            case .note: f.step = .kind; f.kind = nil
            case .when where !f.when.isEmpty: f.when.removeLast()
            case .when: f.step = .note
            case .kind: break
            }
            return []
        }
        switch f.step {
        case .kind:
            guard case .char(let c) = event, c == "s" || c == "d" else {
                f.message = Flash("Which event? Press s seizure or d delirium.", role: .error); return []
            }
            f.kind = c == "s" ? .seizure : .delirium
            f.step = .note
        case .note, .when:
            switch event {
            case .key(.enter):
                guard let kind = f.kind, let session else { return [] }
                var at: Date? = nil
                if !f.when.isEmpty {
                    guard let t = EventForm.resolve(f.when, now: now, calendar: calendar) else {
                        f.step = .when
                        f.message = Flash("\"\(f.when)\" is not a time: type when it happened as HH:MM, e.g. 21:40, "
                                          + "or leave it empty for now.", role: .error)
                        return []
                    }
                    at = t
                }
                f.saving = true
                f.message = Flash("Saving…", role: .alertInfo)
                let note = f.note.trimmingCharacters(in: .whitespaces)
                return [.recordEvent(RecordClinicalEvent(patientID: f.patientID, kind: kind, note: note, takenAt: at),
                                     session: session)]
            case .key(.tab), .key(.backTab), .key(.down), .key(.up):
                f.step = f.step == .note ? .when : .note
            case .char(let c) where f.step == .when:
                guard (c.isNumber || c == ":"), f.when.count < 5 else {
                    f.message = Flash("Type when it happened as HH:MM, e.g. 21:40 (empty = now).", role: .error); return []
                }
                f.when.append(c)
            case .char(let c):
                guard f.note.count < EventForm.maxNote else {
                    f.message = Flash("The note is limited to \(EventForm.maxNote) characters.", role: .error); return []
                }
                f.note.append(c)
            default:
                break
            }
        }
        return []
    }

    mutating func handleEventSaved(_ result: Result<ClinicalEventEntry, CommandRefusal>) -> [Effect] {
        guard let i = stack.lastIndex(where: { if case .clinicalEvent(let f) = $0 { f.saving } else { false } }),
              case .clinicalEvent(var f) = stack[i] else {
            if case .failure(let r) = result { flash = Flash(r.notSavedText, role: .error) }
            return [.loadWard]
        }
        switch result {
        case .success(let e):
            if var w = ward { w.clinicalEvents[e.patientID, default: []].insert(e, at: 0); ward = w }
            stack.removeSubrange(i...)
            let late = now.timeIntervalSince(e.recordedAt) >= 60 ? " (entered \(Format.clock(now, calendar)))" : ""
            flash = Flash("\(e.kind == .seizure ? "Seizure" : "Delirium") recorded\(forWhom(e.patientID)) \(Format.clock(e.recordedAt, calendar))\(late). "
                          + "Call the medical team now.", role: .saved)
            return [.loadWard]
        case .failure(let r):
            f.saving = false
            f.message = Flash(r.notSavedText, role: .error)
            stack[i] = .clinicalEvent(f)
            return []
        }
    }
}

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
