import Foundation
import WardCore

/// Admit a patient to the ward (charge nurse or admin).
public struct AdmitPatient: Sendable, Hashable {
    public var mrn: String
    public var name: String
    public var dateOfBirth: CalendarDate
    public var sex: Sex
    public var bed: String?
    public var substances: [SubstanceUse]
    public var allergies: [String]
    public var seizureHistory: Bool
    public var riskFlags: [String]
    public var admissionFlags: [AdmissionFlag]
    public var spo2Scale2: Bool
    /// When the patient arrived, if earlier than now (entered late).
    public var admittedAt: Date?

    public init(mrn: String, name: String, dateOfBirth: CalendarDate, sex: Sex, bed: String?,
                substances: [SubstanceUse] = [], allergies: [String] = [], seizureHistory: Bool = false,
                riskFlags: [String] = [], admissionFlags: [AdmissionFlag] = [], spo2Scale2: Bool = false,
                admittedAt: Date? = nil) {
        self.mrn = mrn; self.name = name; self.dateOfBirth = dateOfBirth; self.sex = sex; self.bed = bed
        self.substances = substances; self.allergies = allergies; self.seizureHistory = seizureHistory
        self.riskFlags = riskFlags; self.admissionFlags = admissionFlags; self.spo2Scale2 = spo2Scale2; self.admittedAt = admittedAt
    }
}

extension Store {
    /// Admits a patient. The date of birth must be a real past date giving an
    /// age in the protocol's range (`[admission.dateOfBirth]`, the shipped
    /// default unless the ward's protocol is passed).
    public func admit(_ cmd: AdmitPatient, session: Session,
                      protocol ward: WardProtocol = ProtocolLoader.builtInDefault()) throws(CommandRefusal) -> Patient {
        let checked = try cleanedAdmission(cmd)
        return try command("patient.admit", .admitPatient, session: session) { db, actor, now in
            try Self.admitRows(db, checked, actor: actor, session: session, protocol: ward, at: now)
        }
    }

    /// The admission's text checked (control characters, lengths); a problem is an `.invalid` refusal.
    func cleanedAdmission(_ cmd: AdmitPatient) throws(CommandRefusal) -> AdmitPatient {
        var out = cmd
        out.mrn = try cleaned(cmd.mrn, "MRN", max: 32)
        out.name = try cleaned(cmd.name, "Name", max: 100)
        out.allergies = []; out.riskFlags = []
        for a in cmd.allergies { out.allergies.append(try cleaned(a, "Allergy", max: 100)) }
        for f in cmd.riskFlags { out.riskFlags.append(try cleaned(f, "Risk flag", max: 100)) }
        out.substances = []
        for s in cmd.substances {
            if let mg = s.dailyMg, !(mg.isFinite && mg >= 0) {
                throw CommandRefusal(.invalid, "Daily mg of \(InputText.visible(s.substance)) must be a number 0 or more.")
            }
            out.substances.append(SubstanceUse(substance: try cleaned(s.substance, "Substance", max: 60),
                                               dailyAmount: try cleaned(s.dailyAmount, "Daily amount", max: 60, allowEmpty: true),
                                               dailyMg: s.dailyMg,
                                               duration: try cleaned(s.duration, "Duration of use", max: 60, allowEmpty: true),
                                               lastUse: s.lastUse, source: s.source,
                                               asEntered: try s.asEntered.map { t throws(CommandRefusal) in try cleaned(t, "Substance entry", max: 200) }))
        }
        return out
    }

