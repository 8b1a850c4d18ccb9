import Foundation
import WardCore

extension AppState {
    /// The one way a command's answer comes back. The entry goes into the snapshot at once; the
    /// screen that started the command (on screen, or parked in the drafts of a colleague who was
    /// switched away from) takes the answer: a refusal shows on it, a save closes it (or resets it)
    /// and the message line says what was saved for whom. With no such screen the message line
    /// says it. The ward is reloaded after every answer: a refusal ("given by … at …") is news too.
    mutating func handleFinished(_ result: Result<Saved, CommandRefusal>, verb: CommandVerb) -> [Effect] {
        switch result {
        case .failure(let refusal):
            let text = refusal.text(verb)
            if !refuse(text, in: &stack) && !refuseParked(text) { flash = Flash(text, role: .error) }
        case .success(let saved):
            insert(saved)
            if let i = stack.lastIndex(where: \.component.saving) {
                let old = stack[i]
                var screen = old.component
                let after = screen.saved(saved, &self)
                if stack.indices.contains(i), stack[i] == old {
                    if after.closes { stack.removeSubrange(i...) } else { stack[i] = screen.screen }
                }
                if let next = after.next { stack.append(next) }
                flash = after.flash
            } else if !closeParked() {
                if let text = saved.unaskedText(self) { flash = Flash(text, role: .saved) }
            }
        }
        return [.loadWard]
    }

    /// Shows a refusal on the saving screen of `screens`; false when none is saving.
    private func refuse(_ text: String, in screens: inout [Screen]) -> Bool {
        guard let i = screens.lastIndex(where: \.component.saving) else { return false }
        var screen = screens[i].component
        screen.refused(text)
        screens[i] = screen.screen
        return true
    }

    private mutating func refuseParked(_ text: String) -> Bool {
        for key in drafts.keys.sorted() {
            var parked = drafts[key] ?? []
            if refuse(text, in: &parked) { drafts[key] = parked; return true }
        }
        return false
    }

    /// A parked form's save went through: it leaves its author's drafts (and so do the drafts when
    /// nothing unsaved is left in them).
    private mutating func closeParked() -> Bool {
        for key in drafts.keys.sorted() {
            guard let parked = drafts[key], let i = parked.lastIndex(where: \.component.saving) else { continue }
            let rest = Array(parked[..<i])
            drafts[key] = AppState.unsavedWork(in: rest).isEmpty ? nil : rest
            return true
        }
        return false
    }

    /// Puts a saved entry into the snapshot at once (the reload follows), so the screen beneath
    /// shows it as the message line announces it.
    private mutating func insert(_ saved: Saved) {
        guard var w = ward else { return }
        switch saved {
        case .assessment(let a): ward = w; insert(a); return
        case .vitals(let e): w.vitals[e.stamp.patientID, default: []].insertOnce(e)
        case .sedation(let e): w.sedation[e.stamp.patientID, default: []].insertOnce(e)
        case .exception(let e): w.exceptions[e.stamp.patientID, default: []].insertOnce(e)
        case .event(let e): w.clinicalEvents[e.patientID, default: []].insertOnce(e)
        case .dose(let a):
            w.administrations[a.patientID, default: []].insertOnce(a)
            now = max(now, a.at)   // the store's clock has moved on since the last tick
        case .cosigned, .order, .prnEffect, .amendment, .done: return
        }
        ward = w
    }
}

extension Array where Element: Identifiable {
    /// Puts a new entry first unless it is there already (the reload may have brought it).
    mutating func insertOnce(_ e: Element) {
        if !contains(where: { $0.id == e.id }) { insert(e, at: 0) }
    }
}

extension Saved {
    /// What the message line says of a save no screen was waiting for (a co-signature from the
    /// MAR, a handover mark, a board command): nil when nothing needs saying.
    func unaskedText(_ app: AppState) -> String? {
        switch self {
        case .cosigned(let o):
            "Co-signed override #\(o.id) (dose given \(Format.clock(o.recordedAt, app.calendar)) by \(o.recordedByName))."
        case .done(let text): text
        case .assessment, .vitals, .sedation, .exception, .event, .dose, .order, .prnEffect, .amendment: nil
        }
    }
}
