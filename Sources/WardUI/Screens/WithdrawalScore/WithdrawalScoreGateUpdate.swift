import Foundation
import WardCore

extension AppState {
    /// y / n / u / c / b / r on a withdrawal form's summary line. Nil = not a gate key.
    mutating func handleGate(_ action: Action, _ event: InputEvent, _ form: inout WithdrawalScoreForm) -> [Effect]? {
        guard case .char(let c) = event else { return nil }
        if case .askingWhichNo = form.gate {
            let answers: DoseGateAnswers
            switch c {
            case "u": answers = DoseGateAnswers(recentUseConfirmed: false, canCommunicate: true)
            case "c": answers = DoseGateAnswers(recentUseConfirmed: true, canCommunicate: false)
            case "b": answers = DoseGateAnswers(recentUseConfirmed: false, canCommunicate: false)
            default:
                form.message = Flash("Which is no? u: recent use not confirmed  c: cannot communicate  b: both", role: .alertWarning)
                return []
            }
            form.gate = .answered(answers)
            let d = wardProtocol.appropriateness.evaluate(recentUseConfirmed: answers.recentUseConfirmed, canCommunicate: answers.canCommunicate)
            form.message = Flash("Not for dosing: " + d.reasons.joined(separator: "; ") + ".", role: .alertWarning)
            return []
        }
        switch action {
        case .gateYes:
            guard form.isComplete, let session else { return nil }
            form.gate = .answered(DoseGateAnswers(recentUseConfirmed: true, canCommunicate: true))
            form.saving = true
            form.message = Flash("Saving…", role: .alertInfo)
            let cmd = RecordAssessment(patientID: form.patientID, scale: form.kind, items: form.scores.map { $0 ?? 0 })
            return [.recordGated(RecordGatedAssessment(cmd, gate: form.gate.answers), session: session)]
        case .gateNo:
            form.gate = .askingWhichNo
            form.message = Flash("Which is no? u: recent use not confirmed  c: cannot communicate  b: both", role: .alertWarning)
            return []
        case .observerScale:
            let scale = wardProtocol.appropriateness.observerScale
            stack.append(.sedation(SedationForm(patientID: form.patientID, scale: scale)))
            return []
        default:
            return nil
        }
    }
}
