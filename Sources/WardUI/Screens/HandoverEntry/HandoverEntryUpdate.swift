import Foundation
import WardCore

extension AppState {
    /// Opens the note or severity form for a patient (nurses and charge nurses only).
    mutating func openEntry(_ kind: HandoverEntryForm.Kind, patient: PatientID, shift: ShiftOccurrence) -> [Effect] {
        guard let session else { return [] }
        guard session.staff.role.may(.handOver) else {
            flash = Flash(StaffRole.refusalText(.handOver, role: session.staff.role), role: .error)
            return []
        }
        guard ward?.patient(patient) != nil else {
            flash = Flash("This patient is no longer on the ward list.", role: .error)
            return []
        }
        let current = ward?.handover.override(for: patient, shiftStart: shift.start)?.level
        stack.append(.handoverEntry(HandoverEntryForm(kind: kind, patientID: patient, shift: shift, level: current ?? .watcher)))
        return []
    }

    mutating func handleHandoverEntry(_ action: Action?, _ event: InputEvent, _ f: inout HandoverEntryForm) -> [Effect] {
        f.message = nil
        switch action {
        case .cancelEntry:
            stack.removeLast()
            if !f.text.isEmpty {
                flash = Flash(f.kind == .note ? "Note not saved (left without Enter)." : "Severity not changed (left without Enter).",
                              role: .alertWarning)
            }
        case .erase:
            _ = f.text.popLast()
        case .moveUp, .moveDown:
            // Note form: ↑ walks up the notes already written (newest first) to withdraw one; ↓ back to a new note.
            guard f.kind == .note else { return [] }
            let ids = (ward?.handover.notes(for: f.patientID, shiftStart: f.shift.start) ?? []).map(\.id)
            guard !ids.isEmpty else { return [] }
            let i = f.withdrawing.flatMap { ids.firstIndex(of: $0) }
            if action == .moveUp {
                f.withdrawing = ids[max(0, (i ?? ids.count) - 1)]
            } else if let i {
                f.withdrawing = i + 1 < ids.count ? ids[i + 1] : nil
            }
        case .cycleLevel:
            guard f.kind == .severity else { return [] }
            let order: [SeverityLevel?] = [.unstable, .watcher, .stable, nil]
            let i = order.firstIndex(of: f.level) ?? 0
            f.level = order[(i + 1) % order.count]
        case .saveEntry:
            guard let session else { return [] }
            let text = f.text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else {
                f.message = Flash(f.withdrawing != nil ? "Type why the note is withdrawn first."
                                  : f.kind == .note ? "Type the note first (e.g. if CIWA-B rises then call the doctor)."
                                  : "Type the reason for this severity first.", role: .alertWarning)
                return []
            }
            f.saving = true
            f.message = Flash("Saving…", role: .alertInfo)
            if let note = f.withdrawing {
                return [.withdrawHandoverNote(noteID: note, reason: text, session: session)]
            }
            switch f.kind {
            case .note:
                return [.addHandoverNote(patientID: f.patientID, shiftStart: f.shift.start, text: text, session: session)]
            case .severity:
                return [.overrideSeverity(patientID: f.patientID, shiftStart: f.shift.start, level: f.level, reason: text,
                                          session: session)]
            }
        case nil:
            guard case .char(let c) = event, f.text.count < HandoverEntryForm.maxLength else { return [] }
            f.text.append(c)
        default:
            break
        }
        return []
    }
}
