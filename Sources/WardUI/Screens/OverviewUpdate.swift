import Foundation
import WardCore

extension AppState {
    /// Rows that fit on one page of the overview at the current size.
    var overviewPageSize: Int { OverviewLayout(size: size).bedRows }

    mutating func handleOverview(_ action: Action, _ s: inout OverviewState) -> [Effect] {
        let rows = overviewRows(s)
        var i = rows.firstIndex { $0.bed == s.selectedBed } ?? 0
        let selected = rows.indices.contains(i) ? rows[i] : nil
        func select(_ j: Int) { i = max(0, min(rows.count - 1, j)); s.selectedBed = rows.indices.contains(i) ? rows[i].bed : nil }
        switch action {
        case .moveUp: select(i - 1)
        case .moveDown: select(i + 1)
        case .pageUp: select(i - overviewPageSize)
        case .pageDown: select(i + overviewPageSize)
        case .first: select(0)
        case .last: select(rows.count - 1)
        case .openHandover: return openHandover(on: selected?.patient?.id)
        case .open:
            guard let row = selected else { return [] }
            if let p = row.patient { stack.append(.chart(ChartState(patientID: p.id))) }
            else { return startAdmission(bed: row.bed) }
        case .back:
            if stack.count > 1 { stack.removeLast() }
        case .cycleSort:
            let cycle: [WardSortKey?] = [nil, .bed, .withdrawal, .news2, .sedation, .overdue, .alerts]
            let k = cycle.firstIndex(of: s.sortFirst) ?? 0
            s.sortFirst = cycle[(k + 1) % cycle.count]
            flash = Flash("Sorted by \(Self.sortName(s.sortFirst)).", role: .alertInfo)
        case .cycleFilter:
            let nurses = (ward?.assignments ?? []).reduce(into: [BedAssignment]()) { acc, a in
                if !acc.contains(where: { $0.staff == a.staff }) { acc.append(a) }
            }.sorted { $0.staffName < $1.staffName }
            guard !nurses.isEmpty else {
                s.nurseFilter = nil
                flash = Flash("No nurse is assigned this shift yet: press n on a bed to assign one.", role: .alertInfo)
                return []
            }
            let keys: [StaffKey?] = [nil] + nurses.map(\.staff)
            let k = keys.firstIndex(of: s.nurseFilter) ?? 0
            s.nurseFilter = keys[(k + 1) % keys.count]
            let name = nurses.first { $0.staff == s.nurseFilter }?.staffName
            flash = Flash(name.map { "Showing beds assigned to \($0)." } ?? "Showing every bed.", role: .alertInfo)
        case .myPatients:
            guard let me = session?.staff.id else { return [] }
            stack.append(.worklist(WorklistState(staff: me)))
        case .acknowledge, .escalate:
            guard let row = selected, let p = row.patient else {
                flash = Flash("Choose a patient's row first.", role: .alertWarning); return []
            }
            let open = alerts(for: p.id)
            let log = ward?.alertLog ?? AlertLog()
            let target = action == .acknowledge ? open.first { log.acknowledgement($0) == nil } : open.first
            guard let target else {
                flash = Flash(open.isEmpty ? "Bed \(row.bed) has no open alert."
                                           : "Every alert of bed \(row.bed) is already acknowledged.", role: .alertInfo)
                return []
            }
            guard session.map({ $0.staff.role.may(.handleAlert) }) == true else {
                flash = Flash(StaffRole.refusalText(.handleAlert, role: session?.staff.role ?? .studentNurse), role: .error)
                return []
            }
            stack.append(.alertAction(AlertActionForm(mode: action == .acknowledge ? .acknowledge : .escalate, alert: target)))
        case .admit:
            guard let row = selected else { return [] }
            guard row.isEmpty else { flash = Flash("Bed \(row.bed) is taken: choose an empty bed to admit.", role: .alertWarning); return [] }
            return startAdmission(bed: row.bed)
        case .assignNurse:
            guard let row = selected else { return [] }
            guard permitted(.assignNurse) else { return [] }
            var choices = (ward?.assignableStaff ?? []).map { PickerState.Choice(label: "\($0.name) (\($0.staffID))", staff: $0.id) }
            choices.append(PickerState.Choice(label: "(nobody)", staff: nil))
            stack.append(.picker(PickerState(purpose: .assignNurse(bed: row.bed), choices: choices)))
        case .transfer:
            guard let row = selected, let p = row.patient else { flash = Flash("Choose a patient's row first.", role: .alertWarning); return [] }
            guard permitted(.assignBed) else { return [] }
            let empty = rows.filter(\.isEmpty).map(\.bed)
            let all = (ward?.ward.beds ?? []).map(\.label).filter { b in ward?.patient(inBed: b) == nil }
            let choices = (all.isEmpty ? empty : all).map { PickerState.Choice(label: "Bed \($0)", bed: $0) }
            guard !choices.isEmpty else { flash = Flash("No empty bed to transfer to.", role: .alertWarning); return [] }
            stack.append(.picker(PickerState(purpose: .transfer(patientID: p.id, fromBed: row.bed), choices: choices)))
        case .discharge:
            guard let row = selected, let p = row.patient else { flash = Flash("Choose a patient's row first.", role: .alertWarning); return [] }
            guard permitted(.dischargePatient), let input = boardInput?.patients.first(where: { $0.patient.id == p.id }) else { return [] }
            stack.append(.discharge(DischargeState(patientID: p.id,
                                                   summary: DischargeSummary.lines(input, proto: wardProtocol, now: now, calendar: calendar))))
        case .quit:
            let work = unsavedWork
            if !work.isEmpty { stack.append(.confirm(.quit(unsaved: work))); return [] }
            quitting = true
            return [.quit]
        default:
            break
        }
        return []
    }

