import Foundation
import WardCore

extension AppState {
    /// Chart keys that open the bedside forms or switch panes.
    mutating func handleChartObservation(_ action: Action, _ s: inout ChartState) -> [Effect] {
        guard let p = ward?.patient(s.patientID) else {
            flash = Flash("This patient is no longer on the ward list.", role: .error)
            return []
        }
        switch action {
        case .newCIWAAr: stack.append(.withdrawalScore(WithdrawalScoreForm(patientID: p.id, scale: .ciwaAr)))
        case .newVitals: stack.append(.vitals(VitalsForm(patientID: p.id, scale2: p.spo2Scale2)))
        case .newSedation: stack.append(.sedation(SedationForm(patientID: p.id, scale: wardProtocol.appropriateness.observerScale)))
        case .newException: stack.append(.exception(ExceptionForm(patientID: p.id)))
        case .newEvent: stack.append(.clinicalEvent(EventForm(patientID: p.id)))
        case .obsRound:
            var f = WithdrawalScoreForm(patientID: p.id, scale: roundScale(p.id) == .ciwaAr ? .ciwaAr : .ciwaB)
            f.round = true
            stack.append(.withdrawalScore(f))
        case .nextPane:
            s.pane = s.pane.next
            s.scroll = 0
            s.selected = 0
        case .showPane1, .showPane2, .showPane3:
            // The panes are labelled 1 / 2 / 3 on screen: the digit shows that pane.
            let pane = ChartPane.allCases[action == .showPane1 ? 0 : action == .showPane2 ? 1 : 2]
            if pane != s.pane { s.pane = pane; s.scroll = 0; s.selected = 0 }
        default:
            break
        }
        return []
    }

    /// The withdrawal scale of an obs round: the patient's most recent one (CIWA-B when none).
    func roundScale(_ id: PatientID) -> ScaleKind {
        let b = ward?.latest(.ciwaB, for: id)?.recordedAt, a = ward?.latest(.ciwaAr, for: id)?.recordedAt
        if let a, a > (b ?? .distantPast) { return .ciwaAr }
        return .ciwaB
    }

    /// After a round's withdrawal score is saved: vital signs next.
    mutating func continueRound(after a: Assessment) {
        guard let p = ward?.patient(a.patientID) else { return }
        stack.append(.vitals(VitalsForm(patientID: p.id, scale2: p.spo2Scale2, round: true)))
        flash = Flash("\(a.scale.displayName) saved \(Format.clock(a.recordedAt, calendar)). Obs round: vital signs next.", role: .saved)
    }

    /// Keys for the bedside forms on top of the stack (and the dose gate on a
    /// withdrawal form's summary). Nil = not ours: the normal dispatch goes on.
    mutating func handleObservationInput(_ action: Action?, _ event: InputEvent) -> [Effect]? {
        guard let top = stack.last else { return nil }
        let i = stack.count - 1
        switch top {
        case .vitals(var f):
            if action == .help || action == .lock { return nil }
            let fx = handleVitals(action, event, &f)
            if stack.indices.contains(i), stack[i] == top { stack[i] = .vitals(f) }
            return fx
        case .sedation(var f):
            if action == .help || action == .lock { return nil }
            let fx = handleSedation(action, event, &f)
            if stack.indices.contains(i), stack[i] == top { stack[i] = .sedation(f) }
            return fx
        case .exception(var f):
            if event == .key(.f9), action == .lock { return nil }      // F9 locks even while typing the reason
            if f.step != .note, action == .help || action == .lock { return nil }
            let fx = handleException(action, event, &f)
            if stack.indices.contains(i), stack[i] == top { stack[i] = .exception(f) }
            return fx
        case .clinicalEvent(var f):
            if event == .key(.f9), action == .lock { return nil }
            if f.step != .note, action == .help || action == .lock { return nil }
            let fx = handleEvent(action, event, &f)
            if stack.indices.contains(i), stack[i] == top { stack[i] = .clinicalEvent(f) }
            return fx
        default:
            return nil
        }
    }

    // MARK: results

    mutating func handleObservationSaved(_ msg: Msg) -> [Effect] {
        func saving(_ s: Screen) -> Bool {
            switch s {
            case .vitals(let f): f.saving
            case .sedation(let f): f.saving
            case .exception(let f): f.saving
            default: false
            }
        }
        guard let i = stack.lastIndex(where: saving) else {
            if case .vitalsSaved(.failure(let r)) = msg { flash = Flash(r.notSavedText, role: .error) }
            if case .sedationSaved(.failure(let r)) = msg { flash = Flash(r.notSavedText, role: .error) }
            if case .exceptionSaved(.failure(let r)) = msg { flash = Flash(r.notSavedText, role: .error) }
            return [.loadWard]
        }
        let form = stack[i]
        func fail(_ r: CommandRefusal) -> [Effect] {
            let m = Flash(r.notSavedText, role: .error)
            switch form {
            case .vitals(var f): f.saving = false; f.message = m; stack[i] = .vitals(f)
            case .sedation(var f): f.saving = false; f.message = m; stack[i] = .sedation(f)
            case .exception(var f): f.saving = false; f.message = m; stack[i] = .exception(f)
            default: break
            }
            return []
        }
        guard var w = ward else { return [.loadWard] }
        switch msg {
        case .vitalsSaved(.success(let e)):
            w.vitals[e.stamp.patientID, default: []].insert(e, at: 0)
            ward = w
            stack.removeSubrange(i...)
            let score = wardProtocol.news2.score(e.vitals, scale2: e.scale2)
            flash = Flash("Vital signs saved\(forWhom(e.stamp.patientID)) \(Format.clock(e.stamp.recordedAt, calendar)): NEWS2 \(score.total) \(score.risk.rawValue).", role: .saved)
            if case .vitals(let f) = form, f.round {
                stack.append(.sedation(SedationForm(patientID: f.patientID, scale: wardProtocol.appropriateness.observerScale, round: true)))
                flash = Flash(flash!.text + " Obs round: sedation next.", role: .saved)
            }
        case .sedationSaved(.success(let e)):
            w.sedation[e.stamp.patientID, default: []].insert(e, at: 0)
            ward = w
            stack.removeSubrange(i...)
            let round = if case .sedation(let f) = form { f.round } else { false }
            flash = Flash("\(round ? "Obs round complete. " : "")\(e.score.display) saved\(forWhom(e.stamp.patientID)) \(Format.clock(e.stamp.recordedAt, calendar)).", role: .saved)
        case .exceptionSaved(.success(let e)):
            w.exceptions[e.stamp.patientID, default: []].insert(e, at: 0)
            ward = w
            stack.removeSubrange(i...)
            flash = Flash("Noted\(forWhom(e.stamp.patientID)): \(e.kind.displayName) not done (\(e.reason.label)). Next try due \(Format.clock(e.recheckAt, calendar)).", role: .saved)
        case .vitalsSaved(.failure(let r)), .sedationSaved(.failure(let r)), .exceptionSaved(.failure(let r)):
            return fail(r)
        default:
            return []
        }
        return [.loadWard]
    }
}
