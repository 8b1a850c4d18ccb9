import Foundation
import WardCore

extension Store {
    /// Records a set of vital signs (any clinical role; students too).
    /// Implausible values are refused naming the field and range; NEWS2 SpO2
    /// scale 2 is read from the patient's record.
    public func record(_ cmd: RecordVitals, session: Session, protocol ward: WardProtocol) throws(CommandRefusal) -> VitalSignsEntry {
        do { try ward.entryLimits.check(cmd.vitals) } catch { throw CommandRefusal(.invalid, "Not saved: \(error.message).") }
        return try command("vitals.record", .recordObservation, session: session) { db, actor, now in
            let patient = try Self.admittedPatient(db, cmd.patientID)
            let takenAt = try Self.takenAt(cmd.takenAt, now: now, patient: patient)
            let entry = try Self.insertVitals(db, patientID: cmd.patientID, vitals: cmd.vitals, scale2: patient.spo2Scale2,
                                              takenAt: takenAt, now: now, actor: actor, ward: ward)
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "vitals.record",
                                  patientMRN: patient.mrn,
                                  details: ["entry": .int(Int(entry.id)), "vitals": Self.json(cmd.vitals),
                                            "news2": .int(ward.news2.score(cmd.vitals, scale2: patient.spo2Scale2).total),
                                            "scale2": .bool(patient.spo2Scale2), "takenAt": .string(Timestamp.text(takenAt))])
            return entry
        }
    }

    /// Records a RASS or POSS score (any clinical role).
    public func record(_ cmd: RecordSedation, session: Session) throws(CommandRefusal) -> SedationEntry {
        if case .rass(let v) = cmd.score, !SedationScore.rassRange.contains(v) {
            throw CommandRefusal(.invalid, "Not saved: RASS \(v) is not a RASS score; use −5 to +4.")
        }
        return try command("sedation.record", .recordObservation, session: session) { db, actor, now in
            let patient = try Self.admittedPatient(db, cmd.patientID)
            let takenAt = try Self.takenAt(cmd.takenAt, now: now, patient: patient)
            let entry = try Self.insertSedation(db, patientID: cmd.patientID, score: cmd.score, takenAt: takenAt,
                                                now: now, actor: actor)
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "sedation.record",
                                  patientMRN: patient.mrn,
                                  details: ["entry": .int(Int(entry.id)), "scale": .string(cmd.score.scale.rawValue),
                                            "value": .string(Self.code(cmd.score)), "takenAt": .string(Timestamp.text(takenAt))])
            return entry
        }
    }

    /// Records a check that was attempted and not done, with the reason; the
    /// next attempt is due after the protocol's re-check time for that reason.
    public func record(_ cmd: RecordMonitoringException, session: Session,
                       protocol ward: WardProtocol) throws(CommandRefusal) -> MonitoringExceptionEntry {
        let note = try cleaned(cmd.note, "Reason", max: 200)
        guard let minutes = ward.bedside.recheckMinutes[cmd.reason] else {
            throw CommandRefusal(.invalid, "The ward protocol has no re-check time for '\(cmd.reason.label)'; ask the clinical lead.")
        }
        return try command("exception.record", .recordObservation, session: session) { db, actor, now in
            let patient = try Self.admittedPatient(db, cmd.patientID)
            let recheck = Timestamp.stored(now.addingTimeInterval(TimeInterval(minutes * 60)))
            let id = try db.insert("""
                INSERT INTO monitoring_exceptions(patient_id, kind, reason, note, recheck_at, taken_at, entered_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [cmd.patientID, cmd.kind.code, cmd.reason.rawValue, note, Timestamp.text(recheck),
                      Timestamp.text(now), Timestamp.text(now), actor.key])
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "exception.record",
                                  patientMRN: patient.mrn,
                                  details: ["entry": .int(Int(id)), "kind": .string(cmd.kind.code), "reason": .string(cmd.reason.rawValue),
                                            "note": .string(note), "recheckAt": .string(Timestamp.text(recheck))])
            return MonitoringExceptionEntry(
                stamp: actor.stamp(id, patientID: cmd.patientID, recordedAt: Timestamp.stored(now)),
                kind: cmd.kind, reason: cmd.reason, note: note, recheckAt: recheck)
        }
    }

    /// Records a withdrawal assessment and, when answered, its dose-gate
    /// answers, in one transaction. Unanswered = the score is monitoring only.
    public func record(_ cmd: RecordGatedAssessment, session: Session,
                       protocol ward: WardProtocol) throws(CommandRefusal) -> (Assessment, DoseGateAnswers?) {
        let (total, band) = try Self.score(cmd.assessment.scale, cmd.assessment.items, ward)
        let a = cmd.assessment
        return try command("assessment.record", .recordObservation, session: session) { db, actor, now in
            let patient = try Self.admittedPatient(db, a.patientID)
            let takenAt = try Self.takenAt(a.takenAt, now: now, patient: patient)
            let out = try Self.insertAssessment(db, a, total: total, band: band, takenAt: takenAt, now: now, actor: actor)
            var details = Self.auditDetails(out)
            details["gate"] = JSONValue.null   // on record as unanswered
            if let g = cmd.gate {
                try db.execute("""
                    INSERT INTO dose_gates(assessment_id, recent_use_confirmed, can_communicate, entered_at, recorded_by)
                    VALUES (?, ?, ?, ?, ?)
                    """, [out.id, g.recentUseConfirmed, g.canCommunicate, Timestamp.text(now), actor.key])
                let d = ward.appropriateness.evaluate(recentUseConfirmed: g.recentUseConfirmed, canCommunicate: g.canCommunicate)
                details["gate"] = ["recentUseConfirmed": .bool(g.recentUseConfirmed), "canCommunicate": .bool(g.canCommunicate),
                                   "mayGuideDose": .bool(d.scaleMayGuideDosing)]
            }
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "assessment.record",
                                  patientMRN: patient.mrn, details: .object(details))
            return (out, cmd.gate)
        }
    }

    static func takenAt(_ asked: Date?, now: Date, patient: Patient) throws -> Date {
        let takenAt = Timestamp.stored(asked ?? now)
        // (Against `now` as stored too: a time read back from its text may land a hair above the clock.)
        guard takenAt <= Timestamp.stored(now) else { throw CommandRefusal(.invalid, "The time taken is in the future; check the date and time.") }
        guard takenAt >= patient.admittedAt else {
            throw CommandRefusal(.invalid, "The time taken is before \(InputText.visible(patient.name))'s admission; check the date and time.")
        }
        return takenAt
    }

    static func json(_ v: VitalSigns) -> JSONValue {
        ["respirationRate": .int(v.respirationRate), "spo2": .int(v.spo2), "onOxygen": .bool(v.onOxygen),
         "systolic": .int(v.systolic), "diastolic": v.diastolic.map { .int($0) } ?? .null, "pulse": .int(v.pulse),
         "acvpu": .string(v.acvpu.rawValue), "temperature": .string(String(format: "%.1f", v.temperature))]
    }

    static func code(_ s: SedationScore) -> String {
        switch s { case .rass(let v): String(v); case .poss(let l): l.rawValue }
    }

    static func insertVitals(_ db: any SQLTx, patientID: PatientID, vitals v: VitalSigns, scale2: Bool, takenAt: Date, now: Date,
                             actor: Actor, ward: WardProtocol, supersedes: EntryID? = nil, reason: String? = nil,
                             voided: Bool = false) throws -> VitalSignsEntry {
        let news2 = ward.news2.score(v, scale2: scale2).total
        let id = try db.insert("""
            INSERT INTO vital_signs(patient_id, respiration_rate, spo2, on_oxygen, systolic, diastolic, pulse, acvpu, temperature,
                                    scale2, news2_total, taken_at, entered_at, recorded_by, supersedes, amend_reason, entered_in_error)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [patientID, v.respirationRate, v.spo2, v.onOxygen, v.systolic, v.diastolic, v.pulse, v.acvpu.rawValue,
                  v.temperature, scale2, news2, Timestamp.text(takenAt), Timestamp.text(now), actor.key,
                  supersedes, reason, voided])
        return VitalSignsEntry(stamp: actor.stamp(id, patientID: patientID, recordedAt: takenAt,
                                                  supersedes: supersedes, reason: reason, voided: voided),
                               vitals: v, scale2: scale2)
    }

    static func insertSedation(_ db: any SQLTx, patientID: PatientID, score: SedationScore, takenAt: Date, now: Date, actor: Actor,
                               supersedes: EntryID? = nil, reason: String? = nil, voided: Bool = false) throws -> SedationEntry {
        let id = try db.insert("""
            INSERT INTO sedation_scores(patient_id, scale, value, taken_at, entered_at, recorded_by, supersedes, amend_reason, entered_in_error)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [patientID, score.scale.rawValue, code(score), Timestamp.text(takenAt), Timestamp.text(now), actor.key,
                  supersedes, reason, voided])
        return SedationEntry(stamp: actor.stamp(id, patientID: patientID, recordedAt: takenAt,
                                                supersedes: supersedes, reason: reason, voided: voided),
                             score: score)
    }
}