    mutating func permitted(_ a: StaffAction) -> Bool {
        guard let role = session?.staff.role else { return false }
        if role.may(a) { return true }
        flash = Flash(StaffRole.refusalText(a, role: role), role: .error)
        return false
    }

    mutating func startAdmission(bed: String) -> [Effect] {
        guard permitted(.admitPatient) else { return [] }
        stack.append(.admit(AdmitForm(bed: bed)))
        return []
    }

    static func sortName(_ k: WardSortKey?) -> String {
        switch k {
        case nil: "risk"
        case .severity: "severity"
        case .alerts: "open alerts"
        case .news2: "NEWS2"
        case .sedation: "sedation"
        case .withdrawal: "withdrawal score"
        case .overdue: "most overdue"
        case .bed: "bed"
        }
    }

    mutating func handleWorklist(_ action: Action, _ s: inout WorklistState) -> [Effect] {
        let tasks = worklistTasks(s)
        switch action {
        case .moveUp: s.selected = max(0, s.selected - 1)
        case .moveDown: s.selected = max(0, min(tasks.count - 1, s.selected + 1))
        case .pageUp: s.selected = max(0, s.selected - max(1, size.rows - 6))
        case .pageDown: s.selected = max(0, min(tasks.count - 1, s.selected + max(1, size.rows - 6)))
        case .first: s.selected = 0
        case .last: s.selected = max(0, tasks.count - 1)
        case .open:
            guard tasks.indices.contains(s.selected) else { break }
            let t = tasks[s.selected]
            stack.append(.chart(ChartState(patientID: t.patientID)))
            // A dose or a PRN effect is done on the MAR: open it over the chart (Esc comes back through the chart).
            switch t.kind {
            case .dose, .prnEffect, .cosign: stack.append(.mar(MARState(patientID: t.patientID)))
            case .observation, .alert: break
            }
        case .back: stack.removeLast()
        default: break
        }
        return []
    }

    func worklistTasks(_ s: WorklistState) -> [WorklistTask] {
        guard let ward, let input = boardInput else { return [] }
        return Worklist.tasks(for: s.staff, input: input, assignments: ward.assignments, alerts: openAlerts,
                              proto: wardProtocol, now: now, calendar: calendar)
    }

