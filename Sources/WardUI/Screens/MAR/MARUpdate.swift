import Foundation
import WardCore

extension AppState {
    mutating func handleMAR(_ action: Action?, _ event: InputEvent, _ m: inout MARState) -> [Effect] {
        m.message = nil
        if m.showingPlan {
            let most = TaperPlanView.maxScroll(self, m.patientID, rows: max(1, size.rows - 10))
            let now = min(m.planScroll, most)
            switch action {
            case .moveUp: m.planScroll = max(0, now - 1)
            case .moveDown: m.planScroll = min(most, now + 1)
            case .pageUp: m.planScroll = max(0, now - 10)
            case .pageDown: m.planScroll = min(most, now + 10)
            case .first: m.planScroll = 0
            case .last: m.planScroll = most
            case .back: m.showingPlan = false
            case .holdTaperStep: return holdTaperAtThisStep(&m)
            default: break
            }
            return []
        }
        switch m.step {
        case .list: return marList(action, &m)
        case .reason: return marReason(action, event, &m)
        case .note: return marNote(action, event, &m)
        case .override: return marOverride(action, event, &m)
        case .confirm: return marConfirm(action, &m)
        case .witness: return marWitness(action, event, &m)
        case .effect: return marEffect(action, event, &m)
        case .wastage: return marWastage(action, event, &m)
        }
    }

    private mutating func marList(_ action: Action?, _ m: inout MARState) -> [Effect] {
        let lines = MARScreen.lines(self, m.patientID)
        switch action {
        case .moveUp: m.selected = max(0, m.selected - 1)
        case .moveDown: m.selected = max(0, min(lines.count - 1, m.selected + 1))
        case .pageUp: m.selected = max(0, m.selected - 10)
        case .pageDown: m.selected = max(0, min(lines.count - 1, m.selected + 10))
        case .first: m.selected = 0
        case .last: m.selected = max(0, lines.count - 1)
        case .back: stack.removeLast()
        case .taperPlan:
            guard TaperPlanView.order(self, m.patientID) != nil else {
                m.message = Flash("This patient has no taper order.", role: .alertInfo); return []
            }
            m.showingPlan = true
            m.planScroll = TaperPlanView.initialScroll(self, m.patientID, rows: max(1, size.rows - 10))
        case .give: prepare(.given, lines, &m)
        case .hold: prepare(.held, lines, &m)
        case .refuse: prepare(.refused, lines, &m)
        case .omit: prepare(.omitted, lines, &m)
        case .newOrder:
            guard session?.staff.role.may(.writeOrder) == true else {
                m.message = Flash(StaffRole.refusalText(.writeOrder, role: session?.staff.role ?? .nurse), role: .alertWarning)
                return []
            }
            stack.append(.orderEntry(OrderEntryForm(patientID: m.patientID, today: MedicationSchedule.dayKey(now, calendar),
                                                    protocol: wardProtocol)))
        case .amendEntry: openDoseAmend(lines, &m)
        case .newSedation, .newVitals:
            guard let p = ward?.patient(m.patientID) else { return [] }
            stack.append(action == .newVitals ? .vitals(VitalsForm(patientID: p.id, scale2: p.spo2Scale2))
                                              : .sedation(SedationForm(patientID: p.id, scale: wardProtocol.appropriateness.observerScale)))
        case .prnEffect:
            guard let f = followUpToRecord(lines, m) else {
                m.message = Flash("No PRN dose is waiting for its follow-up re-assessment.", role: .alertInfo)
                return []
            }
            m.followUp = f
            m.step = .effect
        case .cosignOverride:
            guard let session, session.staff.role.may(.writeOrder) else {
                m.message = Flash(StaffRole.refusalText(.writeOrder, role: session?.staff.role ?? .nurse), role: .alertWarning)
                return []
            }
            let open = (ward?.doseOverrides[m.patientID] ?? []).filter { !$0.isSigned }
            guard let o = open.filter({ $0.prescriber == session.staff.id }).min(by: { $0.recordedAt < $1.recordedAt }) else {
                m.message = Flash(open.isEmpty ? "No dose override on this MAR is waiting for a co-signature."
                                  : "The overrides waiting here name \(Set(open.map(\.prescriberName)).sorted().joined(separator: ", ")); only they co-sign.",
                                  role: .alertInfo)
                return []
            }
            flash = Flash("Co-signing override #\(o.id)…", role: .alertInfo)
            return [.cosignOverride(CosignOverride(overrideID: o.id), session: session)]
        case .changeOrder:
            guard session?.staff.role.may(.writeOrder) == true else {
                m.message = Flash(StaffRole.refusalText(.writeOrder, role: session?.staff.role ?? .nurse), role: .alertWarning)
                return []
            }
            guard lines.indices.contains(m.selected) else { return [] }
            let id: OrderID
            switch lines[m.selected] {
            case .scheduled(let r): id = r.dose.orderID
            case .prn(let o), .taperOrder(let o): id = o.id
            }
            guard let o = ward?.order(id) else { return [] }
            stack.append(.orderEntry(OrderEntryForm(changing: o, protocol: wardProtocol)))
        default: break
        }
        return []
    }

