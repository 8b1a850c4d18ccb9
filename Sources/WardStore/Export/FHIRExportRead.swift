import Foundation
import WardCore

/// What `wardline export fhir` asks for: one patient (MRN) or all, and only entries entered since a time.
public struct FHIRExportRequest: Sendable, Hashable {
    public var mrn: String?
    public var since: Date?
    public init(mrn: String? = nil, since: Date? = nil) { self.mrn = mrn; self.since = since }
}

/// The export's answer: the resources, and what could not be read (left out, counted).
public struct FHIRExportResult: Sendable {
    public var resources: [FHIRResource]
    public var counts: [String: Int]
    public var patients: Int
    /// Rows of the exported patients that failed their row checks (`wardline check` names them).
    public var unreadable: Int
}

extension Store {
    /// The roles that may export the record: ward IT (an admin) and a charge nurse.
    static let exportRoles: [StaffRole] = [.chargeNurse, .admin]

    /// Reads the ward's record (every patient on record, admitted or discharged, or the one with
    /// `request.mrn`) in one read transaction, makes the FHIR resources (WardCore's pure mapping) and
    /// writes one audit event, "record.export-fhir", with what was exported. A charge nurse or ward
    /// IT only; a refusal is audited. Nothing is returned unless the audit event is committed.
    public func exportFHIR(_ request: FHIRExportRequest, session: Session, protocol ward: WardProtocol,
                           options: FHIRExportOptions, format: String) throws(CommandRefusal) -> FHIRExportResult {
        let now = clock.now()
        let (input, unreadable) = try checkedRead("record.export-fhir", .viewWard, session: session) { db, actor in
            guard Self.exportRoles.contains(actor.role) else {
                throw CommandRefusal(.notPermitted, "Exporting the record (FHIR) needs a charge nurse or ward IT (an admin); you are signed in as \(actor.role.withArticle).")
            }
            return try Self.fhirExportInput(db, mrn: request.mrn, protocol: ward, now: now)
        }
        let scoped = request.since.map { input.since($0) } ?? input
        let resources = FHIRExport.resources(scoped, options: options)
        let counts = FHIRExport.counts(resources)
        try command("record.export-fhir", .viewWard, session: session) { db, actor, at in
            guard Self.exportRoles.contains(actor.role) else {
                throw CommandRefusal(.notPermitted, "Exporting the record (FHIR) needs a charge nurse or ward IT (an admin); you are signed in as \(actor.role.withArticle).")
            }
            var details: [String: JSONValue] = [
                "format": .string(format), "fhirVersion": "4.0.1", "patients": .int(scoped.stays.count),
                "resources": .object(counts.mapValues { .int($0) }), "unreadableSkipped": .int(unreadable),
                "since": request.since.map { .string(Timestamp.text($0)) } ?? .null,
                "patient": request.mrn.map { .string($0) } ?? .null,
            ]
            details["total"] = .int(resources.count)
            try AuditChain.append(db, at: at, actor: actor.staffID, terminal: session.terminal, action: "record.export-fhir",
                                  patientMRN: request.mrn, details: .object(details))
        }
        return FHIRExportResult(resources: resources, counts: counts, patients: scoped.stays.count, unreadable: unreadable)
    }

