import Foundation
import WardCore

extension Store {
    /// Amends a vital-signs, sedation or monitoring-exception entry: a new row
    /// supersedes it with the reason; the old row is never touched. Own
    /// entries: any clinical role; someone else's: a charge nurse. Returns the
    /// new entry's ID.
    @discardableResult
    public func amend(_ cmd: AmendObservation, session: Session, protocol ward: WardProtocol) throws(CommandRefusal) -> EntryID {
        let reason = try cleaned(cmd.reason, "Reason for the amendment", max: 500)
        let table: String
        switch cmd.table {
        case .vitals: table = "vital_signs"
        case .sedation: table = "sedation_scores"
        case .exception: table = "monitoring_exceptions"
        }
        if case .correctedVitals(let v) = cmd.change {
            do { try ward.entryLimits.check(v) } catch { throw CommandRefusal(.invalid, "Not saved: \(error.message).") }
        }
        return try command("\(cmd.table.rawValue).amend", .amendOwnEntry, session: session) { db, actor, now in
            guard let old = try db.row("SELECT * FROM \(table) WHERE id = ?", [cmd.entryID]) else {
                throw CommandRefusal(.notFound, "Entry #\(cmd.entryID) does not exist.")
            }
            let recordedBy: Int64 = old["recorded_by"]
            if recordedBy != actor.key { try actor.role.check(.amendAnyEntry) }
            if let n = try db.scalar(Int64.self, "SELECT id FROM \(table) WHERE supersedes = ?", [cmd.entryID]) {
                throw CommandRefusal(.conflict, "Entry #\(cmd.entryID) was already amended (entry #\(n)); amend entry #\(n) instead.")
            }
            if (old["entered_in_error"] as Int) != 0 {
                throw CommandRefusal(.conflict, "Entry #\(cmd.entryID) marks an entry as entered in error; it cannot be amended.")
            }
            let patientID: PatientID = old["patient_id"]
            let patient = try Self.patient(db, patientID)
            let takenAt = Timestamp.date(old["taken_at"]) ?? now
            var voided = false
            let before: JSONValue, after: JSONValue, newID: EntryID
            switch (cmd.table, cmd.change) {
            case (_, .enteredInError):
                voided = true
                newID = try Self.copyVoided(db, table: table, old: cmd.entryID, reason: reason, now: now, actor: actor)
                before = ["entry": .int(Int(cmd.entryID))]
                after = .null
            case (.vitals, .correctedVitals(let v)):
                guard let oldVitals = VitalSigns(row: old) else { throw CommandRefusal(.storage, "Entry #\(cmd.entryID) could not be read.") }
                guard oldVitals != v else { throw CommandRefusal(.invalid, "The corrected values are the same as entry #\(cmd.entryID)'s; nothing to amend.") }
                let e = try Self.insertVitals(db, patientID: patientID, vitals: v, scale2: old["scale2"], takenAt: takenAt, now: now,
                                              actor: actor, ward: ward, supersedes: cmd.entryID, reason: reason)
                newID = e.id
                before = Self.json(oldVitals); after = Self.json(v)
            case (.sedation, .correctedSedation(let s)):
                guard let oldScore = SedationScore(scale: old["scale"], value: old["value"]) else {
                    throw CommandRefusal(.storage, "Entry #\(cmd.entryID) could not be read.")
                }
                guard oldScore != s else { throw CommandRefusal(.invalid, "The corrected score is the same as entry #\(cmd.entryID)'s; nothing to amend.") }
                let e = try Self.insertSedation(db, patientID: patientID, score: s, takenAt: takenAt, now: now, actor: actor,
                                                supersedes: cmd.entryID, reason: reason)
                newID = e.id
                before = .string(oldScore.display); after = .string(s.display)
            default:
                throw CommandRefusal(.invalid, "That correction does not fit a \(cmd.table.rawValue) entry; mark it entered in error and record it again.")
            }
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "\(cmd.table.rawValue).amend",
                                  patientMRN: patient.mrn,
                                  details: ["entry": .int(Int(cmd.entryID)), "amendment": .int(Int(newID)),
                                            "change": .string(voided ? "entered-in-error" : "corrected"),
                                            "reason": .string(reason), "before": before, "after": after])
            return newID
        }
    }

    /// A copy of the old row marked entered in error, superseding it.
    private static func copyVoided(_ db: any SQLTx, table: String, old: EntryID, reason: String, now: Date, actor: Actor) throws -> EntryID {
        let cols = try db.columnNames(table).filter { !["id", "entered_at", "recorded_by", "supersedes", "amend_reason", "entered_in_error"].contains($0) }
        let list = cols.joined(separator: ", ")
        return try db.insert("""
            INSERT INTO \(table)(\(list), entered_at, recorded_by, supersedes, amend_reason, entered_in_error)
            SELECT \(list), ?, ?, id, ?, 1 FROM \(table) WHERE id = ?
            """, [Timestamp.text(now), actor.key, reason, old])
    }
}

extension VitalSigns {
    init?(row: SQLRow) {
        guard let acvpu = ACVPU(rawValue: row["acvpu"]) else { return nil }
        self.init(respirationRate: row["respiration_rate"], spo2: row["spo2"], onOxygen: row["on_oxygen"],
                  systolic: row["systolic"], diastolic: row["diastolic"], pulse: row["pulse"], acvpu: acvpu,
                  temperature: row["temperature"])
    }
}

extension SedationScore {
    init?(scale: String, value: String) {
        switch scale {
        case "rass": guard let v = Int(value), SedationScore.rassRange.contains(v) else { return nil }; self = .rass(v)
        case "poss": guard let l = POSSLevel(rawValue: value) else { return nil }; self = .poss(l)
        default: return nil
        }
    }
}
