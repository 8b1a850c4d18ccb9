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
        case .newCIWAAr: stack.append(.ciwaB(CIWABForm(patientID: p.id, scale: .ciwaAr)))
        case .newVitals: stack.append(.vitals(VitalsForm(patientID: p.id, scale2: p.spo2Scale2)))
        case .newSedation: stack.append(.sedation(SedationForm(patientID: p.id, scale: wardProtocol.appropriateness.observerScale)))
        case .newException: stack.append(.exception(ExceptionForm(patientID: p.id)))
        case .obsRound:
            var f = CIWABForm(patientID: p.id, scale: roundScale(p.id) == .ciwaAr ? .ciwaAr : .ciwaB)
            f.round = true
            stack.append(.ciwaB(f))
        case .nextPane:
            s.pane = s.pane.next
            s.scroll = 0
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
            if f.step != .note, action == .help || action == .lock { return nil }
            let fx = handleException(action, event, &f)
            if stack.indices.contains(i), stack[i] == top { stack[i] = .exception(f) }
            return fx
        default:
            return nil
        }
    }

    /// y / n / u / c / b / r on a withdrawal form's summary line. Nil = not a gate key.
    mutating func handleGate(_ action: Action, _ event: InputEvent, _ form: inout CIWABForm) -> [Effect]? {
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

    // MARK: vital signs

    mutating func handleVitals(_ action: Action?, _ event: InputEvent, _ f: inout VitalsForm) -> [Effect] {
        if f.saving {
            f.message = Flash("Saving… please wait for the store to confirm.", role: .alertInfo)
            return []
        }
        if f.confirming { return confirmUnusual(event, &f) }
        f.message = nil
        switch action {
        case .discard:
            if f.isStarted { stack.append(.confirm(.discardForm("set of vital signs"))) } else { stack.removeLast() }
            return []
        case .fieldPrevious:
            if let prev = VitalsForm.Field(rawValue: f.field.rawValue - 1) { f.field = prev }
            return []
        case .erase:
            if let n = f.field.numeric, var t = f.text[f.field], !t.isEmpty {
                t.removeLast(); f.text[f.field] = t; _ = n
            } else if f.field == .oxygen, f.onOxygen != nil { f.onOxygen = nil
            } else if f.field == .acvpu, f.acvpu != nil { f.acvpu = nil
            } else if let prev = VitalsForm.Field(rawValue: f.field.rawValue - 1) { f.field = prev }
            return []
        case .fieldNext:
            return commitField(&f)
        default:
            break
        }
        guard case .char(let c) = event else { return [] }
        switch f.field {
        case .oxygen:
            switch c {
            case "a": f.onOxygen = false; f.field = .systolic
            case "o": f.onOxygen = true; f.field = .systolic
            default: f.message = Flash("Air or oxygen: press a for air, o for oxygen.", role: .error)
            }
        case .acvpu:
            if let level = ACVPU(rawValue: String(c).uppercased()), "acvpu".contains(c) {
                f.acvpu = level; f.field = .temperature
            } else {
                f.message = Flash("Consciousness: press a Alert, c new Confusion, v Voice, p Pain, u Unresponsive.", role: .error)
            }
        case .summary:
            f.message = Flash("You are on the summary: Enter saves, ↑ goes back to change a value.", role: .alertWarning)
        default:
            guard let n = f.field.numeric else { return [] }
            var t = f.text[f.field] ?? ""
            if c == "." {
                guard n.allowsDecimal else {
                    f.message = Flash("\(n.label) is a whole number: digits only.", role: .error); return []
                }
                guard !t.contains("."), !t.isEmpty else {
                    f.message = Flash("\(n.label): one decimal point only, after the whole degrees (e.g. 37.2).", role: .error); return []
                }
            } else if c.isASCII, c.isNumber {
                if let dot = t.firstIndex(of: ".") , t[t.index(after: dot)...].count >= 1 {
                    f.message = Flash("\(n.label): one decimal place only (e.g. 37.2).", role: .error); return []
                }
                if !t.contains("."), t.count >= 3 {
                    f.message = Flash("\(n.label): at most 3 digits; Bksp to correct.", role: .error); return []
                }
            } else {
                f.message = Flash("\(n.label): type digits\(n.allowsDecimal ? " and one decimal point" : ""), then Enter.", role: .error)
                return []
            }
            t.append(c)
            f.text[f.field] = t
        }
        return []
    }

    mutating func commitField(_ f: inout VitalsForm) -> [Effect] {
        if f.field == .summary {
            if let missing = f.firstMissing {
                f.field = missing
                f.message = Flash("Not saved: \(missing.label) has no value yet.", role: .error)
                return []
            }
            guard let v = f.vitals, let session else { return [] }
            f.saving = true
            f.message = Flash("Saving…", role: .alertInfo)
            return [.recordVitals(RecordVitals(patientID: f.patientID, vitals: v), session: session)]
        }
        if let n = f.field.numeric {
            let t = f.text[f.field] ?? ""
            if t.isEmpty {
                if f.field == .diastolic { advance(&f); return [] }
                let r = wardProtocol.entryLimits.range(n)
                f.message = Flash("\(n.label): type a value (\(Format.number(r.lowerBound))–\(Format.number(r.upperBound)) \(n.unit)), then Enter.", role: .error)
                return []
            }
            guard let v = f.value(f.field) else {
                f.message = Flash("\(n.label): finish the number (e.g. 37.2).", role: .error); return []
            }
            switch wardProtocol.checkVital(n, v) {
            case .refused(let why):
                f.message = Flash(why, role: .error)
                return []
            case .unusual(let why):
                if f.confirmed[f.field] != t {
                    f.confirming = true
                    f.message = Flash(why, role: .alertWarning)
                    return []
                }
            case .ok:
                break
            }
        } else if f.field == .oxygen, f.onOxygen == nil {
            f.message = Flash("Air or oxygen: press a for air, o for oxygen.", role: .error); return []
        } else if f.field == .acvpu, f.acvpu == nil {
            f.message = Flash("Consciousness: press a, c, v, p or u.", role: .error); return []
        }
        advance(&f)
        return []
    }

    func advance(_ f: inout VitalsForm) {
        f.field = VitalsForm.Field(rawValue: f.field.rawValue + 1) ?? .summary
    }

    mutating func confirmUnusual(_ event: InputEvent, _ f: inout VitalsForm) -> [Effect] {
        switch event {
        case .char("y"), .char("Y"):
            f.confirming = false
            f.confirmed[f.field] = f.text[f.field]
            f.message = nil
            advance(&f)
        case .char("n"), .char("N"), .key(.escape):
            f.confirming = false
            f.text[f.field] = ""
            f.message = Flash("Cleared: type the \(f.field.label.lowercased()) again.", role: .alertInfo)
        default:
            f.message = Flash((f.message?.text ?? "Confirm?") .replacingOccurrences(of: " (press y or n)", with: "") + " (press y or n)",
                              role: .alertWarning)
        }
        return []
    }

    // MARK: sedation

    mutating func handleSedation(_ action: Action?, _ event: InputEvent, _ f: inout SedationForm) -> [Effect] {
        if f.saving {
            f.message = Flash("Saving… please wait for the store to confirm.", role: .alertInfo)
            return []
        }
        f.message = nil
        switch action {
        case .discard:
            stack.removeLast()
            return []
        case .switchScale:
            f.scale = f.scale == .rass ? .poss : .rass
            f.choice = nil; f.minus = false
            return []
        case .save:
            guard let choice = f.choice else {
                f.message = Flash("Choose a level first: press the key shown beside it.", role: .error)
                return []
            }
            guard let session else { return [] }
            f.saving = true
            f.message = Flash("Saving…", role: .alertInfo)
            return [.recordSedation(RecordSedation(patientID: f.patientID, score: choice), session: session)]
        case .fieldNext:
            let levels = f.levels
            let i = f.choice.flatMap { c in levels.firstIndex { $0.score == c } }
            let next: Int
            if case .key(.up) = event { next = max(0, (i ?? 1) - 1) } else { next = min(levels.count - 1, (i ?? -1) + 1) }
            f.choice = levels[next].score
            f.minus = false
            return []
        default:
            break
        }
        guard case .char(let c) = event else { return [] }
        if f.scale == .poss {
            if let level = POSSLevel(rawValue: String(c).uppercased()) { f.choice = .poss(level) } else {
                f.message = Flash("POSS: press s, 1, 2, 3 or 4.", role: .error)
            }
            return []
        }
        if c == "-" { f.minus = true; f.choice = nil; return [] }
        guard let d = c.wholeNumberValue else {
            f.message = Flash("RASS: press 0 to 4, or - then 1 to 5 for sedation (-1 to -5).", role: .error)
            return []
        }
        let v = f.minus ? -d : d
        guard SedationScore.rassRange.contains(v) else {
            f.message = Flash("RASS \(v) does not exist: the scale runs from -5 to +4.", role: .error)
            f.minus = false
            return []
        }
        f.choice = .rass(v)
        f.minus = false
        return []
    }

    // MARK: monitoring exception

    mutating func handleException(_ action: Action?, _ event: InputEvent, _ f: inout ExceptionForm) -> [Effect] {
        if f.saving {
            f.message = Flash("Saving… please wait for the store to confirm.", role: .alertInfo)
            return []
        }
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
            if case .vitalsSaved(.failure(let r)) = msg { flash = Flash("Not saved: \(r.message)", role: .error) }
            if case .sedationSaved(.failure(let r)) = msg { flash = Flash("Not saved: \(r.message)", role: .error) }
            if case .exceptionSaved(.failure(let r)) = msg { flash = Flash("Not saved: \(r.message)", role: .error) }
            return [.loadWard]
        }
        let form = stack[i]
        func fail(_ r: CommandRefusal) -> [Effect] {
            let m = Flash("Not saved: \(r.message)", role: .error)
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
            flash = Flash("Vital signs saved \(Format.clock(e.stamp.recordedAt, calendar)): NEWS2 \(score.total) \(score.risk.rawValue).", role: .saved)
            if case .vitals(let f) = form, f.round {
                stack.append(.sedation(SedationForm(patientID: f.patientID, scale: wardProtocol.appropriateness.observerScale, round: true)))
                flash = Flash(flash!.text + " Obs round: sedation next.", role: .saved)
            }
        case .sedationSaved(.success(let e)):
            w.sedation[e.stamp.patientID, default: []].insert(e, at: 0)
            ward = w
            stack.removeSubrange(i...)
            let round = if case .sedation(let f) = form { f.round } else { false }
            flash = Flash("\(round ? "Obs round complete. " : "")\(e.score.display) saved \(Format.clock(e.stamp.recordedAt, calendar)).", role: .saved)
        case .exceptionSaved(.success(let e)):
            w.exceptions[e.stamp.patientID, default: []].insert(e, at: 0)
            ward = w
            stack.removeSubrange(i...)
            flash = Flash("Noted: \(e.kind.displayName) not done (\(e.reason.label)). Next try due \(Format.clock(e.recheckAt, calendar)).", role: .saved)
        case .vitalsSaved(.failure(let r)), .sedationSaved(.failure(let r)), .exceptionSaved(.failure(let r)):
            return fail(r)
        default:
            return []
        }
        return [.loadWard]
    }
}