    /// The export's plain values, inside the caller's transaction. `mrn`: that patient only (a
    /// refusal naming the MRN when there is none). Returns the input and the number of rows of
    /// those patients left out because they could not be read.
    static func fhirExportInput(_ db: any SQLTx, mrn: String?, protocol ward: WardProtocol, now: Date) throws -> (FHIRExportInput, Int) {
        let d = db.dialect
        var patients = try db.rows("\(patientSelect(d)) \(mrn == nil ? "" : "WHERE p.mrn = ?") ORDER BY p.id", mrn.map { [$0] } ?? [])
            .compactMap(Patient.init(row:))
        if let mrn, patients.isEmpty { throw CommandRefusal(.notFound, "No patient with MRN \(mrn) on this ward's record; check the number.") }
        patients.sort { $0.id < $1.id }
        let scope = patients.isEmpty ? "NULL" : patients.map { String($0.id) }.joined(separator: ",")
        let name = try db.scalar(String.self, "SELECT value FROM settings WHERE key = 'ward_name'") ?? "Ward"
        let beds = try db.scalars(String.self, "SELECT label FROM beds ORDER BY position")
        let staff = try db.rows("SELECT id, staff_id, name, role, disabled FROM staff ORDER BY id").compactMap { r -> StaffMember? in
            guard let id = r.integer("id"), let sid = r.text("staff_id"), let n = r.text("name") else { return nil }
            return StaffMember(id: id, staffID: sid, name: n, role: r.text("role").flatMap(StaffRole.init(rawValue:)) ?? .nurse,
                               disabled: r.integer("disabled") == 1)
        }
        var entered: [PatientID: Date] = [:]
        for r in try db.rows("SELECT id, entered_at FROM patients WHERE id IN (\(scope))") {
            if let id = r.integer("id"), let t = r.text("entered_at").flatMap(Timestamp.date) { entered[id] = t }
        }
        var placements: [PatientID: [ExportedStay.Placement]] = [:]
        for r in try db.rows("SELECT patient_id, bed, placed_at FROM placements WHERE patient_id IN (\(scope)) ORDER BY id") {
            guard let p = r.integer("patient_id"), let bed = r.text("bed"), let at = r.text("placed_at").flatMap(Timestamp.date) else { continue }
            placements[p, default: []].append(.init(bed: bed, placedAt: at))
        }

        // Orders (every version) and dose records, those entered in error included.
        let versions = try db.rows("""
            \(orderSelect(d)) WHERE o.patient_id IN (\(scope)) AND \(RowChecks.readable("med_order_versions", as: "v", d)) ORDER BY v.order_id, v.version
            """).compactMap(MedicationOrder.init(row:))
        let doses = try db.rows("""
            \(administrationSelect(d)) WHERE a.patient_id IN (\(scope)) AND \(RowChecks.readable("administrations", as: "a", d)) ORDER BY a.at, a.id
            """).compactMap(Administration.init(row:))
        var current: [OrderID: MedicationOrder] = [:]
        for v in versions { current[v.id] = v }

        let stays = patients.map { p in
            let orders = current.values.filter { $0.patientID == p.id }.sorted { $0.id < $1.id }.map(\.terms)
            return ExportedStay(patient: p, enteredAt: entered[p.id] ?? p.admittedAt, placements: placements[p.id] ?? [],
                                riskFlags: ward.riskFlags(p, orders: orders, now: p.dischargedAt ?? now))
        }

        // Amendable entries: every version of each, read as stored.
        func version<V>(_ r: SQLRow, _ value: V) -> EntryVersion<V>? {
            guard let taken = r.text("taken_at").flatMap(Timestamp.date) else { return nil }
            return EntryVersion(rowID: r["id"], patientID: r["patient_id"], takenAt: taken,
                                enteredAt: r.text("entered_at").flatMap(Timestamp.date) ?? taken, recordedBy: r["recorded_by"],
                                supersedes: r["supersedes"], amendReason: r["amend_reason"],
                                enteredInError: (r["entered_in_error"] as Int) != 0, value: value)
        }
        func table(_ t: String) throws -> [SQLRow] {
            try db.rows("SELECT t.* FROM \(t) t WHERE t.patient_id IN (\(scope)) AND \(RowChecks.readable(t, as: "t", d)) ORDER BY t.id")
        }
        var vitals: [EntryVersion<ExportedVitals>] = []
        for r in try table("vital_signs") {
            guard let v = VitalSigns(row: r) else { continue }
            let scale2 = (r["scale2"] as Int) != 0, stored: Int = r["news2_total"]
            let score = ward.news2.score(v, scale2: scale2)
            let value = ExportedVitals(vitals: v, scale2: scale2, news2Total: stored,
                                       news2Parameters: score.total == stored ? score.parameters : nil)
            if let e = version(r, value) { vitals.append(e) }
        }
        var sedation: [EntryVersion<SedationScore>] = []
        for r in try table("sedation_scores") {
            guard let s = SedationScore(scale: r["scale"], value: r["value"]), let e = version(r, s) else { continue }
            sedation.append(e)
        }
        var assessments: [EntryVersion<ExportedAssessment>] = []
        for r in try db.rows("\(assessmentSelect(d)) WHERE a.patient_id IN (\(scope)) AND \(RowChecks.readable("assessments", as: "a", d)) ORDER BY a.id") {
            guard let a = Assessment(row: r),
                  let e = version(r, ExportedAssessment(scale: a.scale, items: a.items, total: a.total, band: a.band)) else { continue }
            assessments.append(e)
        }
        let unreadable = patients.isEmpty ? 0 : try RowChecks.unreadable(db, patientScope: scope).count
        let input = FHIRExportInput(wardName: name, beds: beds, staff: staff, stays: stays,
                                    vitals: EntryChain.build(vitals), assessments: EntryChain.build(assessments),
                                    sedation: EntryChain.build(sedation), orderVersions: versions, administrations: doses)
        return (input, unreadable)
    }
}
