/// PINs never reach a log: effects and forms print with the secret hidden.
extension Effect: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        switch self {
        case .signIn(let id, _): "signIn(staffID: \(id), secret: <redacted>)"
        case .loadWard: "loadWard"
        case .loadSite(let s): "loadSite(by staff \(s.staff.id))"
        case .loadViewedWard(let w, let s): "loadViewedWard(\(w.code), by staff \(s.staff.id))"
        case .record(let c, let s): "record(patient \(c.patientID), \(c.scale.displayName), by staff \(s.staff.id))"
        case .amend(let a, let s): "amend(entry \(a.entryID), by staff \(s.staff.id))"
        case .amendObservation(let a, let s): "amendObservation(\(a.table.rawValue) entry \(a.entryID), by staff \(s.staff.id))"
        case .markDoseEnteredInError(let c, let s): "markDoseEnteredInError(dose record \(c.administrationID), by staff \(s.staff.id))"
        case .recordDose(let c, let s):
            "recordDose(order \(c.orderID), \(c.status.rawValue), by staff \(s.staff.id), witness: \(c.witness == nil ? "none" : "<redacted>"))"
        case .writeOrder(let c, let s): "writeOrder(patient \(c.patientID), by staff \(s.staff.id))"
        case .changeOrder(let c, let s): "changeOrder(order \(c.orderID), by staff \(s.staff.id))"
        case .cosignOverride(let c, let s): "cosignOverride(override \(c.overrideID), by staff \(s.staff.id))"
        case .recordPRNEffect(let c, let s): "recordPRNEffect(follow-up \(c.followUpID), by staff \(s.staff.id))"
        case .quit: "quit"
        case .recordGated(let c, let s): "recordGated(patient \(c.assessment.patientID), \(c.assessment.scale.displayName), by staff \(s.staff.id))"
        case .recordVitals(let c, let s): "recordVitals(patient \(c.patientID), by staff \(s.staff.id))"
        case .recordSedation(let c, let s): "recordSedation(patient \(c.patientID), by staff \(s.staff.id))"
        case .recordException(let c, let s): "recordException(patient \(c.patientID), \(c.kind.code), by staff \(s.staff.id))"
        case .recordEvent(let c, let s): "recordEvent(patient \(c.patientID), \(c.kind.rawValue), by staff \(s.staff.id))"
        case .renderHandover(let s, let c): "renderHandover(\(s.start), \(c) columns)"
        case .printHandover(let s, let who): "printHandover(\(s.start), by staff \(who.staff.id))"
        case .addHandoverNote(let p, _, _, let who): "addHandoverNote(patient \(p), by staff \(who.staff.id))"
        case .withdrawHandoverNote(let n, _, let who): "withdrawHandoverNote(note \(n), by staff \(who.staff.id))"
        case .overrideSeverity(let p, _, let l, _, let who): "overrideSeverity(patient \(p), \(l?.rawValue ?? "rule"), by staff \(who.staff.id))"
        case .markHandover(let k, let p, _, let who): "markHandover(\(k.rawValue), patient \(p), by staff \(who.staff.id))"
        case .acknowledgeAlert(let a, _, let s): "acknowledgeAlert(\(a.key), by staff \(s.staff.id))"
        case .setSpO2Scale(let p, let two, _, let s): "setSpO2Scale(patient \(p), scale \(two ? 2 : 1), by staff \(s.staff.id))"
        case .escalateAlert(let a, _, _, let s): "escalateAlert(\(a.key), by staff \(s.staff.id))"
        case .syncAlerts(let s): "syncAlerts(\(s.open.count) open, \(s.missing.count) gone, version \(s.snapshotVersion))"
        case .admit(let r, let s): "admit(bed \(r.bed), by staff \(s.staff.id))"
        case .completeAdmission(let id, _, let s): "completeAdmission(patient \(id), by staff \(s.staff.id))"
        case .assignNurse(let bed, let k, let s): "assignNurse(bed \(bed), staff \(k.map(String.init) ?? "nobody"), by staff \(s.staff.id))"
        case .transfer(let p, let bed, let s): "transfer(patient \(p) to bed \(bed), by staff \(s.staff.id))"
        case .discharge(let p, let s): "discharge(patient \(p), by staff \(s.staff.id))"
        case .sendToWard(let p, let w, let s): "sendToWard(patient \(p) to \(w), by staff \(s.staff.id))"
        case .acceptTransfer(let t, let bed, let s): "acceptTransfer(#\(t) into bed \(bed), by staff \(s.staff.id))"
        case .useTheme(let name): "useTheme(\(name))"
        }
    }
    public var debugDescription: String { description }
}

extension SignInForm: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        "SignInForm(staffID: \(staffID), pin: <\(pin.count) chars>, field: \(field), pending: \(pending))"
    }
    public var debugDescription: String { description }
}

extension UnlockForm: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String { "UnlockForm(pin: <\(pin.count) chars>, pending: \(pending))" }
    public var debugDescription: String { description }
}
