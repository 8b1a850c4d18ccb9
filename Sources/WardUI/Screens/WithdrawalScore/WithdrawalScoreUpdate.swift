import Foundation
import WardCore

extension AppState {
    /// Keys on the withdrawal-score form, CIWA-B or CIWA-Ar (top of the stack).
    mutating func handleWithdrawalScore(_ action: Action, _ event: InputEvent, _ form: inout WithdrawalScoreForm) -> [Effect] {
        form.message = nil
        let items = form.definition.items
        if form.onSummary, form.amending == nil, let fx = handleGate(action, event, &form) { return fx }
        switch action {
        case .score:
            guard case .char(let c) = event, let d = c.wholeNumberValue else { return [] }
            guard !form.onSummary else {
                form.message = Flash("You are on the summary line: ↑ to an item to change a score, Enter to save.", role: .alertWarning)
                return []
            }
            let item = items[form.cursor]
            guard item.range.contains(d) else {
                form.message = Flash("Item \(form.cursor + 1): \(d) is not a \(form.kind.displayName) score. Type \(item.range.lowerBound) to \(item.range.upperBound).", role: .error)
                return []
            }
            form.scores[form.cursor] = d
            form.cursor += 1
        case .moveUp, .previousItem:
            form.cursor = max(0, form.cursor - 1)
        case .moveDown:
            form.cursor = min(form.summaryIndex, form.cursor + 1)
        case .save:
            if let missing = form.firstUnscored {
                form.message = Flash("Not saved: \(form.itemName(missing)) has no score yet.", role: .error)
                form.cursor = missing
                return []
            }
            guard form.onSummary else {
                // Enter on an item goes to the summary first: a save is a clinical
                // entry, so it is only made from the line that shows the total.
                form.cursor = form.summaryIndex
                return []
            }
            if let old = form.amending {
                guard form.scores.map({ $0 ?? 0 }) != old.items else {
                    form.message = Flash("No score changed yet: ↑/↓ to the wrong item, type the right score; Esc cancels.", role: .alertWarning)
                    return []
                }
                finishCorrection(form)
                return []
            }
            guard let session else { return [] }
            form.saving = true
            form.message = Flash("Saving…", role: .alertInfo)
            let cmd = RecordAssessment(patientID: form.patientID, scale: form.kind, items: form.scores.map { $0 ?? 0 })
            if let answers = form.gate.answers { return [.recordGated(RecordGatedAssessment(cmd, gate: answers), session: session)] }
            return [.record(cmd, session: session)]
        case .discard:
            if form.amending != nil {
                stack.removeLast()   // back to the amend dialog: the old entry is unchanged
                return []
            }
            if form.isStarted {
                stack.append(.confirm(.discardScores(form.kind)))
            } else {
                stack.removeLast()
            }
        default:
            break
        }
        return []
    }
}
