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
            if let p = row.patient, p.admissionIncomplete {
                guard permitted(.admitPatient) else { return [] }
                stack.append(.admit(AdmitForm(completing: p)))
                return []
            }
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
        case .sendToWard:
            guard let row = selected, let p = row.patient else { flash = Flash("Choose a patient's row first.", role: .alertWarning); return [] }
            guard permitted(.dischargePatient) else { return [] }
            guard let wards = ward?.otherWards, !wards.isEmpty else {
                flash = Flash("This ward is not one of a hospital's wards in one database: discharge (D) and send the printed record.", role: .alertWarning)
                return []
            }
            stack.append(.picker(PickerState(purpose: .sendToWard(patientID: p.id, name: p.name),
                                             choices: wards.map { PickerState.Choice(label: "\($0.name) (\($0.code))", ward: $0) })))
        case .discharge:
            guard let row = selected, let p = row.patient else { flash = Flash("Choose a patient's row first.", role: .alertWarning); return [] }
            guard permitted(.dischargePatient), let input = boardInput?.patients.first(where: { $0.patient.id == p.id }) else { return [] }
            let notice = ward?.pasNotices[p.id].map { ["\($0.text) at \(DoseText.clock($0.receivedAt, calendar)) (HL7 \($0.kind.rawValue))."] } ?? []
            stack.append(.discharge(DischargeState(patientID: p.id,
                                                   summary: notice + DischargeSummary.lines(input, proto: wardProtocol, now: now, calendar: calendar))))
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
        let arriving = ward?.arriving ?? [], waiting = ward?.waitingForBed ?? []
        if !arriving.isEmpty || !waiting.isEmpty {
            let choices = [PickerState.Choice(label: "A new patient (the admission form)")] + waiting.map { p in
                PickerState.Choice(label: "\(p.name) (MRN \(p.mrn)) admitted by the PAS \(DoseText.clock(p.admittedAt, calendar)), waiting for a bed", waiting: p)
            } + arriving.map { t in
                PickerState.Choice(label: "\(t.patientName) (MRN \(t.mrn)) from \(t.fromWardName), sent \(DoseText.clock(t.sentAt, calendar))", transfer: t)
            }
            stack.append(.picker(PickerState(purpose: .admitInto(bed: bed), choices: choices)))
            return []
        }
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

}