    /// `h` on the taper plan: a prescriber holds the taper at today's step. The change form opens
    /// with the hold set to today and the reason to type; signing writes a new version.
    private mutating func holdTaperAtThisStep(_ m: inout MARState) -> [Effect] {
        guard session?.staff.role.may(.writeOrder) == true else {
            m.message = Flash("Holding the taper at a step is a new version of the order: "
                              + StaffRole.refusalText(.writeOrder, role: session?.staff.role ?? .nurse), role: .alertWarning)
            return []
        }
        guard let o = TaperPlanView.order(self, m.patientID), o.isActive else {
            m.message = Flash("This patient has no active taper to hold.", role: .alertInfo); return []
        }
        var form = OrderEntryForm(changing: o, protocol: wardProtocol)
        form.values[.holdFrom] = MedicationSchedule.dayKey(now, calendar)
        form.field = .reason
        form.message = Flash("Hold at today's step: type the reason, then check the plan and sign.", role: .alertInfo)
        m.showingPlan = false
        stack[stack.count - 1] = .mar(m)
        stack.append(.orderEntry(form))
        return []
    }

    private mutating func prepare(_ status: AdministrationStatus, _ lines: [MARLine], _ m: inout MARState) {
        guard lines.indices.contains(m.selected) else {
            m.message = Flash("No dose selected: this patient has no doses today.", role: .alertWarning)
            return
        }
        guard session?.staff.role.may(.giveDose) == true else {
            m.message = Flash(StaffRole.refusalText(.giveDose, role: session?.staff.role ?? .admin), role: .alertWarning)
            return
        }
        let window = wardProtocol.administration.windowMinutes
        switch lines[m.selected] {
        case .scheduled(let row):
            if let a = row.administration {
                m.message = Flash("The \(row.dose.time) dose was already \(a.status.word) by \(a.byName) at \(Format.clock(a.at, calendar)).", role: .alertWarning)
                return
            }
            let d = row.dose
            var p = PendingDose(orderID: d.orderID, scheduledFor: d.dueAt, status: status,
                                label: "\(d.time) \(d.drug) \(MARScreen.mg(d.mg)) mg \(d.route)", reasonUse: nil, reasonWhy: "",
                                reason: nil, note: "", needsWitness: false, witnessWhy: "")
            switch status {
            case .given:
                switch wardProtocol.administration.timing(dueAt: d.dueAt, at: now) {
                case .onTime: break
                case .late(let min):
                    p.reasonUse = .late; p.reasonWhy = "\(min) min after the ±\(window)-min window: why late?"
                case .early(let min):
                    p.reasonUse = .early; p.reasonWhy = "\(min) min before the ±\(window)-min window: why early?"
                }
                if let why = MARScreen.witnessNeed(self, drug: d.drug) { p.needsWitness = true; p.witnessWhy = why }
                p.doseMg = d.mg
                p.wastageWitnessWhy = MARScreen.wastageWitnessNeed(self, drug: d.drug)
                guard let o = ward?.order(d.orderID) else { return }
                let decision = ward?.doseSafety(order: o, mg: d.mg, scheduledFor: d.dueAt, at: now, protocol: wardProtocol)
                guard safetyAllows(decision, &p, &m) else { return }
            case .held: p.reasonUse = .held; p.reasonWhy = "Why is the dose held?"
            case .refused: p.reasonUse = .refused; p.reasonWhy = "Refused:"
            case .omitted: p.reasonUse = .omitted; p.reasonWhy = "Why is the dose omitted?"
            }
            begin(p, &m)
        case .taperOrder(let o):
            m.message = Flash("Order #\(o.id) has no dose today (\(o.terms.status == .active ? "not started or finished" : "on hold")).", role: .alertWarning)
        case .prn(let o):
            guard status == .given else {
                m.message = Flash("Hold, refuse and omit apply to scheduled doses; a PRN dose is given or not.", role: .alertWarning)
                return
            }
            guard let terms = o.terms.prn else { return }
            var p = PendingDose(orderID: o.id, scheduledFor: nil, status: .given,
                                label: "PRN \(o.drug) \(MARScreen.mg(terms.doseMg)) mg \(o.terms.route)", reasonUse: nil,
                                reasonWhy: "", reason: nil, note: "", needsWitness: false, witnessWhy: "")
            let decision = ward?.doseSafety(order: o, mg: terms.doseMg, scheduledFor: nil, at: now, protocol: wardProtocol)
            guard safetyAllows(decision, &p, &m) else { return }
            if let why = MARScreen.witnessNeed(self, drug: o.drug) { p.needsWitness = true; p.witnessWhy = why }
            p.doseMg = terms.doseMg
            p.wastageWitnessWhy = MARScreen.wastageWitnessNeed(self, drug: o.drug)
            begin(p, &m)
        }
    }

