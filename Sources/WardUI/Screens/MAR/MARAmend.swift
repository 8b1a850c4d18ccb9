import Foundation
import WardCore

/// `E` on the MAR: mark the selected dose record entered in error. A
/// scheduled dose's line amends its record; a PRN order's line amends the
/// newest PRN dose given under it today. The amend dialog asks the reason.
extension AppState {
    mutating func openDoseAmend(_ lines: [MARLine], _ m: inout MARState) {
        guard let session else { return }
        guard lines.indices.contains(m.selected) else {
            m.message = Flash("No dose selected: this patient has no doses today.", role: .alertWarning)
            return
        }
        let record: Administration
        switch lines[m.selected] {
        case .scheduled(let row):
            guard let a = row.administration else {
                let earlier = row.enteredInError.isEmpty ? "" : " (its earlier record is already marked entered in error)"
                let now: String = switch row.status {
                case .notYet: "not yet due"
                case .due: "due"
                case .overdue: "overdue"
                case .recorded(let s): s.word
                }
                m.message = Flash("The \(row.dose.time) dose has no record to amend\(earlier): it is \(now).", role: .alertWarning)
                return
            }
            record = a
        case .prn(let o):
            let start = calendar.startOfDay(for: now)
            guard let a = (ward?.administrations[m.patientID] ?? []).filter({ $0.isPRN && $0.orderID == o.id && $0.at >= start })
                .max(by: { $0.at < $1.at }) else {
                m.message = Flash("No PRN dose of \(o.drug) recorded today under this order: nothing to amend.", role: .alertWarning)
                return
            }
            record = a
        case .taperOrder(let o):
            m.message = Flash("Order #\(o.id) has no dose today: nothing to amend.", role: .alertWarning)
            return
        }
        let role = session.staff.role
        guard role.may(.amendOwnEntry) else {
            m.message = Flash(StaffRole.refusalText(.amendOwnEntry, role: role), role: .alertWarning)
            return
        }
        if record.by != session.staff.id, !role.may(.amendAnyEntry) {
            let needed = StaffAction.amendAnyEntry.allowedRoles.map(\.withArticle).joined(separator: " or ")
            m.message = Flash("Not yours to amend: \(record.byName)'s dose record needs \(needed).", role: .error)
            return
        }
        stack.append(.amend(AmendForm(target: .dose(record, summary: MARScreen.summary(record, calendar)))))
    }

    /// The flash after a dose record was marked entered in error; the record
    /// leaves the counted list at once (the reload follows).
    mutating func doseVoidedFlash(_ a: Administration, reason: String) -> Flash {
        if var w = ward, var list = w.administrations[a.patientID], let i = list.firstIndex(where: { $0.id == a.id }) {
            var voided = list.remove(at: i)
            voided.enteredInError = DoseEnteredInError(reason: reason, by: session?.staff.id ?? a.by,
                                                       byName: session?.staff.name ?? "", at: now)
            w.administrations[a.patientID] = list
            w.voidedAdministrations[a.patientID, default: []].insert(voided, at: 0)
            ward = w
        }
        // The most important part first: a narrow message line cuts the end.
        let dose = "\(a.drug) \(MARScreen.mg(a.mg)) mg \(a.statusWord) \(Format.clock(a.at, calendar))"
        var text: String
        if let due = a.scheduledFor {
            let t = Format.clock(due, calendar)
            text = "Entered in error: \(t) \(dose); the \(t) dose is "
            switch wardProtocol.administration.status(dueAt: due, recorded: nil, now: now) {
            case .due, .recorded: text += "due again."
            case .overdue: text += "due again (OVERDUE)."
            case .notYet: text += "not yet due."
            }
        } else {
            text = "Entered in error: PRN \(dose)."
        }
        text += " Record kept, not counted."
        return Flash(text, role: .saved)
    }
}

extension MARScreen {
    /// "PRN diazepam 5 mg oral given", "08:00 diazepam 5 mg oral given late".
    static func summary(_ a: Administration, _ calendar: Calendar) -> String {
        let what = "\(a.drug) \(mg(a.mg)) mg \(a.route) \(a.statusWord)"
        guard !a.isPRN, let due = a.scheduledFor else { return "PRN " + what }
        return "\(Format.clock(due, calendar)) " + what
    }
}