    mutating func handlePicker(_ action: Action, _ s: inout PickerState) -> [Effect] {
        switch action {
        case .moveUp: s.selected = max(0, s.selected - 1)
        case .moveDown: s.selected = min(s.choices.count - 1, s.selected + 1)
        case .pageUp: s.selected = max(0, s.selected - 10)
        case .pageDown: s.selected = max(0, min(s.choices.count - 1, s.selected + 10))
        case .first: s.selected = 0
        case .last: s.selected = max(0, s.choices.count - 1)
        case .back: stack.removeLast()
        case .save:
            guard let session, s.choices.indices.contains(s.selected) else { return [] }
            let c = s.choices[s.selected]
            stack.removeLast()
            switch s.purpose {
            case .assignNurse(let bed):
                flash = Flash("Assigning bed \(bed)…", role: .alertInfo)
                return [.assignNurse(bed: bed, staff: c.staff, session: session)]
            case .transfer(let pid, let from):
                guard let to = c.bed else { return [] }
                flash = Flash("Moving bed \(from) to bed \(to)…", role: .alertInfo)
                return [.transfer(patientID: pid, toBed: to, session: session)]
            }
        default: break
        }
        return []
    }

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

    /// Typing into the acknowledge/escalate dialog or the admission form. Nil when no text form is on top.
    mutating func handleTextEntry(_ action: Action?, _ event: InputEvent) -> [Effect]? {
        switch stack.last {
        case .alertAction(var f):
            var fx: [Effect] = []
            if editText(action, event, &f.fields, saving: f.saving, enterAdvances: f.mode == .escalate) { fx = submitAlertAction(&f) }
            if case .alertAction = stack.last { stack[stack.count - 1] = .alertAction(f) }
            return fx
        case .admit(var f):
            var fx: [Effect] = []
            if editText(action, event, &f.fields, saving: f.saving, enterAdvances: true) { fx = submitAdmission(&f) }
            if case .admit = stack.last { stack[stack.count - 1] = .admit(f) }
            return fx
        case .spo2Scale(var f):
            var fx: [Effect] = []
            if editText(action, event, &f.fields, saving: f.saving), let session {
                let reason = f.fields.values[0].trimmingCharacters(in: .whitespaces)
                if reason.isEmpty { f.message = Flash("Type the reason, then Enter.", role: .alertWarning) }
                else { f.saving = true; fx = [.setSpO2Scale(patientID: f.patientID, scale2: f.toScale2, reason: reason, session: session)] }
            }
            if case .spo2Scale = stack.last { stack[stack.count - 1] = .spo2Scale(f) }
            return fx
        default:
            return nil
        }
    }

    /// Applies a key to the fields; true when the form should be submitted.
    private mutating func editText(_ action: Action?, _ event: InputEvent, _ fields: inout TextFields, saving: Bool,
                                   enterAdvances: Bool = false) -> Bool {
        if saving { return false }
        switch action {
        case .save:
            if enterAdvances && fields.field < fields.labels.count - 1 { fields.field += 1; return false }
            return true
        case .nextField: fields.field = (fields.field + 1) % fields.labels.count
        case .previousItem: fields.field = (fields.field + fields.labels.count - 1) % fields.labels.count
        case .erase: _ = fields.values[fields.field].popLast()
        case .discard: stack.removeLast()
        default:
            if case .char(let c) = event, fields.values[fields.field].count < 300 { fields.values[fields.field].append(c) }
        }
        return false
    }

    mutating func submitAlertAction(_ f: inout AlertActionForm) -> [Effect] {
        guard let session else { return [] }
        switch f.mode {
        case .acknowledge:
            let note = f.fields.values[0].trimmingCharacters(in: .whitespaces)
            f.saving = true
            return [.acknowledgeAlert(f.alert, note: note.isEmpty ? nil : note, session: session)]
        case .escalate:
            let to = f.fields.values[0].trimmingCharacters(in: .whitespaces)
            let outcome = f.fields.values[1].trimmingCharacters(in: .whitespaces)
            guard !to.isEmpty else { f.fields.field = 0; f.message = Flash("Say who it was escalated to.", role: .alertWarning); return [] }
            guard !outcome.isEmpty else { f.fields.field = 1; f.message = Flash("Say what the outcome was.", role: .alertWarning); return [] }
            f.saving = true
            return [.escalateAlert(f.alert, to: to, outcome: outcome, session: session)]
        }
    }

