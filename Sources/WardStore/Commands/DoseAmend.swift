import Foundation
import WardCore

extension Store {
    /// Marks a dose record (scheduled or PRN) entered in error, with the
    /// reason: an append-only amendment row names it; the record itself is
    /// never touched. From then on it does not count: a scheduled dose is
    /// due again (and may be recorded once more), and the 24-h total, the PRN
    /// cap and the PRN minimum interval leave it out. Own record: any clinical
    /// role; someone else's: a charge nurse. One transaction with its audit row.
    @discardableResult
    public func markDoseEnteredInError(administrationID: AdministrationID, reason: String,
                                       session: Session) throws(CommandRefusal) -> Administration {
        let reason = try cleaned(reason, "Reason for marking the dose record entered in error", max: 500)
        return try command("dose.amend", .amendOwnEntry, session: session) { db, actor, now in
            guard let row = try db.row("\(Self.administrationSelect(db.dialect)) WHERE a.id = ?", [administrationID]),
                  var a = Administration(row: row) else {
                throw CommandRefusal(.notFound, "Dose record #\(administrationID) does not exist.")
            }
            if a.by != actor.key { try actor.role.check(.amendAnyEntry) }
            if let v = a.enteredInError {
                throw CommandRefusal(.conflict, "Dose record #\(a.id) was already marked entered in error by \(InputText.visible(v.byName)) at \(Self.hhmm(v.at)) (\"\(InputText.visible(v.reason))\"); nothing to change.")
            }
            let patient = try Self.patient(db, a.patientID)
            try db.execute("""
                INSERT INTO administration_amendments(administration_id, reason, recorded_by, recorded_at) VALUES (?, ?, ?, ?)
                """, [a.id, reason, actor.key, Timestamp.text(now)])
            var before: [String: JSONValue] = [
                "status": .string(a.status.rawValue), "drug": .string(a.drug), "mg": .string(fmtMg(a.mg)),
                "at": .string(Timestamp.text(a.at)), "recordedBy": .int(Int(a.by)), "prn": .bool(a.isPRN)]
            if let s = a.scheduledFor { before["scheduledFor"] = .string(Timestamp.text(s)) }
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "dose.amend",
                                  patientMRN: patient.mrn,
                                  details: ["administration": .int(Int(a.id)), "order": .int(Int(a.orderID)),
                                            "change": .string("entered-in-error"), "reason": .string(reason),
                                            "before": .object(before), "after": .null])
            a.enteredInError = DoseEnteredInError(reason: reason, by: actor.key, byName: actor.name, at: Timestamp.stored(now))
            return a
        }
    }
}