    /// The admission's rows and audit event, in the caller's transaction (a nurse's command or the
    /// HL7 interface's message). `cmd` has been through `cleanedAdmission`.
    static func admitRows(_ db: any SQLTx, _ cmd: AdmitPatient, actor: Actor, session: Session,
                          protocol ward: WardProtocol, at now: Date, via: String? = nil) throws -> Patient {
        let mrn = cmd.mrn, name = cmd.name, allergies = cmd.allergies, flags = cmd.riskFlags, substances = cmd.substances
        if let problem = ward.admission.dateOfBirth.problem(cmd.dateOfBirth, on: now) { throw CommandRefusal(.invalid, problem) }
        if cmd.spo2Scale2 && !actor.role.may(.writeOrder) {
            throw CommandRefusal(.notPermitted, "SpO2 scale 2 is a prescriber's decision: admit on scale 1; a prescriber then sets scale 2 (with a reason).")
        }
        let admittedAt = Timestamp.stored(cmd.admittedAt ?? now)
        guard admittedAt <= Timestamp.stored(now) else { throw CommandRefusal(.invalid, "The admission time is in the future; check the date and time.") }
        if try db.scalar(Bool.self, "SELECT EXISTS (SELECT 1 FROM patients WHERE mrn = ?)", [mrn]) == true {
            throw CommandRefusal(.conflict, "A patient with MRN \(mrn) is already on record; check the MRN.")
        }
        let enc = JSONEncoder(); enc.outputFormatting = .sortedKeys
        func json<E: Encodable>(_ v: E) throws -> String { String(decoding: try enc.encode(v), as: UTF8.self) }
        let id = try db.insert("""
            INSERT INTO patients(mrn, name, date_of_birth, sex, admitted_at, substances, allergies,
                                 seizure_history, risk_flags, spo2_scale2, admitted_by, entered_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [mrn, name, cmd.dateOfBirth.description, cmd.sex.rawValue, Timestamp.text(admittedAt),
                  try json(substances), try json(allergies), cmd.seizureHistory, try json(StoredRiskFlags(manual: flags, admission: cmd.admissionFlags)),
                  cmd.spo2Scale2, actor.key, Timestamp.text(now)])
        if let bed = cmd.bed { try Self.place(db, patient: id, bed: bed, actor: actor, at: now) }
        var details: [String: JSONValue] = ["patient": .int(Int(id)), "name": .string(name), "bed": JSONValue.opt(cmd.bed),
                                            "admittedAt": .string(Timestamp.text(admittedAt))]
        if let via { details["via"] = .string(via) }
        try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "patient.admit",
                              patientMRN: mrn, details: .object(details))
        return Patient(id: id, mrn: mrn, name: name, dateOfBirth: cmd.dateOfBirth, sex: cmd.sex,
                       admittedAt: admittedAt, bed: cmd.bed, substances: substances, allergies: allergies,
                       seizureHistory: cmd.seizureHistory, riskFlags: flags, admissionFlags: cmd.admissionFlags,
                       spo2Scale2: cmd.spo2Scale2)
    }

    public func discharge(patientID: PatientID, session: Session) throws(CommandRefusal) {
        try command("patient.discharge", .dischargePatient, session: session) { db, actor, now in
            let p = try Self.admittedPatient(db, patientID)
            try db.execute("INSERT INTO discharges(patient_id, discharged_at, discharged_by) VALUES (?, ?, ?)",
                           [patientID, Timestamp.text(now), actor.key])
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "patient.discharge",
                                  patientMRN: p.mrn, details: ["patient": .int(Int(patientID)), "bed": JSONValue.opt(p.bed)])
        }
    }

    public func assignBed(patientID: PatientID, bed: String, session: Session) throws(CommandRefusal) {
        try command("patient.assign-bed", .assignBed, session: session) { db, actor, now in
            let p = try Self.admittedPatient(db, patientID)
            guard p.bed != bed else { throw CommandRefusal(.invalid, "\(InputText.visible(p.name)) is already in bed \(bed).") }
            try Self.place(db, patient: patientID, bed: bed, actor: actor, at: now)
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "patient.assign-bed",
                                  patientMRN: p.mrn, details: ["patient": .int(Int(patientID)), "from": JSONValue.opt(p.bed), "to": .string(bed)])
        }
    }

    static func place(_ db: any SQLTx, patient: PatientID, bed: String, actor: Actor, at now: Date) throws {
        guard try db.scalar(Bool.self, "SELECT EXISTS (SELECT 1 FROM beds WHERE label = ?)", [bed]) == true else {
            throw CommandRefusal(.invalid, "There is no bed \(InputText.visible(bed)) on this ward.")
        }
        if let occupant = try db.scalar(String.self, "SELECT p.name FROM current_beds c JOIN patients p ON p.id = c.patient_id WHERE c.bed = ?",
                                        [bed]) {
            throw CommandRefusal(.conflict, "Bed \(bed) is taken by \(InputText.visible(occupant)); choose a free bed.")
        }
        try db.execute("INSERT INTO placements(patient_id, bed, placed_at, placed_by) VALUES (?, ?, ?, ?)",
                       [patient, bed, Timestamp.text(now), actor.key])
    }

    static func admittedPatient(_ db: any SQLTx, _ id: PatientID) throws -> Patient {
        guard let row = try db.row("\(Self.patientSelect(db.dialect)) WHERE p.id = ?", [id]),
              let p = Patient(row: row) else {
            throw CommandRefusal(.notFound, "Patient #\(id) is not on record.")
        }
        guard p.dischargedAt == nil else {
            throw CommandRefusal(.invalid, "\(InputText.visible(p.name)) has been discharged.")
        }
        return p
    }

    /// A patient row is never skipped: a column that cannot be read is replaced
    /// here by a stand-in that says so (the name says "unreadable entry …"), the
    /// admission time falls back to when the admission was entered or the first
    /// placement, and the row is listed among the snapshot's unreadable entries.
    static func patientSelect(_ d: SQLDialect) -> String { """
        SELECT p.id,
               CASE WHEN \(RowChecks.isType("p.mrn", "text", d)) THEN p.mrn ELSE '(unreadable #' || p.id || ')' END AS mrn,
               CASE WHEN dm.id IS NOT NULL AND \(RowChecks.isType("dm.name", "text", d)) THEN dm.name
                    WHEN \(RowChecks.isType("p.name", "text", d)) THEN p.name ELSE 'unreadable entry #' || p.id || ' (patients, name is not text)' END AS name,
               CASE WHEN dm.id IS NOT NULL AND \(RowChecks.isDate("dm.date_of_birth", d)) THEN dm.date_of_birth
                    WHEN \(RowChecks.isDate("p.date_of_birth", d)) THEN p.date_of_birth ELSE '1900-01-01' END AS date_of_birth,
               CASE WHEN dm.id IS NOT NULL AND \(RowChecks.isType("dm.sex", "text", d)) THEN dm.sex WHEN \(RowChecks.isType("p.sex", "text", d)) THEN p.sex ELSE 'unknown' END AS sex,
               CASE WHEN \(RowChecks.isTime("p.admitted_at", d)) THEN p.admitted_at
                    WHEN \(RowChecks.isTime("p.entered_at", d)) THEN p.entered_at
                    ELSE coalesce((SELECT min(placed_at) FROM placements WHERE patient_id = p.id AND \(RowChecks.isTime("placed_at", d))),
                                  '1970-01-01T00:00:00.000Z') END AS admitted_at,
               CASE WHEN dm.id IS NOT NULL AND \(RowChecks.isType("dm.substances", "text", d)) THEN dm.substances
                    WHEN \(RowChecks.isType("p.substances", "text", d)) THEN p.substances END AS substances,
               CASE WHEN dm.id IS NOT NULL AND \(RowChecks.isType("dm.allergies", "text", d)) THEN dm.allergies
                    WHEN \(RowChecks.isType("p.allergies", "text", d)) THEN p.allergies END AS allergies,
               CASE WHEN dm.id IS NOT NULL AND \(RowChecks.isType("dm.risk_flags", "text", d)) THEN dm.risk_flags
                    WHEN \(RowChecks.isType("p.risk_flags", "text", d)) THEN p.risk_flags END AS risk_flags,
               CASE WHEN dm.id IS NOT NULL AND \(RowChecks.isType("dm.seizure_history", "integer", d)) THEN dm.seizure_history
                    WHEN \(RowChecks.isType("p.seizure_history", "integer", d)) THEN p.seizure_history ELSE 0 END AS seizure_history,
               CASE WHEN \(RowChecks.isType("p.spo2_scale2", "integer", d)) THEN p.spo2_scale2 ELSE 0 END AS spo2_scale2,
               c.bed AS bed, CASE WHEN \(RowChecks.isTime("d.discharged_at", d)) THEN d.discharged_at END AS discharged_at,
               (SELECT s.scale2 FROM spo2_scale_decisions s WHERE s.patient_id = p.id ORDER BY s.id DESC LIMIT 1) AS scale2_decided
        FROM patients p
        LEFT JOIN current_beds c ON c.patient_id = p.id
        LEFT JOIN discharges d ON d.patient_id = p.id
        LEFT JOIN patient_demographics dm ON dm.id = (SELECT max(id) FROM patient_demographics WHERE patient_id = p.id)
        """ }
}

extension Patient {
    init?(row: SQLRow) {
        let dec = JSONDecoder()
        func decode<T: Decodable>(_ t: T.Type, _ col: String) -> T? {
            (row[col] as String?).flatMap { try? dec.decode(T.self, from: Data($0.utf8)) }
        }
        // risk_flags: a list of free-text flags (before issue 13), or {manual, admission}.
        let flags = decode(StoredRiskFlags.self, "risk_flags") ?? StoredRiskFlags(manual: decode([String].self, "risk_flags") ?? [])
        guard let dob = CalendarDate(stored: row["date_of_birth"] as String),
              let admitted = Timestamp.date(row["admitted_at"]) else { return nil }
        self.init(id: row["id"], mrn: row["mrn"], name: row["name"], dateOfBirth: dob,
                  sex: Sex(rawValue: row["sex"]) ?? .unknown, admittedAt: admitted, bed: row["bed"],
                  substances: decode([SubstanceUse].self, "substances") ?? [],
                  allergies: decode([String].self, "allergies") ?? [],
                  seizureHistory: row["seizure_history"], riskFlags: flags.manual, admissionFlags: flags.admission,
                  spo2Scale2: (row["scale2_decided"] as Bool?) ?? row["spo2_scale2"],
                  dischargedAt: (row["discharged_at"] as String?).flatMap(Timestamp.date))
    }
}

/// The `risk_flags` column since issue 13: the free-text flags and the
/// admission flags. Older rows hold only the list of free-text flags.
struct StoredRiskFlags: Codable {
    var manual: [String]
    var admission: [AdmissionFlag] = []
}
