import Foundation
import TestTools
import Testing
import WardCore
import WardStore

/// `wardline export fhir` (issue 20): the ward's record as FHIR R4, checked by an outside party —
/// the fhir.resources R4B models from PyPI (`Tests/Interop/validate_fhir.py`) — and compared with
/// the database read from outside (the sqlite3 shell, or psql).
@Suite(.serialized) struct FHIRExportTests {
    // MARK: Helpers

    /// What `validate_fhir.py` says about an export folder: its counts (JSON), or a failed expectation.
    struct Validation: Decodable {
        var resources: [String: Int]
        var observations: [String: Int]
        var observationStatus: [String: Int]
        var administrations: [String: Int]
        var problems: Int
    }

    static func validate(_ dir: URL, bundle: Bool = false) throws -> Validation {
        let python = try InteropPython.python(packageRoot: Paths.packageRoot)
        let script = Paths.packageRoot.appendingPathComponent("Tests/Interop/validate_fhir.py").path
        let r = try runProcess(python, [script, dir.path] + (bundle ? ["--bundle"] : []), timeout: 300)
        #expect(r.status == 0, "validate_fhir.py found problems:\n\(r.stderr.prefix(4000))")
        return try JSONDecoder().decode(Validation.self, from: Data(r.stdout.utf8))
    }

    static func export(_ ward: DemoWardDB, as staff: String = "C2001", pin: String = "222222", _ extra: [String] = [],
                       tag: String = "fhir-out") throws -> (ProcessResult, URL) {
        let out = ward.dir.appendingPathComponent(tag)
        let r = try runWardline(["export", "fhir", "--db", ward.path, "--as", staff, "--out", out.path] + extra, input: "\(pin)\n",
                                environment: ward.environment.isEmpty ? nil : ProcessInfo.processInfo.environment.merging(ward.environment) { $1 })
        return (r, out)
    }

    static func count(_ ward: DemoWardDB, _ sql: String) throws -> Int {
        let text = try ward.sql(sql)
        return try #require(Int(text), "\(sql) → \(text)")
    }

