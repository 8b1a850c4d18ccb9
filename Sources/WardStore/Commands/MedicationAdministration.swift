import Foundation
import WardCore

extension Store {
    /// Records a dose event: give / hold / refuse / omit a scheduled dose, or
    /// give a PRN dose. One IMMEDIATE transaction: the checks that stop a
    /// dose being given twice (the scheduled dose's existing event) and every
    /// dose-safety rule (`WardSnapshot.doseSafety`: hold rules on the latest
    /// observations, the 24-hour ceiling across every benzodiazepine dose,
    /// the PRN interval across the class, the order's PRN maximum, the PRN
    /// criteria) run under the write lock on what the database holds, so of
    /// two terminals trying at once exactly one commits, and no screen or
    /// script can record a dose the rules refuse without a prescriber's
    /// recorded override. A witness's PIN is checked before the transaction;
    /// their account is re-read inside it.
    @discardableResult
    public func recordDose(_ cmd: RecordDose, session: Session, protocol ward: WardProtocol) throws(CommandRefusal) -> Administration {
        let note = try cmd.note.map { (n: String) throws(CommandRefusal) -> String in try cleaned(n, "Note", max: 500) }
        if let r = cmd.reason, r.needsNote, note == nil {
            throw CommandRefusal(.invalid, "Reason \"\(r.label)\" needs a note saying what happened.")
        }
        if let w = cmd.wastedMg, !(w.isFinite && w > 0) {
            throw CommandRefusal(.invalid, "Wasted amount must be above 0 mg.")
        }
        var cmd = cmd
        if let o = cmd.override {
            guard cmd.status == .given else { throw CommandRefusal(.invalid, "An override applies to a dose given, not \(cmd.status.rawValue).") }
            cmd.override?.reason = try cleaned(o.reason, "Override reason", max: 500)
        }
        if cmd.reason == .prnPrescriberInstructed {
            throw CommandRefusal(.invalid, "Not recorded: a prescriber's instruction is recorded as an override naming the prescriber, how the instruction came and why.")
        }
        let witnessKey = try verifyWitness(cmd.witness, session: session, policy: ward.security)
        do {
            return try command("dose.\(cmd.status.rawValue)", .giveDose, session: session) { db, actor, now in
                try Self.recordDose(db, cmd, note: note, witnessKey: witnessKey, actor: actor, now: now,
                                    terminal: session.terminal, ward: ward)
            }
        } catch where error.kind == .storage {
            // The unique index is the backstop: say who won, if someone did.
            if let at = cmd.scheduledFor, let winner = try? read({ db in try Self.existingEvent(db, cmd.orderID, at) }) {
                throw winner
            }
            throw error
        }
    }

    /// The witness's staff key when the ID and PIN match (argon2id verify),
    /// nil when no witness was given. A wrong PIN counts toward the witness's
    /// sign-in lockout exactly like a failed sign-in (so the overlay cannot
    /// be used to guess PINs); a locked witness is refused. Failures are audited.
    private func verifyWitness(_ w: WitnessCredentials?, session: Session, policy: SecurityPolicy) throws(CommandRefusal) -> StaffKey? {
        guard let w else { return nil }
        let id = String(w.staffID.trimmingCharacters(in: .whitespaces).prefix(64))
        guard !id.isEmpty, !w.pin.isEmpty else { throw CommandRefusal(.invalid, "The witness types their staff ID and PIN.") }
        let row: SQLRow?
        do { row = try read { db in try db.row("SELECT id, pin_hash FROM staff WHERE staff_id = ?", [id]) } }
        catch { throw CommandRefusal(.storage, "Could not read the database: \(error)") }
        let now = clock.now()
        let staffKey = row?["id"] as StaffKey?
        func locked(_ until: Date) -> CommandRefusal {
            let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
            return CommandRefusal(.locked, "The witness's staff ID is locked after too many wrong PINs for \(minutes) more minute\(minutes == 1 ? "" : "s"); ask another member of staff.")
        }
        // Counted under the write lock before the PIN is checked, exactly like a sign-in (AttemptBudget).
        let reservation = try write { db in try AttemptBudget.reserve(db, staff: staffKey, typed: id, now: now, policy: policy) }
        guard case .granted(let attempt) = reservation else {
            if case .locked(let until) = reservation { throw locked(until) }
            throw CommandRefusal(.locked, "The witness's staff ID is locked; ask another member of staff.")
        }
        _ = SecretHasher.decoy
        let ok = SecretHasher.verify(w.pin, against: row?.text("pin_hash") ?? SecretHasher.decoy) && row != nil
        let lockedNow: Date? = try write { db in
            if let until = try AttemptBudget.lockedUntil(db, staff: staffKey, typed: id, now: now) { return until }
            let until = try AttemptBudget.settle(db, staff: staffKey, typed: id, attempt: attempt, success: ok, now: now, policy: policy)
            if !ok {
                try AuditChain.append(db, at: now, actor: session.staff.staffID, terminal: session.terminal,
                                      action: "witness.failed", details: ["witness": .string(InputText.visible(id))])
            }
            return until
        }
        if ok, let key = staffKey {
            if let lockedNow { throw locked(lockedNow) }   // a parallel wrong PIN locked it while this one was checked
            return key
        }
        throw CommandRefusal(.notPermitted, "Witness ID or PIN not accepted; nothing was recorded. The witness checks both and types them again.")
    }

