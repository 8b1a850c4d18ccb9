import Foundation
import WardCore

/// Record a seizure or delirium from the chart: which, and a short note.
public struct EventForm: Sendable, Hashable {
    public enum Step: Sendable, Hashable { case kind, note }
    public var patientID: PatientID
    public var kind: ClinicalEvent.Kind?
    public var note: String = ""
    public var step: Step = .kind
    public var message: Flash?
    public var saving: Bool = false
    public init(patientID: PatientID) { self.patientID = patientID }
    public var isStarted: Bool { kind != nil }
    static let maxNote = 200
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
        case .note:
            switch event {
            case .key(.enter):
                guard let kind = f.kind, let session else { return [] }
                f.saving = true
                f.message = Flash("Saving…", role: .alertInfo)
                let note = f.note.trimmingCharacters(in: .whitespaces)
                return [.recordEvent(RecordClinicalEvent(patientID: f.patientID, kind: kind, note: note), session: session)]
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
            if case .failure(let r) = result { flash = Flash("Not saved: \(r.message)", role: .error) }
            return [.loadWard]
        }
        switch result {
        case .success(let e):
            if var w = ward { w.clinicalEvents[e.patientID, default: []].insert(e, at: 0); ward = w }
            stack.removeSubrange(i...)
            flash = Flash("\(e.kind == .seizure ? "Seizure" : "Delirium") recorded \(Format.clock(e.recordedAt, calendar)). Call the medical team now.",
                          role: .saved)
            return [.loadWard]
        case .failure(let r):
            f.saving = false
            f.message = Flash("Not saved: \(r.message)", role: .error)
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
        y += 1
        s.put(fit: "Bksp goes back. Enter saves (note optional). Call the medical team now.",
              x: 1, y: y, width: s.width - 2, role: .muted)
    }
}
