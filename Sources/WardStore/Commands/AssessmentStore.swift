import Foundation
import WardCore

extension Store {
    /// Records a scored assessment (any clinical role). Items are validated
    /// by the scale definition; the band comes from the ward protocol.
    public func record(_ cmd: RecordAssessment, session: Session,
                       protocol ward: WardProtocol) throws(CommandRefusal) -> Assessment {
        let (total, band) = try Self.score(cmd.scale, cmd.items, ward)
        return try command("assessment.record", .recordObservation, session: session) { db, actor, now in
            let patient = try Self.admittedPatient(db, cmd.patientID)
            let takenAt = try Self.takenAt(cmd.takenAt, now: now, patient: patient)
            let out = try Self.insertAssessment(db, cmd, total: total, band: band, takenAt: takenAt, now: now, actor: actor)
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "assessment.record",
                                  patientMRN: patient.mrn, details: .object(Self.auditDetails(out)))
            return out
        }
    }

    /// Writes a new scored assessment row, taken at `takenAt`, and returns it.
    static func insertAssessment(_ db: any SQLTx, _ a: RecordAssessment, total: Int, band: String, takenAt: Date,
                                 now: Date, actor: Actor) throws -> Assessment {
        let id = try db.insert("""
            INSERT INTO assessments(patient_id, scale, items, total, band, taken_at, entered_at, recorded_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [a.patientID, a.scale.rawValue, JSONValue.ints(a.items).text, total, band,
                  Timestamp.text(takenAt), Timestamp.text(now), actor.key])
        return Assessment(id: id, patientID: a.patientID, scale: a.scale, items: a.items, total: total,
                          band: band, recordedBy: actor.key, recordedByName: actor.name, recordedAt: takenAt)
    }

    /// The "assessment.record" audit details of a newly recorded assessment.
    static func auditDetails(_ a: Assessment) -> [String: JSONValue] {
        ["entry": .int(Int(a.id)), "scale": .string(a.scale.rawValue), "items": JSONValue.ints(a.items),
         "total": .int(a.total), "band": .string(a.band), "takenAt": .string(Timestamp.text(a.recordedAt))]
    }

    /// Amends an entry: writes a new row that supersedes it, with the reason;
    /// the old row is never touched. Own entries: any clinical role; someone
    /// else's: a charge nurse. Returns the new (superseding) entry.
    @discardableResult
    public func amend(_ cmd: AmendEntry, session: Session, protocol ward: WardProtocol) throws(CommandRefusal) -> Assessment {
        let reason = try cleaned(cmd.reason, "Reason for the amendment", max: 500)
        return try command("assessment.amend", .amendOwnEntry, session: session) { db, actor, now in
            guard let row = try db.row("\(Self.assessmentSelect(db.dialect)) WHERE a.id = ?", [cmd.entryID]),
                  let old = Assessment(row: row) else {
                throw CommandRefusal(.notFound, "Entry #\(cmd.entryID) does not exist.")
            }
            if old.recordedBy != actor.key { try actor.role.check(.amendAnyEntry) }
            if let newer = try db.row("\(Self.assessmentSelect(db.dialect)) WHERE a.supersedes = ?", [old.id]) {
                let n: Int64 = newer["id"], who: String = newer["recorded_by_name"]
                throw CommandRefusal(.conflict, "Entry #\(old.id) was already amended by \(InputText.visible(who)) (entry #\(n)); amend entry #\(n) instead.")
            }
            if old.enteredInError {
                throw CommandRefusal(.conflict, "Entry #\(old.id) marks an entry as entered in error; it cannot be amended.")
            }
            let patient = try Self.patient(db, old.patientID)
            var items = old.items, total = old.total, band = old.band, voided = false
            switch cmd.change {
            case .enteredInError:
                voided = true
            case .correctedItems(let corrected):
                (total, band) = try Self.score(old.scale, corrected, ward)
                guard corrected != old.items else {
                    throw CommandRefusal(.invalid, "The corrected scores are the same as entry #\(old.id)'s; nothing to amend.")
                }
                items = corrected
            }
            let id = try db.insert("""
                INSERT INTO assessments(patient_id, scale, items, total, band, taken_at, entered_at, recorded_by,
                                        supersedes, amend_reason, entered_in_error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [old.patientID, old.scale.rawValue, JSONValue.ints(items).text, total, band,
                      Timestamp.text(old.recordedAt), Timestamp.text(now), actor.key, old.id, reason, voided])
            let before: JSONValue = ["items": JSONValue.ints(old.items), "total": .int(old.total), "band": .string(old.band)]
            let after: JSONValue = voided ? .null : ["items": JSONValue.ints(items), "total": .int(total), "band": .string(band)]
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "assessment.amend",
                                  patientMRN: patient.mrn,
                                  details: ["entry": .int(Int(old.id)), "amendment": .int(Int(id)),
                                            "change": .string(voided ? "entered-in-error" : "corrected"),
                                            "reason": .string(reason), "before": before, "after": after])
            return Assessment(id: id, patientID: old.patientID, scale: old.scale, items: items, total: total, band: band,
                              recordedBy: actor.key, recordedByName: actor.name, recordedAt: old.recordedAt,
                              supersedes: old.id, amendReason: reason, enteredInError: voided)
        }
    }

    static func score(_ scale: ScaleKind, _ items: [Int], _ ward: WardProtocol) throws(CommandRefusal) -> (Int, String) {
        guard let def = ScaleDefinition.catalog[scale] else {
            throw CommandRefusal(.invalid, "\(scale.displayName) cannot be scored here yet.")
        }
        let total: Int
        do { total = try def.total(items) } catch { throw CommandRefusal(.invalid, error.message) }
        guard let band = ward.band(scale, total: total) else {
            throw CommandRefusal(.invalid, "The ward protocol has no \(def.name) band for a total of \(total); ask the clinical lead to fix the protocol.")
        }
        return (total, band.name)
    }

    static func patient(_ db: any SQLTx, _ id: PatientID) throws -> Patient {
        guard let row = try db.row("\(patientSelect(db.dialect)) WHERE p.id = ?", [id]), let p = Patient(row: row) else {
            throw CommandRefusal(.notFound, "Patient #\(id) is not on record.")
        }
        return p
    }

    static func assessmentSelect(_ d: SQLDialect) -> String { """
        SELECT a.*, \(RowChecks.staffName("s", d)) AS recorded_by_name,
               (SELECT n.id FROM assessments n WHERE n.supersedes = a.id) AS superseded_by
        FROM assessments a
        JOIN staff s ON s.id = a.recorded_by
        """ }
    // (The correction, if any, is looked up per row through the unique index on `supersedes`: as a
    // join, PostgreSQL's planner chose to read the ward's whole history of entries (25 ms on a year).)
}