    static func recordDose(_ db: any SQLTx, _ cmd: RecordDose, note: String?, witnessKey: StaffKey?, actor: Actor, now: Date,
                           terminal: String, ward: WardProtocol) throws -> Administration {
        guard let order = try currentOrder(db, cmd.orderID) else {
            throw CommandRefusal(.notFound, "Order #\(cmd.orderID) does not exist.")
        }
        let patient = try admittedPatient(db, order.patientID)
        let isPRN = order.kind == .prn
        let at = Timestamp.stored(cmd.givenAt ?? now)
        guard at <= Timestamp.stored(now) else { throw CommandRefusal(.invalid, "The time given is in the future; check the date and time.") }
        guard at >= patient.admittedAt else {
            throw CommandRefusal(.invalid, "The time given is before \(InputText.visible(patient.name))'s admission; check the date and time.")
        }
        var mg: Double
        switch (order.kind, cmd.scheduledFor) {
        case (.taper, let due?):
            let doses = MedicationSchedule.doses(for: order, on: due, rules: ward.taper, calendar: .wardDefault)
            guard let dose = doses.first(where: { abs($0.dueAt.timeIntervalSince(due)) < 0.5 }) else {
                throw CommandRefusal(.notFound, "Order #\(order.id) has no dose scheduled at \(hhmm(due)) that day (it may have been changed or held); reload the MAR.")
            }
            guard order.schedules(dose.dueAt, ward.administration) else {
                throw CommandRefusal(.invalid, "Not recorded: order #\(order.id) was written at \(hhmm(order.createdAt)); its \(hhmm(dose.dueAt)) dose that day came before it and is not due.")
            }
            mg = dose.mg
            if let winner = try existingEvent(db, order.id, dose.dueAt) { throw winner }
        case (.taper, nil):
            throw CommandRefusal(.invalid, "A taper dose needs its scheduled time.")
        case (.prn, nil):
            guard let terms = order.terms.prn else { throw CommandRefusal(.invalid, "Order #\(order.id) has no PRN terms.") }
            guard cmd.status == .given else {
                throw CommandRefusal(.invalid, "A PRN dose is either given or not recorded; hold, refuse and omit apply to scheduled doses.")
            }
            guard order.terms.status == .active else {
                throw CommandRefusal(.conflict, "Order #\(order.id) is \(order.terms.status.rawValue); no PRN may be given under it.")
            }
            mg = terms.doseMg
        case (.prn, _?):
            throw CommandRefusal(.invalid, "A PRN dose has no scheduled time.")
        }

        // Reasons: scheduled doses outside the window, and every hold/refuse/omit.
        let timing: DoseTiming = cmd.scheduledFor.map { ward.administration.timing(dueAt: $0, at: at) } ?? .onTime
        let needed: ReasonCode.Use?
        switch cmd.status {
        case .given: needed = isPRN ? nil : timing.reasonUse
        case .held: needed = .held
        case .refused: needed = .refused
        case .omitted: needed = .omitted
        }
        if let needed {
            guard let r = cmd.reason, r.use == needed else {
                let word: String
                switch timing {
                case .late(let m) where cmd.status == .given: word = "This dose is \(m) min past its \(ward.administration.windowMinutes)-min window: choose a late reason"
                case .early(let m) where cmd.status == .given: word = "This dose is \(m) min before its \(ward.administration.windowMinutes)-min window: choose an early reason"
                default: word = "Choose a reason for \(cmd.status.rawValue)"
                }
                throw CommandRefusal(.invalid, "Not recorded: \(word) (\(ReasonCode.codes(for: needed).map(\.rawValue).joined(separator: ", "))).")
            }
        } else if let r = cmd.reason, !(isPRN && r.use == .prnOverride) {
            throw CommandRefusal(.invalid, "Not recorded: reason \"\(r.label)\" does not apply to a dose given \(isPRN ? "PRN" : "on time").")
        }
        if cmd.status != .given && cmd.wastedMg != nil { throw CommandRefusal(.invalid, "Wastage is recorded with a given dose.") }
        if let w = cmd.wastedMg, w > mg - 1e-9 {
            throw CommandRefusal(.invalid, "Wasted \(fmtMg(w)) mg is not less than the \(fmtMg(mg)) mg dose; record an omitted dose instead.")
        }

        // Witness: the drug's schedule, a student giving a controlled drug, wastage.
        let schedule = ward.witness.schedule(for: order.drug)
        var needsWitness: String? = nil
        if cmd.status == .given && schedule.administration { needsWitness = "\(schedule.label) needs a second-person witness" }
        if cmd.status == .given && !actor.role.may(.giveControlledDrugAlone) {
            needsWitness = "a \(actor.role.title.lowercased()) gives a controlled drug only with a witness"
        }
        if cmd.wastedMg != nil && schedule.wastage { needsWitness = needsWitness ?? "wasting \(schedule.label) needs a witness" }
        var witness: WitnessRecord? = nil
        if let key = witnessKey {
            guard key != actor.key else {
                throw CommandRefusal(.notPermitted, "You cannot witness your own dose; ask a second member of staff.")
            }
            guard let w = try db.row("SELECT name, role, disabled, staff_id FROM staff WHERE id = ?", [key]) else {
                throw CommandRefusal(.notPermitted, "Witness not found.")
            }
            guard (w["disabled"] as Int) == 0 else {
                throw CommandRefusal(.notPermitted, "\(InputText.visible(w.text("name") ?? "?")) (\(w.text("staff_id") ?? "?")) is disabled and cannot witness; ask another member of staff.")
            }
            let role = StaffRole(rawValue: w["role"]) ?? .studentNurse
            guard role.may(.witnessControlledDrug) else {
                throw CommandRefusal(.notPermitted, "\(InputText.visible(w["name"])) is \(role.withArticle) and cannot witness: \(StaffAction.witnessControlledDrug.allowedRoles.map(\.withArticle).joined(separator: ", ")) can.")
            }
            witness = WitnessRecord(staff: key, name: w["name"])
        } else if let why = needsWitness {
            throw CommandRefusal(.notPermitted, "Not recorded: \(why). The witness types their ID and PIN.")
        }

        // Dose safety, on what the database holds now (under the write lock).
        var safety: DoseSafetyDecision? = nil
        if cmd.status == .given {
            let snap = try doseSafetySnapshot(db, patient: patient, at: at, now: now)
            // A dose is never checked against a record with holes in it: an unreadable entry could be the dose
            // that reaches the ceiling or the score that says hold.
            if let first = snap.unreadable.first {
                let more = snap.unreadable.count > 1 ? " and \(snap.unreadable.count - 1) more" : ""
                throw CommandRefusal(.unsafe, "Not recorded: this patient's record has an \(first.text)\(more), so the dose cannot be checked against it. Ward IT: run `wardline check` and restore or correct the entry.")
            }
            let decision = snap.doseSafety(order: order, mg: mg, scheduledFor: cmd.scheduledFor, at: at, protocol: ward)
            let judgement = cmd.reason == .prnClinicalJudgement
            if let why = decision.refusal(prescriberOverride: cmd.override != nil, nurseJudgement: judgement) {
                throw CommandRefusal(.unsafe, "Not recorded: \(why).")
            }
            safety = decision
        }

        let id = try db.insert("""
            INSERT INTO administrations(patient_id, order_id, order_version, is_prn, scheduled_for, status, drug, mg, route,
                                        at, recorded_by, reason, note, witness, observation_id, wasted_mg)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [patient.id, order.id, order.version, isPRN, cmd.scheduledFor.map(Timestamp.text),
                  cmd.status.rawValue, order.drug, mg, order.terms.route, Timestamp.text(at), actor.key,
                  cmd.reason?.rawValue, note, witness?.staff, cmd.observationID, cmd.wastedMg])
        var details: [String: JSONValue] = [
            "administration": .int(Int(id)), "order": .int(Int(order.id)), "version": .int(order.version),
            "status": .string(cmd.status.rawValue), "drug": .string(order.drug), "mg": .string(fmtMg(mg)),
            "prn": .bool(isPRN)]
        if let s = cmd.scheduledFor { details["scheduledFor"] = .string(Timestamp.text(s)) }
        if at != Timestamp.stored(now) { details["givenAt"] = .string(Timestamp.text(at)) }
        if let r = cmd.reason { details["reason"] = .string(r.rawValue) }
        if let n = note { details["note"] = .string(n) }
        if let w = witness { details["witness"] = .int(Int(w.staff)) }
        if let o = cmd.observationID { details["observation"] = .int(Int(o)) }
        if let w = cmd.wastedMg { details["wastedMg"] = .string(fmtMg(w)) }
        if let o = cmd.override, let safety {
            let recorded = try recordOverride(db, o, administration: id, patient: patient, findings: safety.findings, actor: actor,
                                              now: now, terminal: terminal)
            details.merge(recorded) { a, _ in a }
        }
        if isPRN && cmd.status == .given {
            let due = at.addingTimeInterval(TimeInterval(ward.reassessment.afterPRNMinutes * 60))
            try db.execute("INSERT INTO prn_followups(administration_id, patient_id, due_at) VALUES (?, ?, ?)",
                           [id, patient.id, Timestamp.text(due)])
        }
        try AuditChain.append(db, at: now, actor: actor.staffID, terminal: terminal, action: "dose.\(cmd.status.rawValue)",
                              patientMRN: patient.mrn, details: JSONValue.object(details))
        return Administration(id: id, patientID: patient.id, orderID: order.id, orderVersion: order.version, isPRN: isPRN,
                              scheduledFor: cmd.scheduledFor.map(Timestamp.stored), status: cmd.status, drug: order.drug,
                              mg: mg, route: order.terms.route, at: at, by: actor.key, byName: actor.name,
                              reason: cmd.reason, note: note, witness: witness, observationID: cmd.observationID,
                              wastedMg: cmd.wastedMg)
    }

    /// SQL condition: the administration `a` was not marked entered in error (it still counts).
    static let notVoided = "NOT EXISTS (SELECT 1 FROM administration_amendments x WHERE x.administration_id = a.id)"

    /// The refusal for a scheduled dose that already has an event that still counts, if it has one.
    static func existingEvent(_ db: any SQLTx, _ orderID: OrderID, _ due: Date) throws -> CommandRefusal? {
        guard let row = try db.row("""
            SELECT a.status, a.at, s.name FROM administrations a JOIN staff s ON s.id = a.recorded_by
            WHERE a.order_id = ? AND a.scheduled_for = ? AND \(notVoided)
            """, [orderID, Timestamp.text(due)]) else { return nil }
        let at = Timestamp.date(row["at"]) ?? due
        return CommandRefusal(.conflict, "Not recorded: the \(hhmm(due)) dose was already \(row.text("status") ?? "recorded") by \(InputText.visible(row.text("name") ?? "?")) at \(hhmm(at)).")
    }

    /// Records the result of a PRN follow-up re-assessment (its effectiveness).
    @discardableResult
    public func recordPRNEffect(_ cmd: RecordPRNEffect, session: Session) throws(CommandRefusal) -> PRNFollowUp {
        try command("prn.effect", .recordObservation, session: session) { db, actor, now in
            guard let f = try db.row("SELECT * FROM prn_followups WHERE id = ?", [cmd.followUpID]) else {
                throw CommandRefusal(.notFound, "Follow-up #\(cmd.followUpID) does not exist.")
            }
            if let done = try db.row("""
                SELECT r.recorded_at, s.name FROM prn_followup_results r JOIN staff s ON s.id = r.recorded_by WHERE r.followup_id = ?
                """, [cmd.followUpID]) {
                throw CommandRefusal(.conflict, "This follow-up was already recorded by \(InputText.visible(done["name"])) at \(Self.hhmm(Timestamp.date(done["recorded_at"]) ?? now)).")
            }
            let patient = try Self.patient(db, f["patient_id"])
            try db.execute("INSERT INTO prn_followup_results(followup_id, result, recorded_at, recorded_by) VALUES (?, ?, ?, ?)",
                           [cmd.followUpID, cmd.result.rawValue, Timestamp.text(now), actor.key])
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "prn.effect",
                                  patientMRN: patient.mrn,
                                  details: ["followUp": .int(Int(cmd.followUpID)), "result": .string(cmd.result.rawValue)])
            return PRNFollowUp(id: cmd.followUpID, administrationID: f["administration_id"], patientID: patient.id,
                               dueAt: Timestamp.date(f["due_at"]) ?? now, result: cmd.result, resultAt: Timestamp.stored(now),
                               resultByName: actor.name)
        }
    }
}

/// "2.5", "10" — mg as typed on a chart.
func fmtMg(_ v: Double) -> String { DoseText.mg(v) }
