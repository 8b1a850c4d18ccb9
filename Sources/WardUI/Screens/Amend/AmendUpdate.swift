import Foundation
import WardCore

extension AppState {
    /// `e` on the chart: opens the amend dialog for the selected history row.
    mutating func openAmend(_ cs: ChartState) -> [Effect] {
        guard let session else { return [] }
        guard let choice = ChartSelection.target(self, cs) else {
            flash = Flash("Nothing to amend here: select an entry in the history with ↑/↓ first.", role: .alertWarning)
            return []
        }
        let target: AmendTarget
        switch choice {
        case .refused(let why):
            flash = Flash(why, role: .alertWarning)
            return []
        case .entry(let t):
            target = t
        }
        if target.recordedBy != session.staff.id, !session.staff.role.may(.amendAnyEntry) {
            let needed = StaffAction.amendAnyEntry.allowedRoles.map(\.withArticle).joined(separator: " or ")
            flash = Flash("Not yours to amend: another person's entry needs \(needed).", role: .error)
            return []
        }
        stack.append(.amend(AmendForm(target: target)))
        return []
    }

    /// Keys in the amend dialog (top of the stack). Typing reads plain characters.
    mutating func handleAmend(_ action: Action?, _ event: InputEvent, _ f: inout AmendForm) -> [Effect] {
        f.message = nil
        if action == .cancel {
            stack.removeLast()
            flash = Flash("Amendment cancelled: nothing was changed.", role: .alertWarning)
            return []
        }
        switch f.step {
        case .choose:
            guard case .char(let c) = event else {
                f.message = Flash("Press 1 (entered in error) or 2 (corrected value); Esc cancels.", role: .alertWarning)
                return []
            }
            switch c {
            case "1":
                f.change = .enteredInError
                f.step = .reason
            case "2":
                return chooseCorrection(&f)
            default:
                f.message = Flash("Press 1 (entered in error) or 2 (corrected value); Esc cancels.", role: .alertWarning)
            }
        case .reason:
            switch action {
            case .fieldDone:
                let r = f.reason.trimmingCharacters(in: .whitespaces)
                guard !r.isEmpty else {
                    f.message = Flash("A reason is required: type why this entry is being amended, then Enter.", role: .error)
                    return []
                }
                f.reason = r
                f.step = .confirm
            case .erase:
                if !f.reason.isEmpty { f.reason.removeLast() } else if !f.isDose { f.step = .choose; f.change = nil }
            default:
                guard case .char(let c) = event else { return [] }
                guard f.reason.count < AmendForm.maxReason else {
                    f.message = Flash("The reason is limited to \(AmendForm.maxReason) characters.", role: .error)
                    return []
                }
                f.reason.append(c)
            }
        case .confirm:
            switch action {
            case .fieldDone:
                guard let session, let change = f.change else { return [] }
                f.saving = true
                f.message = Flash("Saving…", role: .alertInfo)
                switch f.target {
                case .assessment(let a):
                    let c: AmendEntry.Change
                    switch change {
                    case .correctedItems(let items): c = .correctedItems(items)
                    default: c = .enteredInError
                    }
                    return [.amend(AmendEntry(entryID: a.id, change: c, reason: f.reason), session: session)]
                case .observation(let table, let st, _):
                    let c: AmendObservation.Change
                    switch change {
                    case .correctedVitals(let v): c = .correctedVitals(v)
                    case .correctedSedation(let score): c = .correctedSedation(score)
                    default: c = .enteredInError
                    }
                    return [.amendObservation(AmendObservation(table, entryID: st.id, change: c, reason: f.reason),
                                              session: session)]
                case .dose(let a, _):
                    return [.markDoseEnteredInError(MarkDoseEnteredInError(administrationID: a.id, reason: f.reason),
                                                    session: session)]
                }
            case .erase:
                f.step = .reason
            default:
                f.message = Flash("Enter saves the amendment; Bksp goes back to the reason; Esc cancels.", role: .alertWarning)
            }
        }
        return []
    }

    /// "2 corrected value": the scale form again, filled with the old scores.
    private mutating func chooseCorrection(_ f: inout AmendForm) -> [Effect] {
        switch f.target {
        case .assessment(let a):
            guard let def = ScaleDefinition.catalog[a.scale], def.items.count == a.items.count else {
                f.message = Flash("\(a.scale.displayName) cannot be corrected here; mark it entered in error (1) and score it again.", role: .error)
                return []
            }
            var form = WithdrawalScoreForm(patientID: a.patientID, scale: def)
            form.scores = a.items.map { Optional($0) }
            form.amending = WithdrawalScoreForm.Amending(entryID: a.id, items: a.items, total: a.total)
            stack.append(.withdrawalScore(form))
        case .observation(.sedation, let st, _):
            guard let e = ward?.sedation[st.patientID]?.first(where: { $0.id == st.id }) else { return [] }
            let scale: ScaleKind = if case .poss = e.score { .poss } else { .rass }
            var form = SedationForm(patientID: st.patientID, scale: scale)
            form.choice = e.score
            form.amendingFrom = e.score
            stack.append(.sedation(form))
        case .observation(.vitals, let st, _):
            guard let e = ward?.vitals[st.patientID]?.first(where: { $0.id == st.id }) else { return [] }
            stack.append(.vitals(VitalsForm(correcting: e.vitals, patientID: st.patientID, scale2: e.scale2)))
        case .observation(.exception, _, _):
            f.message = Flash("To correct this note: mark it entered in error (1), then record it again.", role: .alertWarning)
        case .dose:
            f.message = Flash("To correct a dose record: mark it entered in error, then record the dose again.", role: .alertWarning)
        }
        return []
    }

    /// A corrected scale form finished: back to the amend dialog for the reason.
    mutating func finishCorrection(_ form: WithdrawalScoreForm) {
        guard let old = form.amending else { return }
        finishCorrection(.correctedItems(form.scores.map { $0 ?? 0 }),
                         note: "Corrected total \(old.total) → \(form.runningTotal). Now type the reason.")
    }

    /// A corrected form (scale, vital signs, sedation) finished: back to the dialog for the reason.
    mutating func finishCorrection(_ change: AmendForm.Change, note: String) {
        guard let i = stack.lastIndex(where: { if case .amend = $0 { true } else { false } }),
              case .amend(var f) = stack[i] else { return }
        stack.removeSubrange((i + 1)...)
        f.change = change
        f.step = .reason
        f.message = Flash(note, role: .alertInfo)
        stack[i] = .amend(f)
    }
}
