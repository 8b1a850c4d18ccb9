import Foundation

/// Patient, Encounter (the stay), AllergyIntolerance, Flag, Location and Practitioner.
extension FHIRBuilder {
    mutating func addStay(_ s: ExportedStay) {
        let p = s.patient
        // Patient: MRN under the site's system, the name as stored ("Family, Given") and split.
        var patient = FHIRObject()
        patient["identifier"] = [["use": "usual", "type": Self.concept([FHIRCodes.medicalRecordNumber]),
                                  "system": .string(options.mrnSystem), "value": .string(p.mrn)]]
        patient["active"] = true
        patient["name"] = [Self.humanName(p.name, use: "official")]
        patient["gender"] = .string(p.sex.rawValue)   // female | male | other | unknown: FHIR's AdministrativeGender
        patient["birthDate"] = .string(p.dateOfBirth.description)
        add("Patient", Self.patientID(p.id), patient)

        // Encounter: the inpatient stay, the ward for the whole of it and each bed for its part.
        let end = p.dischargedAt
        var locations: [FHIRJSON] = []
        var ward = FHIRObject(["location": Self.ref("Location", "location-ward", display: input.wardName),
                               "status": .string(end == nil ? "active" : "completed")])
        ward["period"] = Self.period(p.admittedAt, end)
        locations.append(ward.json)
        for (i, pl) in s.placements.enumerated() {
            let until = i + 1 < s.placements.count ? s.placements[i + 1].placedAt : end
            var l = FHIRObject(["location": bedRef(pl.bed), "status": .string(until == nil ? "active" : "completed")])
            l["period"] = Self.period(pl.placedAt, until)
            locations.append(l.json)
        }
        var enc = FHIRObject()
        enc["status"] = .string(end == nil ? "in-progress" : "finished")
        enc["class"] = FHIRCodes.inpatient.coding
        enc["type"] = [Self.text("Inpatient benzodiazepine withdrawal management")]
        enc["subject"] = patientRef(p.id)
        enc["period"] = Self.period(p.admittedAt, end)
        enc["location"] = .array(locations)
        add("Encounter", Self.encounterID(p.id), enc)

        // Allergies: one per allergy as typed; NKDA as one "no known drug allergies"; none while not yet known.
        let allergyTexts: [String]
        switch p.allergyStatus {
        case .notYetKnown: allergyTexts = []
        case .nkda: allergyTexts = ["No known drug allergies (NKDA)"]
        case .known(let l): allergyTexts = l
        }
        for (i, text) in allergyTexts.enumerated() {
            var a = FHIRObject()
            a["clinicalStatus"] = Self.concept([FHIRCodes.activeAllergy])
            a["code"] = Self.text(text)
            a["patient"] = patientRef(p.id)
            a["encounter"] = encounterRef(p.id)
            a["recordedDate"] = Self.instant(s.enteredAt)
            add("AllergyIntolerance", "allergy-\(p.id)-\(i + 1)", a)
        }

        // Flags: the risk flags the ward's rules raise (seizure, co-sedation, …) and the typed ones.
        var others = 0
        for f in s.riskFlags {
            var flag = FHIRObject()
            flag["status"] = .string(end == nil ? "active" : "inactive")
            flag["category"] = [Self.concept([FHIRCodes.clinicalFlag])]
            flag["code"] = Self.concept([FHIRCodes.riskFlag(f.kind, label: f.label)], text: f.text)
            flag["subject"] = patientRef(p.id)
            flag["period"] = Self.period(p.admittedAt, end)
            flag["encounter"] = encounterRef(p.id)
            let id: String
            if f.kind == .other { others += 1; id = "flag-\(p.id)-other-\(others)" } else { id = "flag-\(p.id)-\(f.kind.rawValue.lowercased())" }
            add("Flag", id, flag)
        }
    }

    static func period(_ start: Date, _ end: Date?) -> FHIRJSON {
        var o = FHIRObject(["start": instant(start)])
        o["end"] = end.map(instant)
        return o.json
    }

    /// "Family, Given Middle" → family + given; anything else as text only.
    static func humanName(_ stored: String, use: String?) -> FHIRJSON {
        var o = FHIRObject(["text": .string(stored)])
        o["use"] = use.map { .string($0) }
        if let comma = stored.firstIndex(of: ",") {
            let family = stored[..<comma].trimmingCharacters(in: .whitespaces)
            let given = stored[stored.index(after: comma)...].split(separator: " ").map { FHIRJSON.string(String($0)) }
            o["family"] = .string(family)
            o["given"] = .array(given)
        }
        return o.json
    }

    mutating func addLocations() {
        var ward = FHIRObject()
        ward["status"] = "active"
        ward["name"] = .string(input.wardName)
        ward["mode"] = "instance"
        ward["physicalType"] = Self.concept([FHIRCodes.wardLocation])
        add("Location", "location-ward", ward)
        for label in bedsUsed {
            var bed = FHIRObject()
            bed["status"] = .string(input.beds.contains(label) ? "active" : "inactive")
            bed["name"] = .string("Bed \(label)")
            bed["mode"] = "instance"
            bed["physicalType"] = Self.concept([FHIRCodes.bedLocation])
            bed["partOf"] = Self.ref("Location", "location-ward", display: input.wardName)
            add("Location", bedID(label), bed)
        }
    }

    mutating func addPractitioner(_ key: StaffKey) {
        var o = FHIRObject()
        if let m = staffByKey[key] {
            o["identifier"] = [Self.identifier(FHIRCodes.staffSystem, m.staffID)]
            o["active"] = .bool(!m.disabled)
            o["name"] = [Self.humanName(m.name, use: nil)]
        } else {
            o["name"] = [["text": .string("staff #\(key) (not on the staff list)")]]
        }
        add("Practitioner", "practitioner-\(key)", o)
    }
}
