import Foundation
import Testing
@testable import WardCore

/// The FHIR mapping as pure functions: the JSON text, amendment chains and their statuses, the
/// codes, the order and dose records, and `--since` (the end-to-end tests validate the output
/// with fhir.resources; these pin the choices).
@Suite struct FHIRExportMappingTests {
    static let t0 = Date(timeIntervalSince1970: 1_796_000_000)   // 2026-11-30T00:53:20Z
    static func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }

    static let calm = VitalSigns(respirationRate: 16, spo2: 97, onOxygen: false, systolic: 122, diastolic: 76, pulse: 84,
                                 acvpu: .alert, temperature: 36.8)

    static func vitals(_ id: EntryID, _ pulse: Int, entered: Double, supersedes: EntryID? = nil, reason: String? = nil,
                       voided: Bool = false, scale2: Bool = false) -> EntryVersion<ExportedVitals> {
        var v = calm
        v.pulse = pulse
        let score = shipped.news2.score(v, scale2: scale2)
        return EntryVersion(rowID: id, patientID: 1, takenAt: at(0), enteredAt: at(entered), recordedBy: 10, supersedes: supersedes,
                            amendReason: reason, enteredInError: voided,
                            value: ExportedVitals(vitals: v, scale2: scale2, news2Total: score.total, news2Parameters: score.parameters))
    }

    static func input(vitals: [EntryVersion<ExportedVitals>] = [], assessments: [EntryVersion<ExportedAssessment>] = [],
                      orders: [MedicationOrder] = [], doses: [Administration] = []) -> FHIRExportInput {
        let p = Patient(id: 1, mrn: "M1", name: "Doe, Jane Q", dateOfBirth: CalendarDate("1980-02-29")!, sex: .female,
                        admittedAt: at(-600), bed: "3", allergies: ["penicillin"], seizureHistory: true)
        let q = Patient(id: 2, mrn: "M2", name: "Roe, Rick", dateOfBirth: CalendarDate("1975-01-01")!, sex: .male,
                        admittedAt: at(-900), bed: nil, allergies: ["NKDA"], dischargedAt: at(-100))
        let stays = [ExportedStay(patient: p, enteredAt: at(-600), placements: [.init(bed: "3", placedAt: at(-600))],
                                  riskFlags: [RiskFlag(kind: .seizure, reason: "seizure history"), RiskFlag(kind: .other, reason: "injecting")]),
                     ExportedStay(patient: q, enteredAt: at(-900), placements: [.init(bed: "1", placedAt: at(-900)), .init(bed: "2", placedAt: at(-500))],
                                  riskFlags: [])]
        return FHIRExportInput(wardName: "Ward 7", beds: ["1", "2", "3"],
                               staff: [StaffMember(id: 10, staffID: "N1", name: "Nurse, Ann", role: .nurse),
                                       StaffMember(id: 11, staffID: "C1", name: "Charge, Bo", role: .chargeNurse),
                                       StaffMember(id: 12, staffID: "P1", name: "Doc, Cy", role: .prescriber)],
                               stays: stays, vitals: EntryChain.build(vitals), assessments: EntryChain.build(assessments), sedation: [],
                               orderVersions: orders, administrations: doses)
    }

    static func export(_ i: FHIRExportInput) -> [String: FHIRJSON] {
        let trees = FHIRExport.resourceTrees(i, options: FHIRExportOptions(now: at(0)))
        #expect(trees.map(\.text) == FHIRExport.resources(i, options: FHIRExportOptions(now: at(0))).map(\.text))
        return Dictionary(uniqueKeysWithValues: trees.map { ($0.reference, $0.json!) })
    }

    static func allReferences(_ j: FHIRJSON) -> [String] {
        switch j {
        case .object(let o): return o.flatMap { k, v in k == "reference" ? [v.stringValue ?? "?"] : allReferences(v) }
        case .array(let a): return a.flatMap(allReferences)
        default: return []
        }
    }

    static func codes(_ j: FHIRJSON) -> [String] {
        switch j {
        case .object(let o): return (o["code"]?.stringValue.map { [$0] } ?? []) + o.values.flatMap(codes)
        case .array(let a): return a.flatMap(codes)
        default: return []
        }
    }

    @Test func theJSONTextIsTheSameEverywhere() {
        let j: FHIRJSON = ["id": "a", "resourceType": "Patient", "active": true, "deceasedBoolean": false, "t": .decimal(36.8),
                           "w": .decimal(37), "n": .int(-3), "s": "Say \"hi\"\n\u{1}\\ é"]
        #expect(j.text == #"{"resourceType":"Patient","active":true,"deceasedBoolean":false,"id":"a","n":-3,"s":"Say \"hi\"\n\u0001\\ é","t":36.8,"w":37}"#)
        #expect(FHIRTime.instant(Date(timeIntervalSince1970: 1_796_000_000.5)) == "2026-11-30T00:53:20.500Z")
        #expect(FHIRTime.instant(Date(timeIntervalSince1970: -0.25)) == "1969-12-31T23:59:59.750Z")
        // Against Foundation's formatter, across leap days and centuries.
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for seconds in stride(from: -2_208_988_800, through: 4_102_444_800, by: 7_654_321) {
            let d = Date(timeIntervalSince1970: Double(seconds) + 0.25)   // a fraction a Double holds exactly
            #expect(FHIRTime.instant(d) == f.string(from: d))
        }
        #expect(FHIRTime.instant(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
        #expect(FHIRTime.time("8:05") == "08:05:00" && FHIRTime.time("25:00") == nil)
    }

    @Test func amendmentsMakeOneResourcePerEntryAmendedOrEnteredInError() throws {
        let rows = [Self.vitals(1, 84, entered: 0), Self.vitals(3, 90, entered: 5, supersedes: 1, reason: "misread"),
                    Self.vitals(2, 70, entered: 1), Self.vitals(4, 70, entered: 6, supersedes: 2, reason: "wrong patient", voided: true),
                    Self.vitals(5, 60, entered: 2)]
        let chains = EntryChain.build(rows.shuffled())
        #expect(chains.map { $0.versions.map(\.rowID) } == [[1, 3], [2, 4], [5]])
        let r = Self.export(Self.input(vitals: rows))
        #expect(r["Observation/obs-vitals-1"]?["status"] == "amended")
        #expect(r["Observation/obs-vitals-1-hr"]?["valueQuantity"]?["value"] == .int(90))
        #expect(r["Observation/obs-news2-1"]?["status"] == "amended")
        #expect(r["Observation/obs-vitals-2"]?["status"] == "entered-in-error")
        #expect(r["Observation/obs-vitals-5"]?["status"] == "final")
        #expect(r["Observation/obs-vitals-3"] == nil && r["Observation/obs-vitals-4"] == nil, "a correction is a version, not a resource")
        let note = r["Observation/obs-vitals-2"]?["note"]?.text ?? ""
        #expect(note.contains("Entered in error: wrong patient (replaces Wardline entry vital_signs #2)"), "\(note)")
        #expect(r["Observation/obs-vitals-1"]?["extension"]?.text.contains(FHIRCodes.replacesExtension) == true)
        // Every reference resolves; the staff and beds referred to are there.
        for (key, json) in r { for ref in Self.allReferences(json) { #expect(r[ref] != nil, "\(key) → \(ref)") } }
        #expect(r["Practitioner/practitioner-10"] != nil && r["Practitioner/practitioner-11"] == nil)
        #expect(r["Location/location-bed-3"]?["partOf"]?["reference"] == "Location/location-ward")
    }

    @Test func news2CarriesItsSubScoresWithScale2InWardlinesCodeSystem() throws {
        let r = Self.export(Self.input(vitals: [Self.vitals(1, 84, entered: 0), Self.vitals(2, 84, entered: 0, scale2: true)]))
        let n1 = try #require(r["Observation/obs-news2-1"])
        #expect(n1["code"]?.text.contains("1104051000000101") == true)
        #expect(n1["valueQuantity"]?["code"] == "{score}" && n1["derivedFrom"]?.text.contains("Observation/obs-vitals-1") == true)
        #expect(Set(Self.codes(n1["component"] ?? [])) == ["1104301000000104", "1104311000000102", "1104331000000105", "1104341000000101",
                                                              "1104351000000103", "1104361000000100", "1104371000000107"])
        let n2 = try #require(r["Observation/obs-news2-2"])
        #expect(Self.codes(n2["component"] ?? []).contains("news2-spo2-scale2-subscore"))
        #expect(!Self.codes(n2["component"] ?? []).contains("1104311000000102"))
        // A stored total the protocol in force no longer gives: the total only, and why.
        var odd = Self.vitals(3, 84, entered: 0)
        odd.value.news2Total += 1
        odd.value.news2Parameters = nil
        let n3 = try #require(Self.export(Self.input(vitals: [odd]))["Observation/obs-news2-3"])
        #expect(n3["component"] == nil && n3["note"]?.text.contains("Sub-scores not exported") == true)
    }

    @Test func scalesAreSurveysInWardlinesCodeSystemNeverTheDisputedCodes() throws {
        let items = [1, 2, 0, 3, 0, 1, 2, 0, 1, 4]
        let a = EntryVersion(rowID: 7, patientID: 1, takenAt: Self.at(0), enteredAt: Self.at(0), recordedBy: 10,
                             value: ExportedAssessment(scale: .ciwaAr, items: items, total: items.reduce(0, +), band: "mild"))
        let r = Self.export(Self.input(assessments: [a]))
        let o = try #require(r["Observation/obs-ciwa-ar-7"])
        #expect(o["category"]?.text.contains("survey") == true)
        #expect(o["code"]?["coding"]?.text.contains(FHIRCodes.wardline) == true)
        #expect(o["valueQuantity"]?["value"] == .int(14) && o["interpretation"]?.text.contains("mild") == true)
        if case .array(let comps) = o["component"] { #expect(comps.count == 10) } else { Issue.record("no components") }
        let all = r.values.map(\.text).joined()
        #expect(!all.contains("72109-3") && !all.contains("88330-6"))
    }

    @Test func ordersAndDosesCarryStatusPerformersAndLimits() throws {
        let prn = OrderTerms(kind: .prn, drug: "lorazepam", indication: "symptoms",
                             prn: PRNTerms(template: "t", scale: "ciwa-ar", threshold: 10, doseMg: 1, minIntervalMinutes: 120, maxPer24hDiazepamMg: 40))
        var stoppedTerms = OrderTerms(kind: .taper, drug: "diazepam", indication: "taper", doseTimes: ["08:00", "20:00"],
                                      taper: TaperTerms(startDailyMg: 20, phases: [OrderPhase(untilMg: 0, step: 2, everyDays: 7)], startDay: "2026-12-01"))
        let taper1 = MedicationOrder(id: 5, patientID: 1, version: 1, versionID: 50, terms: stoppedTerms, reason: nil, writtenBy: 12,
                                     writtenByName: "Doc, Cy", writtenAt: Self.at(-500))
        stoppedTerms.status = .stopped
        let taper2 = MedicationOrder(id: 5, patientID: 1, version: 2, versionID: 51, terms: stoppedTerms, reason: "patient left", writtenBy: 12,
                                     writtenByName: "Doc, Cy", writtenAt: Self.at(-10))
        let prnOrder = MedicationOrder(id: 6, patientID: 1, version: 1, versionID: 60, terms: prn, reason: nil, writtenBy: 12,
                                       writtenByName: "Doc, Cy", writtenAt: Self.at(-400))
        let given = Administration(id: 8, patientID: 1, orderID: 6, orderVersion: 1, isPRN: true, scheduledFor: nil, status: .given,
                                   drug: "lorazepam", mg: 1, route: "oral", at: Self.at(-30), by: 10, byName: "Nurse, Ann",
                                   witness: WitnessRecord(staff: 11, name: "Charge, Bo"))
        let held = Administration(id: 9, patientID: 1, orderID: 5, orderVersion: 1, isPRN: false, scheduledFor: Self.at(-300), status: .held,
                                  drug: "diazepam", mg: 10, route: "oral", at: Self.at(-300), by: 10, byName: "Nurse, Ann", reason: .heldSedation)
        let r = Self.export(Self.input(orders: [taper1, taper2, prnOrder], doses: [given, held]))
        // Stopped before any dose was given: cancelled; its history in the notes.
        let taper = try #require(r["MedicationRequest/medreq-5"])
        #expect(taper["status"] == "cancelled" && taper["note"]?.text.contains("patient left") == true)
        #expect(taper["dosageInstruction"]?.text.contains("\"timeOfDay\":[\"08:00:00\",\"20:00:00\"]") == true)
        #expect(taper["medicationCodeableConcept"]?.text.contains("N05BA01") == true)
        // A PRN's cap is in diazepam equivalents: annotated mg unless the drug is diazepam.
        let p = try #require(r["MedicationRequest/medreq-6"]?["dosageInstruction"])
        #expect(p.text.contains("mg{diazepam-equivalent}") && p.text.contains("\"asNeededCodeableConcept\""))
        #expect(p.text.contains("\"denominator\":{\"code\":\"h\",\"system\":\"http://unitsofmeasure.org\",\"unit\":\"h\",\"value\":24}"))
        #expect(r["MedicationRequest/medreq-6"]?["medicationCodeableConcept"]?.text.contains("N05BA06") == true)
        let g = try #require(r["MedicationAdministration/medadmin-8"])
        #expect(g["status"] == "completed" && g["request"]?["reference"] == "MedicationRequest/medreq-6")
        #expect(g["performer"]?.text.contains("\"code\":\"witness\"") == true && g["performer"]?.text.contains("practitioner-11") == true)
        let h = try #require(r["MedicationAdministration/medadmin-9"])
        #expect(h["status"] == "not-done" && h["statusReason"]?.text.contains("held: sedation") == true)
        // With a dose given, a stopped order is stopped.
        var doneHeld = held
        doneHeld.status = .given
        doneHeld.reason = nil
        #expect(Self.export(Self.input(orders: [taper1, taper2], doses: [doneHeld]))["MedicationRequest/medreq-5"]?["status"] == "stopped")
    }

    @Test func theBundleWrittenPieceByPieceIsTheBundleAsOneTree() throws {
        let rows = [Self.vitals(1, 84, entered: 0)]
        let options = FHIRExportOptions(baseURL: "https://fhir.example.org/r4/", now: Self.at(0))
        let resources = FHIRExport.resourceTrees(Self.input(vitals: rows), options: options)
        let tree: FHIRJSON = ["resourceType": "Bundle", "type": "transaction", "timestamp": .string(FHIRTime.instant(Self.at(0))),
                              "entry": .array(resources.map { r in
                                  ["fullUrl": .string("https://fhir.example.org/r4/\(r.reference)"), "resource": r.json!,
                                   "request": ["method": "PUT", "url": .string(r.reference)]] })]
        #expect(FHIRExport.bundlePieces(resources, options: options).joined() == tree.text)
        #expect(FHIRExport.bundlePieces([], options: options).joined() == #"{"resourceType":"Bundle","timestamp":"2026-11-30T00:53:20.000Z","type":"transaction"}"#)
        let files = FHIRExport.ndjson(resources)
        #expect(files.map(\.file) == ["Location.ndjson", "Practitioner.ndjson", "Patient.ndjson", "Encounter.ndjson",
                                       "AllergyIntolerance.ndjson", "Flag.ndjson", "Observation.ndjson"])
        #expect(files.last?.lines.count == 8)   // panel, five vital signs, ACVPU, NEWS2
    }

    @Test func patientsStaysAllergiesAndFlags() throws {
        let r = Self.export(Self.input())
        let p = try #require(r["Patient/patient-1"])
        #expect(p["name"]?.text == #"[{"family":"Doe","given":["Jane","Q"],"text":"Doe, Jane Q","use":"official"}]"#)
        #expect(p["birthDate"] == "1980-02-29" && p["gender"] == "female")
        #expect(p["identifier"]?.text.contains(FHIRCodes.defaultMRNSystem) == true)
        let e2 = try #require(r["Encounter/encounter-2"])
        #expect(e2["status"] == "finished" && e2["class"]?["code"] == "IMP")
        #expect(e2["location"]?.text.contains("location-bed-1") == true && e2["location"]?.text.contains("location-bed-2") == true)
        #expect(r["AllergyIntolerance/allergy-1-1"]?["code"]?["text"] == "penicillin")
        #expect(r["AllergyIntolerance/allergy-2-1"]?["code"]?["text"] == "No known drug allergies (NKDA)")
        #expect(r["Flag/flag-1-seizure"]?["status"] == "active" && r["Flag/flag-1-other-1"]?["code"]?["text"] == "Other flag: injecting")
    }

    @Test func sinceKeepsWhatChangedAndThePatientsItRefersTo() throws {
        let rows = [Self.vitals(1, 84, entered: 0), Self.vitals(3, 90, entered: 50, supersedes: 1, reason: "misread"),
                    Self.vitals(2, 70, entered: 1)]
        let all = Self.input(vitals: rows)
        let later = all.since(Self.at(30))
        #expect(later.vitals.map(\.original.rowID) == [1])
        #expect(later.stays.map(\.patient.id) == [1])
        #expect(later.stays[0].patient.allergies.isEmpty && later.stays[0].riskFlags.isEmpty, "admission entries are not sent again")
        let r = Self.export(later)
        #expect(r["Patient/patient-1"] != nil && r["Encounter/encounter-1"] != nil && r["Patient/patient-2"] == nil)
        #expect(r.keys.filter { $0.hasPrefix("AllergyIntolerance/") }.isEmpty)
        for (key, json) in r { for ref in Self.allReferences(json) { #expect(r[ref] != nil, "\(key) → \(ref)") } }
        // A discharge after the time keeps that stay (its Encounter changed).
        #expect(all.since(Self.at(-150)).stays.map(\.patient.id) == [1, 2])
    }
}