    /// Shows what the dose-safety rules say before anything is typed: a rule
    /// no one may override stops here with its message (and, for an old
    /// observation, the key that takes it); a prescriber-level rule leads to
    /// the override form; a PRN criterion to the judgement reasons. The store
    /// decides again when the dose is saved.
    private func safetyAllows(_ decision: DoseSafetyDecision?, _ p: inout PendingDose, _ m: inout MARState) -> Bool {
        guard let decision, let need = decision.need else { return true }
        p.safety = decision
        switch need {
        case .never:
            var text = "Not now: " + decision.findings.filter { $0.overridableBy == .never }.map(\.message).joined(separator: "; ")
            let missing = decision.observeFirst.map(\.message).joined()
            if missing.contains("sedation") { text += " — press s to score sedation now" }
            else if missing.contains("vital") { text += " — press v to take vital signs now" }
            m.message = Flash(text, role: .alertCritical)
            return false
        case .prescriber:
            p.reasonUse = nil
            p.reasonWhy = decision.line
            p.override = OverrideEntry()
        case .nurseJudgement:
            if p.scheduledFor == nil {
                p.reasonUse = .prnOverride
                p.reasonWhy = decision.line
            }
        }
        return true
    }

    private func begin(_ p: PendingDose, _ m: inout MARState) {
        m.pending = p
        if p.override != nil {
            m.step = .override
        } else if let use = p.reasonUse {
            let codes = ReasonCode.codes(for: use)
            if codes.count == 1 {
                m.pending?.reason = codes[0]
                m.step = codes[0].needsNote ? .note : .confirm
            } else {
                m.step = .reason
            }
        } else {
            m.step = .confirm
        }
    }

