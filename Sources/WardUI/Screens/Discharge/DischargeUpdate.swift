import Foundation
import WardCore

extension AppState {
    mutating func handleDischarge(_ action: Action, _ s: inout DischargeState) -> [Effect] {
        switch action {
        case .confirmYes:
            guard let session, !s.saving else { return [] }
            s.saving = true
            stack.removeLast()
            flash = Flash("Discharging…", role: .alertInfo)
            return [.discharge(patientID: s.patientID, session: session)]
        case .confirmNo:
            stack.removeLast()
        default: break
        }
        return []
    }
}
