/// PINs never reach a log: effects and forms print with the secret hidden.
extension Effect: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        switch self {
        case .signIn(let id, _): "signIn(staffID: \(id), secret: <redacted>)"
        case .loadWard: "loadWard"
        case .record(let c, let s): "record(patient \(c.patientID), \(c.scale.displayName), by staff \(s.staff.id))"
        case .amend(let a, let s): "amend(entry \(a.entryID), by staff \(s.staff.id))"
        case .quit: "quit"
        case .acknowledgeAlert(let a, _, let s): "acknowledgeAlert(\(a.key), by staff \(s.staff.id))"
        case .escalateAlert(let a, _, _, let s): "escalateAlert(\(a.key), by staff \(s.staff.id))"
        case .syncAlerts(let a, let v): "syncAlerts(\(a.count) open, version \(v))"
        case .admit(let r, let s): "admit(bed \(r.bed), by staff \(s.staff.id))"
        case .assignNurse(let bed, let k, let s): "assignNurse(bed \(bed), staff \(k.map(String.init) ?? "nobody"), by staff \(s.staff.id))"
        case .transfer(let p, let bed, let s): "transfer(patient \(p) to bed \(bed), by staff \(s.staff.id))"
        case .discharge(let p, let s): "discharge(patient \(p), by staff \(s.staff.id))"
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
