import Foundation

/// Choices of the site the export is for.
public struct FHIRExportOptions: Sendable, Hashable {
    /// The identifier system of the ward's MRNs.
    public var mrnSystem: String
    /// The base URL the bundle's `fullUrl`s are made from (Type/id after it).
    public var baseURL: String
    /// When the export was made (the bundle's timestamp).
    public var now: Date
    public init(mrnSystem: String = FHIRCodes.defaultMRNSystem, baseURL: String = "https://wardline.example/fhir", now: Date) {
        self.mrnSystem = mrnSystem; self.baseURL = baseURL; self.now = now
    }
}

/// One FHIR R4 resource of the export, as its one line of JSON text (a ward's year is hundreds of
/// thousands of resources: only the text is kept, not the tree it was made from).
public struct FHIRResource: Sendable, Hashable {
    public var type: String
    public var id: String
    /// The resource's JSON, one line.
    public var text: String
    /// The tree the text was made from, kept only when asked (tests).
    public var json: FHIRJSON?
    /// "Patient/patient-3": how other resources of the export refer to it.
    public var reference: String { "\(type)/\(id)" }
}

/// The ward's record as FHIR R4 (4.0.1) resources: pure functions of `FHIRExportInput`.
/// Every reference is relative ("Type/id") and resolves to a resource of the same export.
public enum FHIRExport {
    /// The order of the resource types in the bundle and of the NDJSON files in the manifest:
    /// what is referred to comes before what refers to it.
    public static let resourceTypes = ["Location", "Practitioner", "Patient", "Encounter", "AllergyIntolerance", "Flag",
                                       "Observation", "MedicationRequest", "MedicationAdministration"]

    /// Every resource of the export, by type (`resourceTypes` order), each type in record order.
    public static func resources(_ input: FHIRExportInput, options: FHIRExportOptions) -> [FHIRResource] {
        var b = FHIRBuilder(input: input, options: options, keepTrees: false)
        b.build()
        return b.finished()
    }

    /// `resources`, each with its JSON tree too (for inspecting the mapping).
    public static func resourceTrees(_ input: FHIRExportInput, options: FHIRExportOptions) -> [FHIRResource] {
        var b = FHIRBuilder(input: input, options: options, keepTrees: true)
        b.build()
        return b.finished()
    }

    /// How many resources of each type.
    public static func counts(_ resources: [FHIRResource]) -> [String: Int] {
        resources.reduce(into: [:]) { $0[$1.type, default: 0] += 1 }
    }

    /// One NDJSON file of a Bulk Data export: its name ("Patient.ndjson"), its type and its lines.
    public struct NDJSONFile: Sendable {
        public var file: String
        public var type: String
        /// One resource a line, each line without its line feed.
        public var lines: [String]
    }

    /// Bulk Data NDJSON: one file per resource type present ("Patient.ndjson"), one resource a line.
    public static func ndjson(_ resources: [FHIRResource]) -> [NDJSONFile] {
        var byType: [String: [String]] = [:]
        for r in resources { byType[r.type, default: []].append(r.text) }
        return resourceTypes.compactMap { t in byType[t].map { NDJSONFile(file: "\(t).ndjson", type: t, lines: $0) } }
    }

    /// One transaction Bundle, as pieces of text to write one after the other (a whole ward need not
    /// be one string in memory): every resource PUT at its stable id (so a second export of the same
    /// entries updates them instead of making copies), `fullUrl` = base URL + Type/id. The same text
    /// as `FHIRJSON.text` would give: `resourceType` first, keys sorted.
    public static func bundlePieces(_ resources: [FHIRResource], options: FHIRExportOptions) -> [String] {
        let base = options.baseURL.hasSuffix("/") ? String(options.baseURL.dropLast()) : options.baseURL
        let tail = ",\"timestamp\":" + FHIRJSON.string(FHIRTime.instant(options.now)).text + ",\"type\":\"transaction\"}"
        guard !resources.isEmpty else { return ["{\"resourceType\":\"Bundle\"" + tail] }   // FHIR has no empty arrays
        var pieces = ["{\"resourceType\":\"Bundle\",\"entry\":["]
        pieces.reserveCapacity(resources.count + 2)
        for (i, r) in resources.enumerated() {
            let request: FHIRJSON = ["method": "PUT", "url": .string(r.reference)]
            pieces.append((i > 0 ? "," : "") + "{\"fullUrl\":" + FHIRJSON.string("\(base)/\(r.reference)").text
                          + ",\"request\":" + request.text + ",\"resource\":" + r.text + "}")
        }
        pieces.append("]" + tail)
        return pieces
    }

    /// The Bulk Data manifest of an NDJSON export (files relative to it).
    public static func manifest(_ files: [NDJSONFile], options: FHIRExportOptions, request: String) -> FHIRJSON {
        ["transactionTime": .string(FHIRTime.instant(options.now)), "request": .string(request), "requiresAccessToken": false,
         "output": .array(files.map { ["type": .string($0.type), "url": .string($0.file), "count": .int($0.lines.count)] }),
         "error": []]
    }
}