    /// The resources of one NDJSON file, by id.
    static func resources(_ dir: URL, _ type: String) throws -> [String: [String: Any]] {
        let text = (try? String(contentsOf: dir.appendingPathComponent("\(type).ndjson"), encoding: .utf8)) ?? ""
        var out: [String: [String: Any]] = [:]
        for line in text.split(separator: "\n") {
            let o = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            out[try #require(o["id"] as? String)] = o
        }
        return out
    }

    /// What the seeding below made, for the checks.
    struct Seeded {
        var mrn: String
        var before: Date
        var amendedVitals: EntryID        // the original row, corrected by a charge nurse
        var amendedVitalsMRN: String
        var voidedAssessment: EntryID     // a CIWA-B marked entered in error
        var voidedAssessmentMRN: String
        var refusedDose: AdministrationID // then marked entered in error
        var heldDose: AdministrationID
        var dischargedMRN: String
    }

    /// Through the store, as the ward's staff would: a new patient with a taper order whose dose is
    /// refused (then marked entered in error) and whose next dose is held; a demo patient's vital
    /// signs corrected and another's CIWA-B marked entered in error; a demo patient discharged.
    static func seed(_ ward: DemoWardDB) throws -> Seeded {
        let proto = ProtocolLoader.builtInDefault()
        let store = try Store.open(path: ward.path, create: false)
        defer { try? store.close() }
        func session(_ id: String, _ pin: String) throws -> Session {
            Session(staff: try store.signIn(staffID: id, secret: pin, terminal: "e2e", policy: proto.security), terminal: "e2e")
        }
        let charge = try session("C2001", "222222"), prescriber = try session("P3001", "333333")
        let before = Date()
        Thread.sleep(forTimeInterval: 0.01)
        let snap = try store.loadWard(protocol: proto)
        let bed = try #require(snap.ward.beds.first { snap.patient(inBed: $0.label) == nil })
        let p = try store.admit(AdmitPatient(mrn: "FX0001", name: "Export, Test \"Quote\"", dateOfBirth: CalendarDate("1970-02-03")!,
                                             sex: .male, bed: bed.label, substances: [SubstanceUse(substance: "alprazolam", dailyAmount: "4 mg", dailyMg: 4, duration: "2 years")],
                                             allergies: ["penicillin", "latex"], seizureHistory: true,
                                             admittedAt: Date().addingTimeInterval(-3600)), session: charge)
        // Two dose times in this process's own calendar (the store's schedule is computed in it here).
        let cal = Calendar.wardDefault
        let now = Date(), next = now.addingTimeInterval(60)
        let times = [now, next].map { d in
            let c = cal.dateComponents([.hour, .minute], from: d)
            return String(format: "%02d:%02d", c.hour!, c.minute!)
        }
        let order = try store.writeOrder(WriteOrder(patientID: p.id, terms: OrderTerms(
            kind: .taper, drug: "diazepam", indication: "withdrawal", doseTimes: times,
            taper: TaperTerms(startDailyMg: 20, phases: [OrderPhase(untilMg: 0, step: 2, everyDays: 7)],
                              startDay: MedicationSchedule.dayKey(now, cal)))), session: prescriber, protocol: proto)
        _ = try store.record(RecordSedation(patientID: p.id, score: .poss(.awakeAlert)), session: charge)
        _ = try store.record(RecordVitals(patientID: p.id, vitals: VitalSigns(
            respirationRate: 15, spo2: 96, onOxygen: false, systolic: 118, diastolic: nil, pulse: 80, acvpu: .alert,
            temperature: 36.6)), session: charge, protocol: proto)
        let doses = MedicationSchedule.doses(for: order, on: now, rules: proto.taper, calendar: cal)
            .filter { d in times.contains { t in DoseText.clock(d.dueAt, cal) == t } }
        try #require(doses.count == 2, "the two doses of today: \(doses.map(\.dueAt))")
        let refused = try store.recordDose(RecordDose(orderID: order.id, scheduledFor: doses[0].dueAt, status: .refused, reason: .refusedByPatient),
                                           session: charge, protocol: proto)
        let held = try store.recordDose(RecordDose(orderID: order.id, scheduledFor: doses[1].dueAt, status: .held, reason: .heldPrescriberInstructed),
                                        session: charge, protocol: proto)
        try store.markDoseEnteredInError(administrationID: refused.id, reason: "charted on the wrong dose time", session: charge)

        // A demo patient's vital signs corrected, another's CIWA-B entered in error (the charge nurse may amend anyone's).
        let vitalsRow = try ward.sql("SELECT v.id || '|' || p.mrn FROM vital_signs v JOIN patients p ON p.id = v.patient_id WHERE p.mrn <> 'FX0001' ORDER BY v.id LIMIT 1")
            .split(separator: "|").map(String.init)
        let vitalsID = try #require(Int64(vitalsRow[0]))
        let old = try #require(try store.record(mrn: vitalsRow[1], session: charge)?.snapshot.vitals.values.flatMap { $0 }.first { $0.id == vitalsID })
        var corrected = old.vitals
        corrected.pulse += 2
        _ = try store.amend(AmendObservation(.vitals, entryID: vitalsID, change: .correctedVitals(corrected), reason: "pulse misread"),
                            session: charge, protocol: proto)
        let ciwaRow = try ward.sql("SELECT a.id || '|' || p.mrn FROM assessments a JOIN patients p ON p.id = a.patient_id WHERE a.scale = 'ciwa-b' AND p.mrn <> '\(vitalsRow[1])' ORDER BY a.id LIMIT 1")
            .split(separator: "|").map(String.init)
        let ciwaID = try #require(Int64(ciwaRow[0]))
        try store.amend(AmendEntry(entryID: ciwaID, change: .enteredInError, reason: "scored the wrong patient"), session: charge, protocol: proto)

        // A demo patient discharged (discharged patients are exported too).
        let gone = try #require(try ward.sql("SELECT mrn FROM patients WHERE mrn NOT IN ('FX0001', '\(vitalsRow[1])', '\(ciwaRow[1])') ORDER BY id DESC LIMIT 1")
            .split(separator: "\n").first.map(String.init))
        let goneID = try #require(try store.patient(mrn: gone)).id
        try store.discharge(patientID: goneID, session: charge)
        return Seeded(mrn: "FX0001", before: before, amendedVitals: vitalsID, amendedVitalsMRN: vitalsRow[1], voidedAssessment: ciwaID,
                      voidedAssessmentMRN: ciwaRow[1], refusedDose: refused.id, heldDose: held.id, dischargedMRN: gone)
    }

