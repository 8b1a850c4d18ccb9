import Foundation
import WardCore

extension AppState {
    mutating func handleEvent(_ action: Action?, _ event: InputEvent, _ f: inout EventForm) -> [Effect] {
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
}