/// The export being made: resources so far, and the staff, beds and patients they refer to.
struct FHIRBuilder {
    let input: FHIRExportInput
    let options: FHIRExportOptions
    var out: [FHIRResource] = []
    var staffUsed: Set<StaffKey> = []
    var bedsUsed: [String] = []
    let staffByKey: [StaffKey: StaffMember]
    let stayByPatient: [PatientID: ExportedStay]
    let keepTrees: Bool

    init(input: FHIRExportInput, options: FHIRExportOptions, keepTrees: Bool) {
        self.input = input; self.options = options; self.keepTrees = keepTrees
        staffByKey = Dictionary(input.staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        stayByPatient = Dictionary(input.stays.map { ($0.patient.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    mutating func build() {
        for s in input.stays { addStay(s) }
        for c in input.vitals where stayByPatient[c.original.patientID] != nil { addVitals(c) }
        for c in input.assessments where stayByPatient[c.original.patientID] != nil { addAssessment(c) }
        for c in input.sedation where stayByPatient[c.original.patientID] != nil { addSedation(c) }
        addMedication()
    }

    mutating func add(_ type: String, _ id: String, _ o: FHIRObject) {
        var o = o
        o["resourceType"] = .string(type)
        o["id"] = .string(id)
        let json = o.json
        out.append(FHIRResource(type: type, id: id, text: json.text, json: keepTrees ? json : nil))
    }

    /// Locations and practitioners come from what the rest referred to; then all by type.
    mutating func finished() -> [FHIRResource] {
        if !input.stays.isEmpty { addLocations() }
        for key in staffUsed.sorted() { addPractitioner(key) }
        let order = Dictionary(uniqueKeysWithValues: FHIRExport.resourceTypes.enumerated().map { ($1, $0) })
        return out.enumerated().sorted { a, b in
            let (ta, tb) = (order[a.element.type] ?? 99, order[b.element.type] ?? 99)
            return ta != tb ? ta < tb : a.offset < b.offset
        }.map(\.element)
    }

    // MARK: References

    static func ref(_ type: String, _ id: String, display: String? = nil) -> FHIRJSON {
        var o = FHIRObject(["reference": .string("\(type)/\(id)")])
        o["display"] = display.map { .string($0) }
        return o.json
    }
    static func patientID(_ p: PatientID) -> String { "patient-\(p)" }
    static func encounterID(_ p: PatientID) -> String { "encounter-\(p)" }
    func patientRef(_ p: PatientID) -> FHIRJSON { Self.ref("Patient", Self.patientID(p)) }
    func encounterRef(_ p: PatientID) -> FHIRJSON { Self.ref("Encounter", Self.encounterID(p)) }
    mutating func staffRef(_ key: StaffKey) -> FHIRJSON {
        staffUsed.insert(key)
        return Self.ref("Practitioner", "practitioner-\(key)", display: staffByKey[key]?.name)
    }
    mutating func bedRef(_ label: String) -> FHIRJSON {
        if !bedsUsed.contains(label) { bedsUsed.append(label) }
        return Self.ref("Location", bedID(label), display: "Bed \(label)")
    }
    func bedID(_ label: String) -> String {
        if let i = input.beds.firstIndex(of: label) { return "location-bed-\(i + 1)" }
        // A bed no longer in the ward's list: its label, kept to the id alphabet.
        let safe = String(label.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII ? Character($0) : "-" })
        return "location-bed-x-\(safe.prefix(40))"
    }

    // MARK: Shared shapes

    static func concept(_ codes: [FHIRCodes.Code], text: String? = nil) -> FHIRJSON {
        var o = FHIRObject(["coding": .array(codes.map(\.coding))])
        o["text"] = text.map { .string($0) }
        return o.json
    }
    static func text(_ t: String) -> FHIRJSON { ["text": .string(t)] }
    static func quantity(_ v: Double, unit: String, code: String) -> FHIRJSON {
        ["value": .decimal(v), "unit": .string(unit), "system": .string(FHIRCodes.ucum), "code": .string(code)]
    }
    static func quantity(_ v: Int, unit: String, code: String) -> FHIRJSON {
        ["value": .int(v), "unit": .string(unit), "system": .string(FHIRCodes.ucum), "code": .string(code)]
    }
    static func instant(_ d: Date) -> FHIRJSON { .string(FHIRTime.instant(d)) }
    static func identifier(_ system: String, _ value: String) -> FHIRJSON {
        ["system": .string(system), "value": .string(value)]
    }
    mutating func annotation(_ text: String, by: StaffKey?, at: Date?) -> FHIRJSON {
        var o = FHIRObject(["text": .string(text)])
        if let by { o["authorReference"] = staffRef(by) }
        o["time"] = at.map(Self.instant)
        return o.json
    }
}
