import Foundation
import WardCore

extension AppState {
    // MARK: monitoring exception

    mutating func handleException(_ action: Action?, _ event: InputEvent, _ f: inout ExceptionForm) -> [Effect] {
        f.message = nil
        if case .key(.escape) = event {
            if f.isStarted { stack.append(.confirm(.discardForm("note of a check not done"))) } else { stack.removeLast() }
            return []
        }
        if case .key(.backspace) = event {
            switch f.step {
            case .note where !f.note.isEmpty: f.note.removeLast()
            case .note: f.step = .reason; f.reason = nil
            case .reason: f.step = .kind; f.kind = nil
            case .kind: break
            }
            return []
        }
        switch f.step {
        case .kind:
            guard case .char(let c) = event else { return [] }
            switch c {
            case "c": f.kind = .withdrawal(roundScale(f.patientID) == .ciwaAr ? .ciwaAr : .ciwaB)
            case "a": f.kind = .withdrawal(.ciwaAr)
            case "v": f.kind = .vitals
            case "s": f.kind = .sedation
            default:
                f.message = Flash("Which check was not done? c CIWA, a CIWA-Ar, v vital signs, s sedation.", role: .error); return []
            }
            f.step = .reason
        case .reason:
            guard case .char(let c) = event, let d = c.wholeNumberValue, (1...ExceptionReason.allCases.count).contains(d) else {
                f.message = Flash("Why? Press 1 asleep (not woken), 2 refused, 3 off the ward.", role: .error); return []
            }
            f.reason = ExceptionReason.allCases[d - 1]
            f.step = .note
        case .note:
            switch event {
            case .key(.enter):
                let note = f.note.trimmingCharacters(in: .whitespaces)
                guard !note.isEmpty else {
                    f.message = Flash("Type the reason in a few words (e.g. \"settled after PRN, breathing normally\"), then Enter.", role: .error)
                    return []
                }
                guard let kind = f.kind, let reason = f.reason, let session else { return [] }
                f.saving = true
                f.message = Flash("Saving…", role: .alertInfo)
                return [.recordException(RecordMonitoringException(patientID: f.patientID, kind: kind, reason: reason, note: note),
                                         session: session)]
            case .char(let c):
                guard f.note.count < 200 else { f.message = Flash("The reason is limited to 200 characters.", role: .error); return [] }
                f.note.append(c)
            default:
                break
            }
        }
        return []
    }
}