extension Assessment {
    init?(row: SQLRow) {
        guard let scale = ScaleKind(rawValue: row["scale"]),
              let items = Self.itemList(row["items"] as String)
                ?? (try? JSONDecoder().decode([Int].self, from: Data((row["items"] as String).utf8))),
              let taken = Timestamp.date(row["taken_at"]) else { return nil }
        self.init(id: row["id"], patientID: row["patient_id"], scale: scale, items: items, total: row["total"],
                  band: row["band"], recordedBy: row["recorded_by"], recordedByName: row["recorded_by_name"],
                  recordedAt: taken, supersedes: row["supersedes"], amendReason: row["amend_reason"],
                  supersededBy: row["superseded_by"], enteredInError: row["entered_in_error"])
    }
}

extension Assessment {
    /// The stored item scores, "[2,1,0,…]" (as written by the store), read without a JSON decoder:
    /// the ward snapshot reads every score of every admitted patient. nil for anything else.
    static func itemList(_ text: String) -> [Int]? {
        var out: [Int] = []
        var current: Int? = nil
        var negative = false
        var sawOpen = false, closed = false
        for b in text.utf8 {
            guard !closed else { if b == 32 { continue }; return nil }
            switch b {
            case UInt8(ascii: "["): guard !sawOpen else { return nil }; sawOpen = true
            case UInt8(ascii: "-"): guard sawOpen, current == nil, !negative else { return nil }; negative = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard sawOpen else { return nil }
                let (m, o1) = (current ?? 0).multipliedReportingOverflow(by: 10)
                let (v, o2) = m.addingReportingOverflow(Int(b - 48))
                guard !o1, !o2 else { return nil }
                current = v
            case UInt8(ascii: ","), UInt8(ascii: "]"):
                guard sawOpen else { return nil }
                if let c = current { out.append(negative ? -c : c) }
                else if b == UInt8(ascii: ",") || !out.isEmpty || negative { return nil }
                current = nil; negative = false
                if b == UInt8(ascii: "]") { closed = true }
            default: return nil   // anything else (spaces included): the JSON decoder reads it
            }
        }
        return closed ? out : nil
    }
}
