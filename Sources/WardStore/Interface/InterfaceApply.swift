import Foundation
import WardCore

/// An ADT message applied in the store's transaction, through the same rows and checks as a
/// charge nurse's commands. Returns the sentence the ACK and the log carry; throws an
/// `ADTProblem` (AE) naming the field when the ward's record refuses it.
struct InterfaceApply {
    let db: any SQLTx
    let actor: Actor
    let session: Session
    let `protocol`: WardProtocol
    let now: Date
    /// PV1-3.1 of this ward.
    var pointOfCare = ""
    /// On a hospital's PostgreSQL ward: this ward's code and the register's wards (an A02 may send a
    /// patient to one of them, or bring one sent from one).
    var hospitalCode: String? = nil
    var hospital: [HospitalWard] = []

    func apply(_ m: ADTMessage) throws -> String {
        switch m.event {
        case .admit: return try admit(m)
        case .transfer: return try transfer(m)
        case .discharge: return try notice(m, "the PAS discharged the patient")
        case .cancelAdmit: return try notice(m, "the PAS cancelled the admission")
        case .update: return try update(m)
        case .cancelTransfer: return try cancelTransfer(m)
        case .cancelDischarge: return try cancelDischarge(m)
        }
    }

    private func patient(_ m: ADTMessage) throws -> Patient? {
        try db.row("\(Store.patientSelect(db.dialect)) WHERE p.mrn = ?", [m.mrn]).flatMap(Patient.init(row:))
    }

    /// The admitted patient the message names, or AE 204.
    private func admitted(_ m: ADTMessage) throws -> Patient {
        guard let p = try patient(m) else {
            throw ADTProblem(.error, "PID-3", 204, "No patient with MRN \(m.mrn) is on this ward's record")
        }
        if let d = p.dischargedAt {
            throw ADTProblem(.error, "PID-3", 204, "MRN \(m.mrn) was discharged from this ward at \(Timestamp.text(d)); a Wardline discharge is final")
        }
        return p
    }

    private enum BedState { case free, taken(String), notOnWard }
    private func bedState(_ bed: String) throws -> BedState {
        guard try db.scalar(Bool.self, "SELECT EXISTS (SELECT 1 FROM beds WHERE label = ?)", [bed]) == true else { return .notOnWard }
        if let who = try db.scalar(String.self, "SELECT p.name FROM current_beds c JOIN patients p ON p.id = c.patient_id WHERE c.bed = ?", [bed]) {
            return .taken(who)
        }
        return .free
    }

    private func admit(_ m: ADTMessage) throws -> String {
        if let p = try patient(m) {
            let when = p.dischargedAt.map { "was discharged at \(Timestamp.text($0)); re-admitting a known MRN is not built yet: ask ward IT" }
                ?? "is already admitted (\(p.bed.map { "bed \($0)" } ?? "waiting for a bed"))"
            throw ADTProblem(.error, "PID-3", 205, "MRN \(m.mrn) \(when)")
        }
        var bed: String? = nil, waiting = ""
        if let b = m.location?.bed {
            switch try bedState(b) {
            case .notOnWard: throw ADTProblem(.error, "PV1-3", 103, "Bed \(b) (PV1-3.3) is not a bed on this ward")
            case .taken: waiting = "; bed \(b) is taken: waiting for a bed on the overview"
            case .free: bed = b
            }
        } else {
            waiting = "; no bed in PV1-3: waiting for a bed on the overview"
        }
        if let t = m.eventTime, Timestamp.stored(t) > Timestamp.stored(now) {
            throw ADTProblem(.error, "EVN-2", 102, "EVN-2 (the admission time) is in the future")
        }
        if let problem = self.protocol.admission.dateOfBirth.problem(m.dateOfBirth!, on: now) {
            throw ADTProblem(.error, "PID-7", 102, problem)
        }
        let cmd = AdmitPatient(mrn: m.mrn, name: m.name!, dateOfBirth: m.dateOfBirth!, sex: m.sex ?? .unknown, bed: bed,
                               allergies: m.allergies, riskFlags: [Store.notAskedFlag], admittedAt: m.eventTime)
        let p = try Store.admitRows(db, cmd, actor: actor, session: session, protocol: self.protocol, at: now, via: "HL7 A01 \(m.header.controlID ?? "")")
        return "Admitted \(p.name) (MRN \(p.mrn))" + (bed.map { " to bed \($0)" } ?? "") + waiting
    }

