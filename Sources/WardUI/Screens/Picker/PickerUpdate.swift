import Foundation
import WardCore

extension AppState {
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
            case .sendToWard(let pid, let name):
                guard let ward = c.ward else { return [] }
                stack.append(.confirm(.sendToWard(patientID: pid, name: name, ward: ward)))
            case .admitInto(let bed):
                if let p = c.waiting {
                    flash = Flash("Placing \(p.name) in bed \(bed)…", role: .alertInfo)
                    return [.transfer(patientID: p.id, toBed: bed, session: session)]
                }
                guard let t = c.transfer else { stack.append(.admit(AdmitForm(bed: bed))); return [] }
                flash = Flash("Accepting \(t.patientName) from \(t.fromWardName) into bed \(bed)…", role: .alertInfo)
                return [.acceptTransfer(id: t.id, bed: bed, session: session)]
            }
        default: break
        }
        return []
    }
}