    private mutating func marReason(_ action: Action?, _ event: InputEvent, _ m: inout MARState) -> [Effect] {
        guard let p = m.pending, let use = p.reasonUse else { m.reset(); return [] }
        let codes = ReasonCode.codes(for: use)
        switch action {
        case .chooseReason:
            guard case .char(let c) = event, let n = c.wholeNumberValue, (1...codes.count).contains(n) else {
                m.message = Flash("Type 1 to \(codes.count) to choose a reason, Esc to cancel.", role: .error)
                return []
            }
            if codes[n - 1] == .prnPrescriberInstructed {
                // A prescriber's instruction is an override naming them, not a reason code.
                m.pending?.reason = nil
                m.pending?.override = OverrideEntry()
                m.step = .override
                return []
            }
            m.pending?.reason = codes[n - 1]
            m.step = codes[n - 1].needsNote ? .note : .confirm
        case .cancel: m.reset()
        default: break
        }
        return []
    }

    private mutating func marEffect(_ action: Action?, _ event: InputEvent, _ m: inout MARState) -> [Effect] {
        let choices = PRNFollowUp.Effect.allCases
        switch action {
        case .chooseReason:
            guard case .char(let c) = event, let n = c.wholeNumberValue, (1...choices.count).contains(n),
                  let f = m.followUp, let session else {
                m.message = Flash("Type 1 to \(choices.count), Esc to cancel.", role: .error)
                return []
            }
            m.saving = true
            m.message = Flash("Saving…", role: .alertInfo)
            return [.recordPRNEffect(RecordPRNEffect(followUpID: f.id, result: choices[n - 1]), session: session)]
        case .cancel: m.reset()
        default: break
        }
        return []
    }

    private mutating func marNote(_ action: Action?, _ event: InputEvent, _ m: inout MARState) -> [Effect] {
        switch action {
        case .fieldDone:
            guard !(m.pending?.note.trimmingCharacters(in: .whitespaces).isEmpty ?? true) else {
                m.message = Flash("Type a short note saying what happened, then Enter.", role: .alertWarning)
                return []
            }
            m.step = .confirm
        case .erase: _ = m.pending?.note.popLast()
        case .cancel: m.reset()
        default:
            guard case .char(let c) = event, (m.pending?.note.count ?? 0) < 200 else { return [] }
            m.pending?.note.append(c)
        }
        return []
    }

    /// The prescriber's override: their staff ID, Enter; p (present) or t
    /// (telephone); for a telephone instruction y once it was read back;
    /// the reason, Enter. Esc cancels the dose.
    private mutating func marOverride(_ action: Action?, _ event: InputEvent, _ m: inout MARState) -> [Effect] {
        guard var o = m.pending?.override else { m.reset(); return [] }
        let maxLength = 200   // input buffer bound, not a policy value
        switch action {
        case .cancel:
            m.reset()
            return []
        case .erase:
            switch o.field {
            case .prescriber: _ = o.prescriber.popLast()
            case .reason: _ = o.reason.popLast()
            case .instruction, .readBack: o.field = .prescriber
            }
        case .fieldDone, .nextField:
            switch o.field {
            case .prescriber:
                guard !o.prescriber.isEmpty else {
                    m.message = Flash("Type the staff ID of the prescriber who gave the instruction, then Enter.", role: .alertWarning)
                    return []
                }
                o.field = .instruction
            case .instruction:
                m.message = Flash("Press p if the prescriber is present, t for a telephone instruction.", role: .alertWarning)
            case .readBack:
                m.message = Flash("Read the instruction back to the prescriber; press y once they have confirmed it.", role: .alertWarning)
            case .reason:
                guard o.value != nil else {
                    m.message = Flash("Type why the prescriber instructed the dose, then Enter.", role: .alertWarning)
                    return []
                }
                m.pending?.override = o
                m.step = .confirm
                return []
            }
        default:
            guard case .char(let c) = event else { return [] }
            switch o.field {
            case .prescriber:
                if (c.isLetter || c.isNumber) && o.prescriber.count < 64 { o.prescriber.append(c) }
            case .instruction:
                switch c {
                case "p", "P": o.instruction = .present; o.readBack = false; o.field = .reason
                case "t", "T": o.instruction = .telephone; o.field = .readBack
                default: m.message = Flash("Press p (prescriber present) or t (telephone instruction).", role: .alertWarning)
                }
            case .readBack:
                switch c {
                case "y", "Y": o.readBack = true; o.field = .reason
                default: m.message = Flash("A telephone instruction is read back before the dose: press y once it was, Esc to cancel.", role: .alertWarning)
                }
            case .reason:
                if o.reason.count < maxLength { o.reason.append(c) }
            }
        }
        m.pending?.override = o
        return []
    }