    /// A02: to another ward of the hospital (sent with the record), from one (accepted into the bed
    /// with the record), or to another bed of this ward.
    private func transfer(_ m: ADTMessage) throws -> String {
        let via = "HL7 A02 \(m.header.controlID ?? "")"
        if let poc = m.location?.pointOfCare, poc != pointOfCare {
            let p = try admitted(m)
            guard let here = hospitalCode, let mine = hospital.first(where: { $0.code == here }),
                  let target = hospital.first(where: { $0.code == poc && !$0.isSite }) else {
                throw ADTProblem(.reject, "PV1-3", 204, "PV1-3 names the point of care \(poc), not a ward of this hospital database")
            }
            let t = try Store.transferOutRows(db, patientID: p.id, from: mine, to: target, actor: actor, session: session, at: now, via: via)
            return "\(p.name) (MRN \(p.mrn)) sent to \(target.name) with the record (transfer #\(t.id)); discharged here"
        }
        if try patient(m) == nil, let here = hospitalCode,
           let sent = try db.scalar(Int64.self, """
               SELECT t.id FROM hospital.transfers t WHERE t.to_ward = ? AND t.mrn = ?
                 AND NOT EXISTS (SELECT 1 FROM hospital.transfer_arrivals a WHERE a.transfer_id = t.id) ORDER BY t.id DESC LIMIT 1
               """, [here, m.mrn]) {
            guard let bed = m.location?.bed else {
                throw ADTProblem(.error, "PV1-3", 101, "PV1-3.3 (the bed) is empty: the charge nurse accepts the patient into a bed on the overview")
            }
            switch try bedState(bed) {
            case .notOnWard: throw ADTProblem(.error, "PV1-3", 103, "Bed \(bed) (PV1-3.3) is not a bed on this ward")
            case .taken(let who): throw ADTProblem(.error, "PV1-3", 207, "Bed \(bed) is taken by \(InputText.visible(who)); nothing was accepted")
            case .free: break
            }
            let a = try Store.acceptTransferRows(db, sent, bed: bed, here: here, actor: actor, session: session, at: now, via: via)
            return "Accepted \(a.patient.name) (MRN \(a.patient.mrn)) from \(a.fromWardName) into bed \(bed) with the record; "
                + "\(a.heldOrders.count) order\(a.heldOrders.count == 1 ? "" : "s") held until a prescriber re-confirms"
        }
        return try moveBed(m, to: m.location?.bed, field: "PV1-3", verb: "moved")
    }

