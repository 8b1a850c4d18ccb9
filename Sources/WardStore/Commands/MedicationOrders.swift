import Foundation
import WardCore

extension Store {
    /// A prescriber writes a new taper or PRN order (version 1).
    @discardableResult
    public func writeOrder(_ cmd: WriteOrder, session: Session, protocol ward: WardProtocol) throws(CommandRefusal) -> MedicationOrder {
        let terms = try Self.validated(cmd.terms, ward)
        let indication = try cleaned(terms.indication, "Indication", max: 200)
        return try command("order.write", .writeOrder, session: session) { db, actor, now in
            let patient = try Self.admittedPatient(db, cmd.patientID)
            var t = terms
            t.indication = indication
            let orderID = try db.insert("INSERT INTO med_orders(patient_id, kind, created_at, created_by) VALUES (?, ?, ?, ?)",
                                        [patient.id, t.kind.rawValue, Timestamp.text(now), actor.key])
            let others = try Self.currentOrders(db, patient.id)
            let order = try Self.insertVersion(db, orderID: orderID, patientID: patient.id, version: 1, terms: t,
                                               reason: nil, actor: actor, now: now)
            var details: [String: JSONValue] = ["order": .int(Int(orderID)), "version": .int(1), "terms": Self.termsJSON(t)]
            let warnings = OrderChecks.warnings(t, others: others, protocol: ward)
            if !warnings.isEmpty { details["warnings"] = .array(warnings.map { .string($0) }) }
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "order.write",
                                  patientMRN: patient.mrn, details: .object(details))
            return order
        }
    }

    /// A prescriber changes an order: a new version with the reason; the
    /// earlier versions stay as they were. Holding or stopping is a change too.
    @discardableResult
    public func changeOrder(_ cmd: ChangeOrder, session: Session, protocol ward: WardProtocol) throws(CommandRefusal) -> MedicationOrder {
        let reason = try cleaned(cmd.reason, "Reason for the change", max: 500)
        let terms = try Self.validated(cmd.terms, ward)
        let indication = try cleaned(terms.indication, "Indication", max: 200)
        return try command("order.change", .writeOrder, session: session) { db, actor, now in
            guard let current = try Self.currentOrder(db, cmd.orderID) else {
                throw CommandRefusal(.notFound, "Order #\(cmd.orderID) does not exist.")
            }
            let patient = try Self.admittedPatient(db, current.patientID)
            guard current.version == cmd.basedOn else {
                throw CommandRefusal(.conflict, "Order #\(cmd.orderID) was changed by \(InputText.visible(current.writtenByName)) at \(Self.hhmm(current.writtenAt)) (version \(current.version)) since you opened it; look at the new version first.")
            }
            guard current.terms.status != .stopped else {
                throw CommandRefusal(.conflict, "Order #\(cmd.orderID) is stopped; write a new order instead.")
            }
            guard terms.kind == current.kind else {
                throw CommandRefusal(.invalid, "A \(current.kind.rawValue) order cannot become a \(terms.kind.rawValue) order; stop it and write a new one.")
            }
            var t = terms
            t.indication = indication
            guard t != current.terms else {
                throw CommandRefusal(.invalid, "Nothing changed from version \(current.version); change a value or the status.")
            }
            let others = try Self.currentOrders(db, patient.id)
            let order = try Self.insertVersion(db, orderID: cmd.orderID, patientID: patient.id, version: current.version + 1,
                                               terms: t, reason: reason, actor: actor, now: now)
            var details: [String: JSONValue] = ["order": .int(Int(cmd.orderID)), "version": .int(order.version),
                                                "reason": .string(reason), "before": Self.termsJSON(current.terms),
                                                "after": Self.termsJSON(t)]
            let warnings = OrderChecks.warnings(t, changing: cmd.orderID, others: others, protocol: ward)
            if !warnings.isEmpty { details["warnings"] = .array(warnings.map { .string($0) }) }
            try AuditChain.append(db, at: now, actor: actor.staffID, terminal: session.terminal, action: "order.change",
                                  patientMRN: patient.mrn, details: .object(details))
            return order
        }
    }

    /// Every version of an order, oldest first.
    public func orderHistory(_ id: OrderID) throws -> [MedicationOrder] {
        try read { db in
            try db.rows("\(Self.orderSelect(db.dialect)) WHERE v.order_id = ? ORDER BY v.version", [id])
                .compactMap(MedicationOrder.init(row:))
        }
    }

    // MARK: - helpers

    static func validated(_ terms: OrderTerms, _ ward: WardProtocol) throws(CommandRefusal) -> OrderTerms {
        var t = terms
        t.drug = t.drug.trimmingCharacters(in: .whitespaces).lowercased()
        guard ward.equivalence.table.doses[t.drug] != nil else {
            throw CommandRefusal(.invalid, "'\(InputText.visible(t.drug))' is not in the equivalence table in force (\(ward.equivalence.table.title)); choose a listed benzodiazepine.")
        }
        guard !t.route.trimmingCharacters(in: .whitespaces).isEmpty else { throw CommandRefusal(.invalid, "Type the route (e.g. oral).") }
        if let s = t.strengthMg, !(s.isFinite && s > 0) { throw CommandRefusal(.invalid, "Tablet strength must be above 0 mg.") }
        switch t.kind {
        case .taper:
            guard let taper = t.taper, t.prn == nil else { throw CommandRefusal(.invalid, "A taper order needs its taper (start dose and phases).") }
            guard !t.doseTimes.isEmpty, t.clockTimes.count == t.doseTimes.count else {
                throw CommandRefusal(.invalid, "Dose times must be HH:MM, at least one (e.g. 08:00, 22:00).")
            }
            guard Set(t.doseTimes).count == t.doseTimes.count else { throw CommandRefusal(.invalid, "A dose time is listed twice.") }
            guard let start = MedicationSchedule.startOfDay(taper.startDay, .wardDefault) else {
                throw CommandRefusal(.invalid, "Start day must be YYYY-MM-DD.")
            }
            if let hold = taper.holdFromDay {
                guard let day = MedicationSchedule.startOfDay(hold, .wardDefault) else {
                    throw CommandRefusal(.invalid, "Hold at the step of: a day YYYY-MM-DD (empty: no hold).")
                }
                guard day >= start else {
                    throw CommandRefusal(.invalid, "Hold at the step of \(InputText.visible(hold)): before the taper's day 0 (\(taper.startDay)).")
                }
            }
            do { _ = try MedicationSchedule.plan(t, rules: ward.taper, equivalence: ward.equivalence) } catch {
                throw CommandRefusal(.invalid, "Taper: \(error.message).")
            }
        case .prn:
            guard let p = t.prn, t.taper == nil else { throw CommandRefusal(.invalid, "A PRN order needs its PRN terms (from a protocol template).") }
            guard ScaleKind(rawValue: p.scale) != nil else { throw CommandRefusal(.invalid, "Unknown scale '\(InputText.visible(p.scale))'.") }
            guard p.doseMg.isFinite, p.doseMg > 0 else { throw CommandRefusal(.invalid, "PRN dose must be above 0 mg.") }
            guard p.minIntervalMinutes >= 1 else { throw CommandRefusal(.invalid, "Minimum interval must be 1 minute or more.") }
            guard p.maxPer24hDiazepamMg.isFinite, p.maxPer24hDiazepamMg > 0 else {
                throw CommandRefusal(.invalid, "Maximum per 24 h must be above 0 mg diazepam-equivalent.")
            }
            t.doseTimes = []
        }
        return t
    }

    static func insertVersion(_ db: any SQLTx, orderID: OrderID, patientID: PatientID, version: Int, terms: OrderTerms,
                              reason: String?, actor: Actor, now: Date) throws -> MedicationOrder {
        let json = String(decoding: try JSONEncoder.sorted.encode(terms), as: UTF8.self)
        let versionID = try db.insert("""
            INSERT INTO med_order_versions(order_id, version, status, drug, terms, reason, written_by, written_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [orderID, version, terms.status.rawValue, terms.drug, json, reason, actor.key, Timestamp.text(now)])
        let created = try db.scalar(String.self, "SELECT created_at FROM med_orders WHERE id = ?", [orderID])
            .flatMap(Timestamp.date)
        return MedicationOrder(id: orderID, patientID: patientID, version: version, versionID: versionID,
                               terms: terms, reason: reason, writtenBy: actor.key, writtenByName: actor.name,
                               writtenAt: Timestamp.stored(now), createdAt: created)
    }

    /// The current version of every order of a patient.
    static func currentOrders(_ db: any SQLTx, _ patient: PatientID) throws -> [MedicationOrder] {
        var current: [OrderID: MedicationOrder] = [:]
        // An order that cannot be read is never treated as absent (an older version would stand in): refuse.
        if let bad = try db.scalar(Int64.self, """
            SELECT v.id FROM med_order_versions v JOIN med_orders o ON o.id = v.order_id
            WHERE o.patient_id = ? AND NOT \(RowChecks.readable("med_order_versions", as: "v", db.dialect)) LIMIT 1
            """, [patient]) {
            throw CommandRefusal(.storage, "Order version #\(bad) of this patient cannot be read; ward IT: run wardline check.")
        }
        for r in try db.rows("\(orderSelect(db.dialect)) WHERE o.patient_id = ? ORDER BY v.order_id, v.version", [patient]) {
            guard let v = MedicationOrder(row: r) else {
                throw CommandRefusal(.storage, "Order version #\(r["id"] as SQLValue) of this patient cannot be read; ward IT: run wardline check.")
            }
            current[v.id] = v
        }
        return current.values.sorted { $0.id < $1.id }
    }

    static func currentOrder(_ db: any SQLTx, _ id: OrderID) throws -> MedicationOrder? {
        try db.row("\(orderSelect(db.dialect)) WHERE v.order_id = ? ORDER BY v.version DESC LIMIT 1", [id])
            .flatMap(MedicationOrder.init(row:))
    }

    static func termsJSON(_ t: OrderTerms) -> JSONValue {
        .string((try? JSONEncoder.sorted.encode(t)).map { String(decoding: $0, as: UTF8.self) } ?? "")
    }

    /// "14:05" in the ward's local time (messages for nurses).
    static func hhmm(_ d: Date) -> String {
        let c = Calendar.wardDefault.dateComponents([.hour, .minute], from: d)
        return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    static func orderSelect(_ d: SQLDialect) -> String { """
        SELECT v.*, o.patient_id, o.created_at AS order_created_at, \(RowChecks.staffName("s", d)) AS written_by_name
        FROM med_order_versions v
        JOIN med_orders o ON o.id = v.order_id
        JOIN staff s ON s.id = v.written_by
        """ }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }
}

extension MedicationOrder {
    init?(row: SQLRow) {
        guard let terms = try? JSONDecoder().decode(OrderTerms.self, from: Data((row["terms"] as String).utf8)),
              let at = Timestamp.date(row["written_at"]) else { return nil }
        self.init(id: row["order_id"], patientID: row["patient_id"], version: row["version"], versionID: row["id"],
                  terms: terms, reason: row["reason"], writtenBy: row["written_by"], writtenByName: row["written_by_name"],
                  writtenAt: at, createdAt: (row["order_created_at"] as String?).flatMap(Timestamp.date))
    }
}