    mutating func submitAdmission(_ f: inout AdmitForm) -> [Effect] {
        guard let session else { return [] }
        let v = f.fields.values.map { $0.trimmingCharacters(in: .whitespaces) }
        func fail(_ i: Int, _ text: String) -> [Effect] { f.fields.field = i; f.message = Flash(text, role: .alertWarning); return [] }
        guard !v[0].isEmpty else { return fail(0, "Type the MRN.") }
        guard v[1].contains(",") else { return fail(1, "Type the name as Family, Given (with a comma).") }
        guard let dob = CalendarDate(v[2]) else { return fail(2, "Date of birth: type a real date as YYYY-MM-DD, e.g. 1975-04-30.") }
        if let p = wardProtocol.admission.dateOfBirth.problem(dob, on: now, calendar: calendar) { return fail(2, p) }
        let sexes: [String: Sex] = ["F": .female, "M": .male, "X": .other, "U": .unknown]
        guard let sex = sexes[v[3].uppercased()] else { return fail(3, "Sex: type F, M, X (other) or U (unknown).") }
        guard !v[4].isEmpty else { return fail(4, "Type the bed.") }
        let substances: [SubstanceUse]
        switch SubstanceListParser.parse(v[5]) {
        case .success(let list): substances = list
        case .failure(let e): return fail(5, e.description + " Form: " + SubstanceListParser.syntax)
        }
        guard ["y", "n", "yes", "no"].contains(v[6].lowercased()) else { return fail(6, "Seizure history: type y or n.") }
        func list(_ s: String) -> [String] { s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        var flags: [AdmissionFlag] = []
        for code in v[7].lowercased().split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init) {
            guard let f = AdmissionFlag(rawValue: code) else { return fail(7, "Order-set flag '\(code)' is unknown: type any of \(AdmissionFlag.codes).") }
            if !flags.contains(f) { flags.append(f) }
        }
        var allergies = list(v[9])
        if allergies.count == 1, allergies[0].uppercased() == AllergyStatus.nkdaWord { allergies = [AllergyStatus.nkdaWord] }
        else if allergies.contains(where: { $0.uppercased() == AllergyStatus.nkdaWord }) {
            return fail(9, "Allergies: type NKDA alone, or the list of allergies, or leave it blank (not yet known).")
        }
        f.saving = true
        f.message = Flash("Admitting…", role: .alertInfo)
        return [.admit(AdmissionRequest(mrn: v[0], name: v[1], dateOfBirth: dob, sex: sex, bed: v[4], substances: substances,
                                        allergies: allergies, seizureHistory: v[6].lowercased().hasPrefix("y"),
                                        riskFlags: list(v[8]), admissionFlags: flags), session: session)]
    }

    mutating func handleBoardSaved(_ result: Result<String, CommandRefusal>) -> [Effect] {
        func isSavingForm(_ s: Screen) -> Bool {
            switch s {
            case .alertAction(let f): f.saving
            case .admit(let f): f.saving
            case .spo2Scale(let f): f.saving
            default: false
            }
        }
        switch result {
        case .success(let text):
            if let i = stack.lastIndex(where: isSavingForm) { stack.removeSubrange(i...) }
            flash = Flash(text, role: .saved)
            return [.loadWard]
        case .failure(let r):
            if let i = stack.lastIndex(where: isSavingForm) {
                switch stack[i] {
                case .alertAction(var f): f.saving = false; f.message = Flash(r.notSavedText, role: .error); stack[i] = .alertAction(f)
                case .admit(var f): f.saving = false; f.message = Flash(r.notSavedText, role: .error); stack[i] = .admit(f)
                case .spo2Scale(var f): f.saving = false; f.message = Flash(r.notSavedText, role: .error); stack[i] = .spo2Scale(f)
                default: break
                }
            } else {
                flash = Flash(r.notSavedText, role: .error)
            }
            return []
        }
    }
}