    private mutating func marConfirm(_ action: Action?, _ m: inout MARState) -> [Effect] {
        switch action {
        case .fieldDone:
            guard let p = m.pending else { m.reset(); return [] }
            if p.witnessNeeded { m.step = .witness; m.witness = WitnessEntry(); return [] }
            return save(&m, witness: nil)
        case .withWastage:
            guard let p = m.pending, p.status == .given, p.doseMg > 0 else {
                m.message = Flash("Wastage is recorded with a given dose.", role: .alertWarning)
                return []
            }
            m.pending?.wasteText = p.wastedMg.map(MARScreen.mg) ?? ""
            m.step = .wastage
        case .cancel: m.reset()
        default: break
        }
        return []
    }

    /// The part-dose wasted, in mg: digits and one decimal point, above 0
    /// and below the dispensed dose (the store's rule). Enter goes back to
    /// the confirmation; Esc goes back without wastage.
    private mutating func marWastage(_ action: Action?, _ event: InputEvent, _ m: inout MARState) -> [Effect] {
        guard let p = m.pending else { m.reset(); return [] }
        switch action {
        case .fieldDone:
            let dose = MARScreen.mg(p.doseMg)
            guard !p.wasteText.isEmpty else {
                m.message = Flash("Type the amount wasted in mg (e.g. 2.5), then Enter; Esc for no wastage.", role: .alertWarning)
                return []
            }
            guard let w = Double(p.wasteText), w.isFinite else {
                m.message = Flash("\"\(p.wasteText)\" is not an amount: type mg as digits with one decimal point (e.g. 2.5).", role: .error)
                return []
            }
            guard w > 0 else {
                m.message = Flash("The wasted amount must be above 0 mg (e.g. 2.5).", role: .error)
                return []
            }
            guard w < p.doseMg - 1e-9 else {
                m.message = Flash("Wasted \(MARScreen.mg(w)) mg is not less than the \(dose) mg dose: type only the part wasted.", role: .error)
                return []
            }
            m.pending?.wastedMg = w
            m.step = .confirm
        case .erase: _ = m.pending?.wasteText.popLast()
        case .cancel:
            m.pending?.wastedMg = nil
            m.pending?.wasteText = ""
            m.step = .confirm
        default:
            guard case .char(let c) = event else { return [] }
            let maxLength = 7   // input buffer bound, not a policy value
            let isDigit = c.isASCII && c.isNumber
            guard isDigit || (c == "." && !p.wasteText.contains(".")) else {
                m.message = Flash("The amount is digits and one decimal point (e.g. 2.5).", role: .alertWarning)
                return []
            }
            if p.wasteText.count < maxLength { m.pending?.wasteText.append(c) }
        }
        return []
    }

