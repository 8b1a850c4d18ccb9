import Foundation
import WardCore
import WardPostgres

/// Transfers between a hospital's wards (issue 19). The sending ward's charge nurse sends the
/// patient: in one transaction of the sending ward the patient is discharged "transferred to …" and
/// the whole record goes into `hospital.transfers` (`PostgresHospital.installTransfers`). The
/// receiving ward's charge nurse accepts them into a bed: in one transaction of the receiving ward
/// the record is entered into its tables with new numbers (its authors as disabled staff rows unless
/// they are on this ward's staff already), every active order is held until a prescriber of this
/// ward re-confirms it, and the arrival is written. Each ward's audit chain names the transfer, the
/// digest of the record carried and the sending ward's chain head.
extension Store {
    /// Sends an admitted patient to another ward of the hospital.
    @discardableResult
    public func transferOut(patientID: PatientID, to code: String, session: Session) throws(CommandRefusal) -> WardTransfer {
        guard let here = postgresWardCode else {
            throw CommandRefusal(.invalid, "Transfers are between wards in one hospital database (PostgreSQL); on a ward of its own, discharge the patient and send the printed record.")
        }
        let wards = try hospitalWards()
        guard let mine = wards.first(where: { $0.code == here }), !mine.isSite else {
            throw CommandRefusal(.invalid, "This ward is not in the hospital's register (wardline ward add), so it cannot send a patient to another ward.")
        }
        guard let target = wards.first(where: { $0.code == code }), !target.isSite else {
            let names = wards.filter { !$0.isSite && $0.code != here }.map { "\($0.code) (\(InputText.visible($0.name)))" }
            throw CommandRefusal(.invalid, "There is no ward \(InputText.visible(code)) in the hospital's register; wards: \(names.isEmpty ? "none other" : names.joined(separator: ", ")).")
        }
        guard target.code != here else { throw CommandRefusal(.invalid, "The patient is on \(InputText.visible(mine.name)) already; choose another ward.") }
        return try command("patient.transfer-out", .dischargePatient, session: session) { db, actor, now in
            try Self.transferOutRows(db, patientID: patientID, from: mine, to: target, actor: actor, session: session, at: now)
        }
    }