    /// A02 within this ward, and A12 back: the patient to `bed`.
    private func moveBed(_ m: ADTMessage, to target: String?, field: String, verb: String) throws -> String {
        let p = try admitted(m)
        guard let bed = target else { throw ADTProblem(.error, field, 101, "\(field).3 (the bed) is empty") }
        if p.bed == bed { throw ADTProblem(.error, field, 207, "\(p.name) is already in bed \(bed)") }
        switch try bedState(bed) {
        case .notOnWard: throw ADTProblem(.error, field, 103, "Bed \(bed) (\(field).3) is not a bed on this ward")
        case .taken(let who): throw ADTProblem(.error, field, 207, "Bed \(bed) is taken by \(InputText.visible(who)); nothing was moved")
        case .free: break
        }
        try Store.place(db, patient: p.id, bed: bed, actor: actor, at: now)
        try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "patient.assign-bed",
                              patientMRN: p.mrn, details: ["patient": .int(Int(p.id)), "from": JSONValue.opt(p.bed), "to": .string(bed),
                                                          "via": .string("HL7 \(m.event.rawValue) \(m.header.controlID ?? "")")])
        return "\(p.name) (MRN \(p.mrn)) \(verb) from \(p.bed.map { "bed \($0)" } ?? "no bed") to bed \(bed)"
    }

    /// A12: back to PV1-6's bed when it names one on this ward, else the bed before the last move.
    private func cancelTransfer(_ m: ADTMessage) throws -> String {
        let p = try admitted(m)
        var target = m.priorLocation?.bed
        if target == nil {
            target = try db.scalar(String.self, "SELECT bed FROM placements WHERE patient_id = ? ORDER BY id DESC LIMIT 1 OFFSET 1", [p.id])
        }
        guard target != nil else { throw ADTProblem(.error, "PV1-6", 101, "PV1-6 names no bed and \(p.name) has no earlier bed to go back to") }
        return try moveBed(m, to: target, field: "PV1-6", verb: "moved back (transfer cancelled)")
    }

    /// A03 and A11: the charge nurse is told and discharges (a Wardline discharge is final and stops
    /// the patient's alerts, so a message does not do it on its own). The log row is the notice.
    private func notice(_ m: ADTMessage, _ what: String) throws -> String {
        let p = try admitted(m)
        try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "patient.pas-notice",
                              patientMRN: p.mrn, details: ["patient": .int(Int(p.id)), "event": .string(m.event.rawValue), "notice": .string(what)])
        return "Noted for \(p.name) (MRN \(p.mrn)): \(what); the charge nurse confirms the discharge on the overview"
    }

    /// A13: withdraws the PAS's discharge notice (a discharge the charge nurse confirmed stays).
    private func cancelDischarge(_ m: ADTMessage) throws -> String {
        let p = try admitted(m)
        let last = try db.scalar(String.self, """
            SELECT message_type FROM interface_messages WHERE patient_mrn = ? AND outcome = 'AA'
              AND message_type IN ('ADT^A03', 'ADT^A11', 'ADT^A13') ORDER BY id DESC LIMIT 1
            """, [p.mrn])
        guard last == "ADT^A03" else { throw ADTProblem(.error, "MSH-9", 207, "There is no PAS discharge of \(p.name) to cancel") }
        try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "patient.pas-notice",
                              patientMRN: p.mrn, details: ["patient": .int(Int(p.id)), "event": .string("A13"), "notice": .string("the PAS cancelled the discharge")])
        return "The PAS's discharge of \(p.name) (MRN \(p.mrn)) is withdrawn"
    }

    /// A08: the PAS's name, date of birth and sex replace the record's; its allergies are added to the
    /// record's (an allergy is never taken off the list by a message).
    private func update(_ m: ADTMessage) throws -> String {
        guard let p = try patient(m) else { throw ADTProblem(.error, "PID-3", 204, "No patient with MRN \(m.mrn) is on this ward's record") }
        let name = m.name ?? p.name, dob = m.dateOfBirth ?? p.dateOfBirth, sex = m.sex ?? p.sex
        let allergies = p.allergies + m.allergies.filter { a in !p.allergies.contains { $0.caseInsensitiveCompare(a) == .orderedSame } }
        if let problem = self.protocol.admission.dateOfBirth.problem(dob, on: now) { throw ADTProblem(.error, "PID-7", 102, problem) }
        var changed: [String] = []
        if name != p.name { changed.append("name") }
        if dob != p.dateOfBirth { changed.append("date of birth") }
        if sex != p.sex { changed.append("sex") }
        if allergies != p.allergies { changed.append("allergies") }
        guard !changed.isEmpty else { return "Nothing changed for \(p.name) (MRN \(p.mrn))" }
        var after = p
        after.name = name; after.dateOfBirth = dob; after.sex = sex; after.allergies = allergies
        try Store.insertPatientVersion(db, after, source: "HL7 A08 \(m.header.controlID ?? "")", actor: actor, at: now)
        try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "patient.update-demographics",
                              patientMRN: p.mrn, details: ["patient": .int(Int(p.id)), "changed": .string(changed.joined(separator: ", ")),
                                                          "before": .string("\(p.name); \(p.dateOfBirth); \(p.sex.rawValue); \(p.allergies.joined(separator: ", "))"),
                                                          "after": .string("\(name); \(dob); \(sex.rawValue); \(allergies.joined(separator: ", "))")])
        return "Updated \(name) (MRN \(p.mrn)): \(changed.joined(separator: ", "))"
    }
}
