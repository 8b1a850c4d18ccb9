import Foundation
import WardCore

extension AppState {
    mutating func handleOrderEntry(_ action: Action?, _ event: InputEvent, _ f: inout OrderEntryForm) -> [Effect] {
        f.message = nil
        let fields = f.fields
        let i = fields.firstIndex(of: f.field) ?? 0
        switch action {
        case .nextField:
            f.field = fields[(i + 1) % fields.count]; f.armed = false
        case .previousField:
            f.field = fields[(i + fields.count - 1) % fields.count]; f.armed = false
        case .erase:
            _ = f.values[f.field]?.popLast(); f.armed = false
        case .clearField:
            if !OrderEntryForm.spaceFields.contains(f.field) { f.values[f.field] = "" }
            f.armed = false
        case .cancel:
            stack.removeLast()
        case .fieldDone:
            switch f.terms(wardProtocol) {
            case .failure where i < fields.count - 1:
                // Not complete yet: Enter moves on, as in every other form; the preview says what is missing.
                f.field = fields[i + 1]; f.armed = false
            case .failure(let why):
                f.message = Flash("Not signed: \(why.message)", role: .error); f.armed = false
            case .success(let terms):
                if f.changingID != nil && f.text(.reason).trimmingCharacters(in: .whitespaces).isEmpty {
                    f.field = .reason
                    f.message = Flash("A change needs a reason: type it, then Enter.", role: .alertWarning)
                    return []
                }
                guard f.armed else {
                    f.armed = true
                    f.message = Flash("Check the preview, then Enter again to sign (Esc leaves without signing).", role: .alertWarning)
                    return []
                }
                guard let session else { return [] }
                f.saving = true
                f.message = Flash("Signing…", role: .alertInfo)
                if let id = f.changingID {
                    return [.changeOrder(ChangeOrder(orderID: id, basedOn: f.changingVersion, terms: terms, reason: f.text(.reason)), session: session)]
                }
                return [.writeOrder(WriteOrder(patientID: f.patientID, terms: terms), session: session)]
            }
        default:
            guard case .char(let c) = event else { return [] }
            f.armed = false
            if c == " " && OrderEntryForm.spaceFields.contains(f.field) {
                switch f.field {
                case .kind:
                    f.kind = f.kind == .taper ? .prn : .taper
                    f.values[.drug] = f.kind == .prn ? (wardProtocol.prn.template(f.text(.template))?.drug ?? f.text(.drug)) : wardProtocol.taper.defaultDrug
                case .template:
                    let ts = wardProtocol.prn.templates
                    if let j = ts.firstIndex(where: { $0.name == f.text(.template) }), !ts.isEmpty { f.applyTemplate(ts[(j + 1) % ts.count]) }
                    else if let t = ts.first { f.applyTemplate(t) }
                case .profile:
                    let now = TaperProfile(rawValue: f.text(.profile)) ?? .inpatient
                    f.values[.profile] = (now == .inpatient ? TaperProfile.outpatient : .inpatient).rawValue
                case .status:
                    let all = OrderStatus.allCases
                    let j = all.firstIndex(of: OrderStatus(rawValue: f.text(.status)) ?? .active) ?? 0
                    f.values[.status] = all[(j + 1) % all.count].rawValue
                default: break
                }
                return []
            }
            guard !OrderEntryForm.spaceFields.contains(f.field) else {
                f.message = Flash("Space changes this field.", role: .alertInfo); return []
            }
            if f.text(f.field).count < 200 { f.values[f.field, default: ""].append(c) }
        }
        return []
    }
}