    /// The sending ward's rows of a transfer, in the caller's transaction (a charge nurse's command or
    /// the HL7 interface's A02).
    static func transferOutRows(_ db: any SQLTx, patientID: PatientID, from mine: HospitalWard, to target: HospitalWard,
                                actor: Actor, session: Session, at now: Date, via: String? = nil) throws -> WardTransfer {
            let here = mine.code
            let p = try Self.admittedPatient(db, patientID)
            let version = try db.scalar(Int.self, "SELECT count(*) FROM schema_migrations") ?? 0
            let head = try db.row("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")
            let package = try TransferPackage.collect(db, patient: patientID, ward: here, schemaVersion: version).encoded
            let id = try db.insert("""
                INSERT INTO hospital.transfers (from_ward, to_ward, mrn, patient_name, sent_at, sent_by, sent_by_name,
                                                from_seq, from_hash, schema_version, package)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [here, target.code, p.mrn, p.name, Timestamp.text(now), actor.staffID, actor.name,
                      head?.integer("seq") ?? 0, head?.text("hash") ?? "", version, package])
            try db.execute("INSERT INTO discharges(patient_id, discharged_at, discharged_by) VALUES (?, ?, ?)",
                           [patientID, Timestamp.text(now), actor.key])
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "patient.transfer-out",
                                  patientMRN: p.mrn, details: .object(["patient": .int(Int(patientID)), "bed": JSONValue.opt(p.bed),
                                                               "to": .string(target.code), "transfer": .int(Int(id)),
                                                               "record": .string(TransferPackage.digest(package))].merging(via.map { ["via": JSONValue.string($0)] } ?? [:]) { a, _ in a }))
            // The receiving ward's terminals hear of it at once (their feed re-reads the ward).
            try db.execute("SELECT pg_notify(?, ?)", [try Self.channel(target.code), "0 transfer.sent"])
            return WardTransfer(id: id, fromWard: here, fromWardName: mine.name, toWard: target.code, toWardName: target.name,
                                mrn: p.mrn, patientName: p.name, sentAt: Timestamp.stored(now), sentByName: actor.name, arrival: nil)
    }

    /// Transfers to or from this ward, newest first (none on SQLite).
    public func transfers() throws(CommandRefusal) -> [WardTransfer] {
        guard let here = postgresWardCode else { return [] }
        do {
            return try read { db in try Self.transfers(db, ward: here) }
        } catch let r as CommandRefusal { throw r } catch {
            throw CommandRefusal(.storage, "Could not read the hospital's transfers: \(error)")
        }
    }

    static func transfers(_ db: any SQLTx, ward here: String, checked: Bool = false) throws -> [WardTransfer] {
        guard try checked || hasTransfers(db) else { return [] }
        return try db.rows("""
            SELECT t.id, t.from_ward, fw.name AS from_name, t.to_ward, tw.name AS to_name, t.mrn, t.patient_name,
                   t.sent_at, t.sent_by_name, a.bed, a.accepted_at, a.accepted_by_name
            FROM hospital.transfers t JOIN hospital.wards fw ON fw.code = t.from_ward JOIN hospital.wards tw ON tw.code = t.to_ward
            LEFT JOIN hospital.transfer_arrivals a ON a.transfer_id = t.id
            WHERE t.from_ward = ? OR t.to_ward = ? ORDER BY t.id DESC
            """, [here, here]).compactMap { r in
            guard let id = r.integer("id"), let from = r.text("from_ward"), let to = r.text("to_ward"),
                  let sent = r.text("sent_at").flatMap(Timestamp.date) else { return nil }
            var arrival: WardTransfer.Arrival? = nil
            if let bed = r.text("bed"), let at = r.text("accepted_at").flatMap(Timestamp.date) {
                arrival = .init(bed: bed, acceptedAt: at, acceptedByName: r.text("accepted_by_name") ?? "")
            }
            return WardTransfer(id: id, fromWard: from, fromWardName: r.text("from_name") ?? from, toWard: to,
                                toWardName: r.text("to_name") ?? to, mrn: r.text("mrn") ?? "", patientName: r.text("patient_name") ?? "",
                                sentAt: sent, sentByName: r.text("sent_by_name") ?? "", arrival: arrival)
        }
    }

    /// Accepts a patient sent to this ward into a free bed, with their record.
    @discardableResult
    public func acceptTransfer(_ id: Int64, bed: String, session: Session) throws(CommandRefusal) -> TransferArrivalSummary {
        guard let here = postgresWardCode else { throw CommandRefusal(.invalid, "Transfers are between wards in one hospital database (PostgreSQL).") }
        return try command("patient.transfer-in", .admitPatient, session: session) { db, actor, now in
            try Self.acceptTransferRows(db, id, bed: bed, here: here, actor: actor, session: session, at: now)
        }
    }

    /// The receiving ward's rows of an accepted transfer, in the caller's transaction (a charge
    /// nurse's command or the HL7 interface's A02).
    static func acceptTransferRows(_ db: any SQLTx, _ id: Int64, bed: String, here: String, actor: Actor, session: Session,
                                   at now: Date, via: String? = nil) throws -> TransferArrivalSummary {
            guard let t = try db.row("""
                SELECT t.*, w.name AS from_name FROM hospital.transfers t JOIN hospital.wards w ON w.code = t.from_ward
                WHERE t.id = ? AND t.to_ward = ?
                """, [id, here]) else {
                throw CommandRefusal(.notFound, "No transfer #\(id) was sent to this ward (wardline transfer list shows those that were).")
            }
            if let taken = try db.row("SELECT bed, accepted_by_name FROM hospital.transfer_arrivals WHERE transfer_id = ?", [id]) {
                throw CommandRefusal(.conflict, "Transfer #\(id) was accepted already, into bed \(taken.text("bed") ?? "?") by \(InputText.visible(taken.text("accepted_by_name") ?? "?")).")
            }
            let text = t.text("package") ?? ""
            let package = try TransferPackage.decode(text)
            let fromName = t.text("from_name") ?? package.ward
            let version = try db.scalar(Int.self, "SELECT count(*) FROM schema_migrations") ?? 0
            guard package.schemaVersion == version else {
                throw CommandRefusal(.conflict, "Ward \(package.ward) sent the record at schema version \(package.schemaVersion), this ward is at \(version): ward IT brings both wards to this Wardline (wardline ward add … upgrades a ward), then accept again. Nothing was admitted.")
            }
            let mrn = t.text("mrn") ?? ""
            if try db.scalar(Bool.self, "SELECT EXISTS (SELECT 1 FROM patients WHERE mrn = ?)", [mrn]) == true {
                throw CommandRefusal(.conflict, "A patient with MRN \(mrn) is already on this ward's record (an earlier stay), so the transfer cannot be admitted here: ask ward IT. Nothing was admitted.")
            }
            let imported = try TransferImport.run(db, package, ward: fromName, actor: actor, now: now)
            try Self.place(db, patient: imported.patient, bed: bed, actor: actor, at: now)
            var held: [Int64] = []
            for order in imported.orders {
                guard let current = try Self.currentOrder(db, order), current.terms.status == .active else { continue }
                var terms = current.terms
                terms.status = .held
                _ = try Self.insertVersion(db, orderID: order, patientID: imported.patient, version: current.version + 1, terms: terms,
                                           reason: "Transferred from \(fromName): held until a prescriber of this ward re-confirms it.",
                                           actor: actor, now: now)
                held.append(order)
            }
            try db.execute("""
                INSERT INTO hospital.transfer_arrivals (transfer_id, ward, bed, patient_id, accepted_at, accepted_by, accepted_by_name)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [id, here, bed, imported.patient, Timestamp.text(now), actor.staffID, actor.name])
            let patient = try Self.admittedPatient(db, imported.patient)
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "patient.transfer-in",
                                  patientMRN: mrn, details: .object([
                                    "patient": .int(Int(imported.patient)), "bed": .string(bed), "from": .string(package.ward),
                                    "transfer": .int(Int(id)), "record": .string(TransferPackage.digest(text)),
                                    "fromSeq": .int(Int(t.integer("from_seq") ?? 0)), "fromHash": .string(t.text("from_hash") ?? ""),
                                    "carried": .int(imported.carried.values.reduce(0, +)), "heldOrders": .ints(held.map(Int.init)),
                                   ].merging(via.map { ["via": JSONValue.string($0)] } ?? [:]) { a, _ in a }))
            try db.execute("SELECT pg_notify(?, ?)", [try Self.channel(package.ward), "0 transfer.accepted"])
            return TransferArrivalSummary(patient: patient, fromWardName: fromName, carried: imported.carried, heldOrders: held)
    }

    private static func channel(_ code: String) throws -> String {
        do { return try PostgresSchema.channel(ward: code) } catch { throw CommandRefusal(.invalid, error.description) }
    }
}

