import Foundation
import WardCore

extension Store {
    /// Checks a prescriber override typed by the nurse and records it with
    /// the dose (inside the dose's transaction). The prescriber must exist,
    /// be enabled and be allowed to write orders; a telephone instruction
    /// must have been read back; the reason is required.
    static func recordOverride(_ db: any SQLTx, _ o: DoseOverride, administration: AdministrationID, patient: Patient,
                               findings: [DoseFinding], actor: Actor, now: Date, terminal: String) throws -> [String: JSONValue] {
        let id = String(o.prescriberStaffID.trimmingCharacters(in: .whitespaces).prefix(64))
        guard !id.isEmpty else { throw CommandRefusal(.invalid, "Not recorded: an override names the prescriber who gave the instruction (their staff ID).") }
        guard let row = try db.row("SELECT id, name, role, disabled FROM staff WHERE staff_id = ?", [id]) else {
            throw CommandRefusal(.notPermitted, "Not recorded: no staff member has the ID \(InputText.visible(id)); an override names a prescriber on the staff list.")
        }
        let role = StaffRole(rawValue: row["role"]) ?? .studentNurse
        guard role.may(.writeOrder) else {
            throw CommandRefusal(.notPermitted, "Not recorded: \(InputText.visible(row["name"])) (\(InputText.visible(id))) is \(role.withArticle), not a prescriber; only a prescriber may instruct an override.")
        }
        guard (row["disabled"] as Int) == 0 else {
            throw CommandRefusal(.notPermitted, "Not recorded: \(InputText.visible(row["name"])) (\(InputText.visible(id))) is disabled and cannot instruct an override.")
        }
        let key: StaffKey = row["id"]
        guard key != actor.key else {
            throw CommandRefusal(.notPermitted, "Not recorded: a prescriber giving a dose against a safety rule names another prescriber's instruction; you cannot override for yourself.")
        }
        if o.instruction == .telephone && !o.readBack {
            throw CommandRefusal(.invalid, "Not recorded: a telephone instruction is read back to the prescriber before the dose; confirm the read-back.")
        }
        let reason = o.reason
        let rules = findings.map { "\($0.rule.rawValue): \($0.message)" }
        let json = String(decoding: try JSONEncoder.sorted.encode(rules), as: UTF8.self)
        let overrideID = try db.insert("""
            INSERT INTO dose_overrides(administration_id, patient_id, prescriber, instruction, read_back, reason, rules, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [administration, patient.id, key, o.instruction.rawValue, o.readBack, reason, json, actor.key,
                  Timestamp.text(now)])
        return ["override": .int(Int(overrideID)), "prescriber": .string(id), "instruction": .string(o.instruction.rawValue),
                "readBack": .bool(o.readBack), "overrideReason": .string(reason),
                "rules": .array(findings.map { .string($0.rule.rawValue) })]
    }

    /// The named prescriber co-signs an override (in the TUI or `wardline override sign`).
    @discardableResult
    public func cosignOverride(_ cmd: CosignOverride, session: Session) throws(CommandRefusal) -> RecordedOverride {
        try command("override.cosign", .writeOrder, session: session) { db, actor, now in
            guard let o = try db.row("\(Self.overrideSelect(db.dialect)) WHERE o.id = ?", [cmd.overrideID])
                .flatMap(RecordedOverride.init(row:)) else {
                throw CommandRefusal(.notFound, "Override #\(cmd.overrideID) does not exist.")
            }
            guard o.prescriber == actor.key else {
                throw CommandRefusal(.notPermitted, "Override #\(o.id) names \(InputText.visible(o.prescriberName)); only they co-sign it.")
            }
            if let at = o.signedAt {
                throw CommandRefusal(.conflict, "Override #\(o.id) was already co-signed at \(Self.hhmm(at)).")
            }
            let patient = try Self.patient(db, o.patientID)
            try db.execute("INSERT INTO override_cosignatures(override_id, signed_by, signed_at) VALUES (?, ?, ?)",
                           [o.id, actor.key, Timestamp.text(now)])
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "override.cosign",
                                  patientMRN: patient.mrn,
                                  details: ["override": .int(Int(o.id)), "administration": .int(Int(o.administrationID))])
            var signed = o
            signed.signedAt = Timestamp.stored(now)
            return signed
        }
    }

    /// Overrides of admitted patients, newest first (signed and unsigned).
    static func loadOverrides(_ db: any SQLTx, into s: inout WardSnapshot, scope: String = admittedPatients) throws {
        for r in try db.rows("\(overrideSelect(db.dialect)) WHERE o.patient_id IN (\(scope)) AND \(RowChecks.readable("dose_overrides", as: "o", db.dialect)) ORDER BY o.recorded_at DESC, o.id DESC") {
            guard let o = RecordedOverride(row: r) else { s.unreadable(r, "dose_overrides", "instruction unknown"); continue }
            s.doseOverrides[o.patientID, default: []].append(o)
        }
    }

    static func overrideSelect(_ d: SQLDialect) -> String { """
        SELECT o.*, \(RowChecks.staffName("p", d)) AS prescriber_name, \(RowChecks.staffName("r", d)) AS recorded_by_name, c.signed_at
        FROM dose_overrides o JOIN staff p ON p.id = o.prescriber JOIN staff r ON r.id = o.recorded_by
        LEFT JOIN override_cosignatures c ON c.override_id = o.id
        """ }
}

extension RecordedOverride {
    init?(row: SQLRow) {
        guard let instruction = OverrideInstruction(rawValue: row["instruction"]), let at = Timestamp.date(row["recorded_at"]) else { return nil }
        let rules = (try? JSONDecoder().decode([String].self, from: Data((row["rules"] as String? ?? "[]").utf8))) ?? []
        self.init(id: row["id"], administrationID: row["administration_id"], patientID: row["patient_id"], prescriber: row["prescriber"],
                  prescriberName: row["prescriber_name"], instruction: instruction, reason: row["reason"], rules: rules,
                  recordedByName: row["recorded_by_name"], recordedAt: at,
                  signedAt: (row["signed_at"] as String?).flatMap(Timestamp.date))
    }
}