    /// The export of the whole ward against the database read from outside, resource type by type.
    static func roundTrip(_ backend: TestBackend) throws {
        let ward = try DemoWardDB("fhir-\(backend)", backend: backend); defer { ward.remove() }
        let seeded = try seed(ward)
        let (r, out) = try export(ward)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Exported "), "\(r.stdout)")
        let v = try validate(out)
        #expect(v.problems == 0)
        // Patients: every one on record, admitted or discharged.
        #expect(v.resources["Patient"] == (try count(ward, "SELECT count(*) FROM patients")))
        #expect(v.resources["Encounter"] == v.resources["Patient"])
        // Observations per kind: one resource per entry (its amendments are versions of it).
        let vitalsSets = try count(ward, "SELECT count(*) FROM vital_signs WHERE supersedes IS NULL")
        #expect(vitalsSets > 0)
        #expect(v.observations["vitals-panel"] == vitalsSets)
        #expect(v.observations["news2"] == vitalsSets)
        #expect(v.observations["vital-sign"] == 5 * vitalsSets)   // RR, HR, BP, temperature, SpO2 of each set
        #expect(v.observations["ciwa-b"] == (try count(ward, "SELECT count(*) FROM assessments WHERE supersedes IS NULL AND scale = 'ciwa-b'")))
        #expect(v.observations["ciwa-ar"] ?? 0 == (try count(ward, "SELECT count(*) FROM assessments WHERE supersedes IS NULL AND scale = 'ciwa-ar'")))
        #expect(v.observations["rass"] ?? 0 == (try count(ward, "SELECT count(*) FROM sedation_scores WHERE supersedes IS NULL AND scale = 'rass'")))
        #expect(v.observations["poss"] ?? 0 == (try count(ward, "SELECT count(*) FROM sedation_scores WHERE supersedes IS NULL AND scale = 'poss'")))
        #expect((v.observations["poss"] ?? 0) >= 1)
        // Amended and voided: the entries whose newest version is a correction / an entered-in-error mark.
        let newest = "NOT EXISTS (SELECT 1 FROM %@ n WHERE n.supersedes = t.id) AND t.supersedes IS NOT NULL"
        func newestCount(_ table: String, voided: Bool) throws -> Int {
            try count(ward, "SELECT count(*) FROM \(table) t WHERE \(newest.replacingOccurrences(of: "%@", with: table)) AND t.entered_in_error = \(voided ? 1 : 0)")
        }
        let amended = 2 * (try newestCount("vital_signs", voided: false)) + (try newestCount("assessments", voided: false)) + (try newestCount("sedation_scores", voided: false))
        let voided = 2 * (try newestCount("vital_signs", voided: true)) + (try newestCount("assessments", voided: true)) + (try newestCount("sedation_scores", voided: true))
        #expect(amended >= 2 && voided >= 1)
        #expect(v.observationStatus["amended"] ?? 0 == amended)
        #expect(v.observationStatus["entered-in-error"] ?? 0 == voided)
        // Orders and every dose record, given and not given, those entered in error included.
        #expect(v.resources["MedicationRequest"] == (try count(ward, "SELECT count(*) FROM med_orders")))
        #expect(v.resources["MedicationAdministration"] == (try count(ward, "SELECT count(*) FROM administrations")))
        let voidedDoses = "id IN (SELECT administration_id FROM administration_amendments)"
        #expect(v.administrations["completed"] ?? 0 == (try count(ward, "SELECT count(*) FROM administrations WHERE status = 'given' AND NOT \(voidedDoses)")))
        #expect(v.administrations["not-done"] ?? 0 == (try count(ward, "SELECT count(*) FROM administrations WHERE status <> 'given' AND NOT \(voidedDoses)")))
        #expect(v.administrations["entered-in-error"] ?? 0 == (try count(ward, "SELECT count(*) FROM administrations WHERE \(voidedDoses)")))
        #expect((v.administrations["not-done"] ?? 0) >= 1)
        // The allergies as typed, one resource each.
        let allergies = try resources(out, "AllergyIntolerance").values.filter {
            (($0["patient"] as? [String: Any])?["reference"] as? String) == "Patient/patient-\(try! count(ward, "SELECT id FROM patients WHERE mrn = '\(seeded.mrn)'"))"
        }
        #expect(Set(allergies.compactMap { ($0["code"] as? [String: Any])?["text"] as? String }) == ["penicillin", "latex"])
        // The discharged patient's stay is finished.
        let goneID = try count(ward, "SELECT id FROM patients WHERE mrn = '\(seeded.dischargedMRN)'")
        #expect(try resources(out, "Encounter")["encounter-\(goneID)"]?["status"] as? String == "finished")
    }