    private mutating func marWitness(_ action: Action?, _ event: InputEvent, _ m: inout MARState) -> [Effect] {
        switch action {
        case .fieldDone:
            if m.witness.field == .staffID {
                guard !m.witness.staffID.isEmpty else {
                    m.message = Flash("The witness types their staff ID.", role: .alertWarning); return []
                }
                m.witness.field = .pin
                return []
            }
            guard !m.witness.pin.isEmpty else {
                m.message = Flash("The witness types their PIN, then Enter.", role: .alertWarning); return []
            }
            if m.witness.staffID.caseInsensitiveCompare(session?.staff.staffID ?? "") == .orderedSame {
                m.witness = WitnessEntry()
                m.message = Flash("You cannot witness your own dose: a second member of staff types their ID and PIN.", role: .error)
                return []
            }
            return save(&m, witness: WitnessCredentials(staffID: m.witness.staffID, pin: m.witness.pin))
        case .nextField: m.witness.field = m.witness.field == .staffID ? .pin : .staffID
        case .erase:
            if m.witness.field == .staffID { _ = m.witness.staffID.popLast() } else { _ = m.witness.pin.popLast() }
        case .cancel: m.reset()
        default:
            guard case .char(let c) = event else { return [] }
            let maxLength = 64   // input buffer bound, not a policy value
            switch m.witness.field {
            case .staffID:
                if (c.isLetter || c.isNumber) && m.witness.staffID.count < maxLength { m.witness.staffID.append(c) }
            case .pin:
                if c.isASCII && c.isNumber && m.witness.pin.count < maxLength { m.witness.pin.append(c) }
                else if !(c.isASCII && c.isNumber) { m.message = Flash("The PIN is digits only.", role: .alertWarning) }
            }
        }
        return []
    }

    private mutating func save(_ m: inout MARState, witness: WitnessCredentials?) -> [Effect] {
        guard let p = m.pending, let session else { m.reset(); return [] }
        m.saving = true
        m.witness = WitnessEntry()   // the PIN leaves the screen state at once
        m.message = Flash("Saving…", role: .alertInfo)
        let note = p.note.trimmingCharacters(in: .whitespaces)
        // Held for sedation: link the sedation score behind it, if one is recent.
        var observation: Int64? = nil
        if p.reason == .heldSedation, let w = ward {
            let maxAge = TimeInterval(wardProtocol.hold.observationMaxAgeMinutes * 60)
            observation = [ScaleKind.rass, .poss].compactMap { w.latest($0, for: m.patientID) }
                .filter { now.timeIntervalSince($0.recordedAt) <= maxAge }.max { $0.recordedAt < $1.recordedAt }?.id
        }
        return [.recordDose(RecordDose(orderID: p.orderID, scheduledFor: p.scheduledFor, status: p.status, reason: p.reason,
                                       note: note.isEmpty ? nil : note, witness: witness, observationID: observation,
                                       wastedMg: p.status == .given ? p.wastedMg : nil,
                                       override: p.override?.value), session: session)]
    }

    /// The follow-up `e` records: on a PRN order's line, that order's waiting follow-up (the one due
    /// first); elsewhere, the patient's follow-up due first.
    func followUpToRecord(_ lines: [MARLine], _ m: MARState) -> PRNFollowUp? {
        guard let w = ward else { return nil }
        var open = w.openPRNFollowUps(for: m.patientID).sorted { $0.dueAt < $1.dueAt }
        if lines.indices.contains(m.selected), case .prn(let order) = lines[m.selected] {
            let ofOrder = Set((w.administrations[m.patientID] ?? []).filter { $0.orderID == order.id }.map(\.id))
            open = open.filter { ofOrder.contains($0.administrationID) }
        }
        return open.first
    }

    /// On lock: a half-typed witness sign-off is dropped (the witness has
    /// walked away; their PIN must not wait in memory behind the lock).
    mutating func forgetWitnessPINs() {
        for i in stack.indices {
            if case .mar(var m) = stack[i], m.step == .witness, !m.saving { m.reset(); stack[i] = .mar(m) }
        }
    }

}