extension Store {
    /// The transfers to and from this ward and the wards a patient may be sent to, into the snapshot
    /// (in its transaction); its versions count the transfers' rows too, so that a transfer sent here
    /// — which writes nothing in this ward's chain — is news to this ward's terminals.
    static func loadHospital(_ db: any SQLTx, ward here: String, into snapshot: inout WardSnapshot) throws {
        guard try hasTransfers(db) else { return }
        snapshot.hospitalCode = here
        snapshot.transfers = try transfers(db, ward: here, checked: true)
        snapshot.otherWards = try db.rows("SELECT code, name, app_role FROM hospital.wards WHERE kind = 'ward' AND code <> ? ORDER BY name, code",
                                          [here]).compactMap { r in
            guard let code = r.text("code"), let name = r.text("name") else { return nil }
            return HospitalWard(code: code, name: name, isSite: false, appRole: r.text("app_role") ?? "")
        }
        // (The same count `transferChanges` asks for, from the rows just read.)
        let changes = snapshot.transfers.count + snapshot.transfers.filter { $0.arrival != nil }.count
        snapshot.version += changes
        snapshot.clinicalVersion += changes
    }

    /// Rows of `hospital.transfers` and `hospital.transfer_arrivals` about this ward (0 outside a hospital).
    static func transferChanges(_ db: any SQLTx, ward here: String?) throws -> Int {
        guard let here, try hasTransfers(db) else { return 0 }
        return try db.scalar(Int.self, """
            SELECT (SELECT count(*) FROM hospital.transfers t WHERE t.from_ward = ? OR t.to_ward = ?)
                 + (SELECT count(*) FROM hospital.transfer_arrivals a JOIN hospital.transfers t ON t.id = a.transfer_id
                    WHERE t.from_ward = ? OR t.to_ward = ?)
            """, [here, here, here, here]) ?? 0
    }

    private static func hasTransfers(_ db: any SQLTx) throws -> Bool {
        // Step by step (a role without the register's schema may not even look a table up in it).
        try db.scalar(Bool.self, """
            SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM pg_namespace n WHERE n.nspname = 'hospital' AND has_schema_privilege(n.oid, 'USAGE'))
                        THEN false
                        WHEN to_regclass('hospital.transfers') IS NULL OR to_regclass('hospital.wards') IS NULL THEN false
                        ELSE has_table_privilege('hospital.transfers', 'SELECT') AND has_table_privilege('hospital.wards', 'SELECT') END
            """) == true
    }
}