    // MARK: Tests

    @Test func theWholeWardOnSQLiteValidatesAndMatchesTheDatabase() throws {
        try Self.roundTrip(.sqlite)
    }

    @Test func theWholeWardOnPostgreSQLValidatesAndMatchesTheDatabase() throws {
        try Self.roundTrip(.postgres)
    }

    @Test func aBundleIsOneTransactionThatValidates() throws {
        let ward = try DemoWardDB("fhir-bundle"); defer { ward.remove() }
        let (nd, ndOut) = try Self.export(ward, tag: "ndjson")
        #expect(nd.status == 0, "\(nd.stderr)")
        let (r, out) = try Self.export(ward, ["--bundle"], tag: "bundle")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["bundle.json"])
        let b = try Self.validate(out, bundle: true)
        let n = try Self.validate(ndOut)
        #expect(b.problems == 0 && b.resources == n.resources && b.observations == n.observations)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("bundle.json"))) as? [String: Any])
        #expect(json["resourceType"] as? String == "Bundle" && json["type"] as? String == "transaction")
        let entries = try #require(json["entry"] as? [[String: Any]])
        #expect(entries.count == n.resources.values.reduce(0, +))
        #expect(entries.allSatisfy { (($0["request"] as? [String: Any])?["method"] as? String) == "PUT" && ($0["fullUrl"] as? String)?.hasPrefix("https://wardline.example/fhir/") == true })
        // An export never goes into a folder that holds anything.
        let again = try runWardline(["export", "fhir", "--db", ward.path, "--as", "C2001", "--out", out.path], input: "222222\n")
        #expect(again.status == 73 && again.stderr.contains("not empty"), "\(again.stderr)")
    }

    @Test func aNurseIsRefusedAndEveryExportIsAudited() throws {
        let ward = try DemoWardDB("fhir-audit"); defer { ward.remove() }
        let (nurse, nurseOut) = try Self.export(ward, as: "N1001", pin: "111111")
        #expect(nurse.status == 77 && nurse.stderr.contains("needs a charge nurse or ward IT"), "\(nurse.stderr)")
        #expect(!FileManager.default.fileExists(atPath: nurseOut.path), "nothing written")
        #expect(try Self.count(ward, "SELECT count(*) FROM audit_events WHERE action = 'refused' AND actor = 'N1001' AND details LIKE '%record.export-fhir%'") == 1)
        #expect(try Self.count(ward, "SELECT count(*) FROM audit_events WHERE action = 'record.export-fhir'") == 0)
        let (admin, _) = try Self.export(ward, as: "A9001", pin: "999999", ["--patient", "100231"])
        #expect(admin.status == 0, "\(admin.stderr)")
        let (charge, _) = try Self.export(ward, tag: "charge")
        #expect(charge.status == 0, "\(charge.stderr)")
        let events = try ward.sql("SELECT actor || '|' || coalesce(patient_mrn, '-') || '|' || details FROM audit_events WHERE action = 'record.export-fhir' ORDER BY seq")
            .split(separator: "\n").map(String.init)
        #expect(events.count == 2, "\(events)")
        #expect(events.first?.hasPrefix("A9001|100231|") == true && events.first?.contains("\"patients\":1") == true, "\(events)")
        let patients = try Self.count(ward, "SELECT count(*) FROM patients")
        #expect(events.last?.hasPrefix("C2001|-|") == true && events.last?.contains("\"patients\":\(patients)") == true
                && events.last?.contains("\"Patient\":\(patients)") == true, "\(events)")
        let shown = try runWardline(["audit", "show", "--db", ward.path, "--as", "A9001"], input: "999999\n")
        #expect(shown.stdout.split(separator: "\n").filter { $0.contains("record.export-fhir") && !$0.contains("refused") }.count == 2, "\(shown.stdout.suffix(2000))")
        // The chain still verifies with the export events in it.
        let check = try runWardline(["audit", "verify", "--db", ward.path, "--as", "A9001"], input: "999999\n")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        // An unknown MRN names it; a bad time is a usage error.
        let none = try runWardline(["export", "fhir", "--db", ward.path, "--as", "C2001", "--out", ward.dir.appendingPathComponent("none").path,
                                    "--patient", "NOSUCH"], input: "222222\n")
        #expect(none.status == 66 && none.stderr.contains("NOSUCH"), "\(none.stderr)")
        let bad = try runWardline(["export", "fhir", "--db", ward.path, "--as", "C2001", "--out", "/tmp/x", "--since", "yesterday"])
        #expect(bad.status == 64, "\(bad.stderr)")
    }

    @Test func patientAndSinceNarrowTheExportAndReferencesStillResolve() throws {
        let ward = try DemoWardDB("fhir-narrow"); defer { ward.remove() }
        let seeded = try Self.seed(ward)
        // One patient.
        let (one, oneOut) = try Self.export(ward, ["--patient", seeded.amendedVitalsMRN], tag: "one")
        #expect(one.status == 0, "\(one.stderr)")
        let v1 = try Self.validate(oneOut)
        #expect(v1.resources["Patient"] == 1 && v1.resources["Encounter"] == 1)
        let pid = try Self.count(ward, "SELECT id FROM patients WHERE mrn = '\(seeded.amendedVitalsMRN)'")
        #expect(v1.observations["vitals-panel"] == (try Self.count(ward, "SELECT count(*) FROM vital_signs WHERE supersedes IS NULL AND patient_id = \(pid)")))
        let subjects = Set(try Self.resources(oneOut, "Observation").values.compactMap { ($0["subject"] as? [String: Any])?["reference"] as? String })
        #expect(subjects == ["Patient/patient-\(pid)"])
        // Since a time: only what was entered (or amended, voided, discharged) after it, with its patients.
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let t = f.string(from: seeded.before)
        let (since, sinceOut) = try Self.export(ward, ["--since", t], tag: "since")
        #expect(since.status == 0, "\(since.stderr)")
        let v2 = try Self.validate(sinceOut)
        let patients = Set(try Self.resources(sinceOut, "Patient").values.compactMap {
            (($0["identifier"] as? [[String: Any]])?.first?["value"] as? String)
        })
        #expect(patients == [seeded.mrn, seeded.amendedVitalsMRN, seeded.voidedAssessmentMRN, seeded.dischargedMRN], "\(patients)")
        func changedSince(_ table: String, _ extra: String = "") throws -> Int {
            try Self.count(ward, """
                SELECT count(*) FROM \(table) r WHERE r.supersedes IS NULL \(extra) AND (r.entered_at >= '\(t)'
                  OR EXISTS (SELECT 1 FROM \(table) n WHERE n.supersedes = r.id AND n.entered_at >= '\(t)'))
                """)
        }
        #expect(v2.observations["vitals-panel"] == (try changedSince("vital_signs")))
        #expect(v2.observations["vitals-panel"] == 2)   // the new patient's set and the corrected one
        #expect(v2.observations["ciwa-b"] ?? 0 == (try changedSince("assessments", "AND r.scale = 'ciwa-b'")))
        #expect(v2.observations["ciwa-b"] == 1)
        #expect(v2.observations["poss"] == 1 && v2.observations["rass"] == nil)
        #expect(v2.resources["MedicationAdministration"] == 2 && v2.resources["MedicationRequest"] == 1)
        #expect(v2.resources["Encounter"] == 4)
        // A time in the future: nothing but nothing to refer to either.
        let (later, laterOut) = try Self.export(ward, ["--since", "2999-01-01"], tag: "later")
        #expect(later.status == 0, "\(later.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: laterOut.path) == ["manifest.json"])
    }

    @Test func anAmendedEntryIsAmendedAndAVoidedOneEnteredInError() throws {
        let ward = try DemoWardDB("fhir-amend"); defer { ward.remove() }
        let seeded = try Self.seed(ward)
        let (r, out) = try Self.export(ward)
        #expect(r.status == 0, "\(r.stderr)")
        _ = try Self.validate(out)
        let obs = try Self.resources(out, "Observation")
        // The corrected vital signs: one resource under the original entry's id, status amended, the new values,
        // a note with the reason and what it replaces; its NEWS2 and each vital sign amended too.
        let panel = try #require(obs["obs-vitals-\(seeded.amendedVitals)"])
        #expect(panel["status"] as? String == "amended")
        let notes = (panel["note"] as? [[String: Any]])?.compactMap { $0["text"] as? String } ?? []
        #expect(notes.contains { $0.contains("pulse misread") && $0.contains("vital_signs #\(seeded.amendedVitals)") }, "\(notes)")
        let newRow = try Self.count(ward, "SELECT id FROM vital_signs WHERE supersedes = \(seeded.amendedVitals)")
        #expect(((panel["identifier"] as? [[String: Any]])?.first?["value"] as? String) == String(newRow))
        #expect(obs["obs-news2-\(seeded.amendedVitals)"]?["status"] as? String == "amended")
        let hr = try #require(obs["obs-vitals-\(seeded.amendedVitals)-hr"])
        let pulse = try Self.count(ward, "SELECT pulse FROM vital_signs WHERE id = \(newRow)")
        #expect(hr["status"] as? String == "amended" && ((hr["valueQuantity"] as? [String: Any])?["value"] as? Int) == pulse)
        #expect(obs["obs-vitals-\(newRow)"] == nil, "no second resource for the correction")
        // The CIWA-B marked entered in error.
        let ciwa = try #require(obs["obs-ciwa-b-\(seeded.voidedAssessment)"])
        #expect(ciwa["status"] as? String == "entered-in-error")
        #expect(((ciwa["note"] as? [[String: Any]])?.first?["text"] as? String)?.contains("scored the wrong patient") == true)
        // The dose records: the refused one voided, the held one not done with its reason.
        let doses = try Self.resources(out, "MedicationAdministration")
        #expect(doses["medadmin-\(seeded.refusedDose)"]?["status"] as? String == "entered-in-error")
        let held = try #require(doses["medadmin-\(seeded.heldDose)"])
        #expect(held["status"] as? String == "not-done")
        #expect(((held["statusReason"] as? [[String: Any]])?.first?["text"] as? String)?.hasPrefix("held: prescriber instructed") == true, "\(held)")
        let performers = (held["performer"] as? [[String: Any]]) ?? []
        #expect(performers.count == 1 && (((performers[0]["function"] as? [String: Any])?["coding"] as? [[String: Any]])?.first?["code"] as? String) == "performer")
        // The patient's name with a quote in it survives the trip.
        let patients = try Self.resources(out, "Patient")
        #expect(patients.values.contains { (($0["name"] as? [[String: Any]])?.first?["text"] as? String) == "Export, Test \"Quote\"" })
    }
}
