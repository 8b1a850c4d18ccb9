import Foundation
import WardCore

extension AppState {
    mutating func submitAlertAction(_ f: inout AlertActionForm) -> [Effect] {
        guard let session else { return [] }
        switch f.mode {
        case .acknowledge:
            let note = f.fields.values[0].trimmingCharacters(in: .whitespaces)
            f.saving = true
            return [.acknowledgeAlert(f.alert, note: note.isEmpty ? nil : note, session: session)]
        case .escalate:
            let to = f.fields.values[0].trimmingCharacters(in: .whitespaces)
            let outcome = f.fields.values[1].trimmingCharacters(in: .whitespaces)
            guard !to.isEmpty else { f.fields.field = 0; f.message = Flash("Say who it was escalated to.", role: .alertWarning); return [] }
            guard !outcome.isEmpty else { f.fields.field = 1; f.message = Flash("Say what the outcome was.", role: .alertWarning); return [] }
            f.saving = true
            return [.escalateAlert(f.alert, to: to, outcome: outcome, session: session)]
        }
    }
}
