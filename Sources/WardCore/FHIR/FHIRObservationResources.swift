import Foundation

/// Observations: vital signs (the FHIR vital-signs profile), NEWS2, withdrawal scales and sedation.
extension FHIRBuilder {
    /// What every Observation of one entry shares: status, who, when, the amendment history.
    struct EntryFacts {
        var status: String
        var patient: PatientID
        var takenAt: Date
        var enteredAt: Date
        var recordedBy: StaffKey
        var notes: [FHIRJSON]
        var replaces: [FHIRJSON]
        var identifier: FHIRJSON
    }

    /// The status of a chain's resource and the notes saying what it replaces. FHIR's `amended` is the
    /// status of the corrected entry (the resource as it is now, after a correction); `entered-in-error`
    /// the status of a voided one. Superseded versions are not resources of their own: they are earlier
    /// versions of the same resource (same id), named in the notes and the replaces-entry extension.
    mutating func facts<V>(_ c: EntryChain<V>, table: String) -> EntryFacts {
        let cur = c.current
        let status = cur.enteredInError ? "entered-in-error" : (c.versions.count > 1 ? "amended" : "final")
        var notes: [FHIRJSON] = [], replaces: [FHIRJSON] = []
        for (i, v) in c.versions.enumerated() where i > 0 {
            let prev = c.versions[i - 1].rowID
            let what = v.enteredInError ? "Entered in error" : "Amended"
            notes.append(annotation("\(what): \(v.amendReason ?? "no reason recorded") (replaces Wardline entry \(table) #\(prev))",
                                    by: v.recordedBy, at: v.enteredAt))
            replaces.append(["url": .string(FHIRCodes.replacesExtension),
                             "valueIdentifier": Self.identifier("\(FHIRCodes.entrySystem)/\(table)", String(prev))])
        }
        return EntryFacts(status: status, patient: cur.patientID, takenAt: c.original.takenAt, enteredAt: cur.enteredAt,
                          recordedBy: cur.recordedBy, notes: notes, replaces: replaces,
                          identifier: Self.identifier("\(FHIRCodes.entrySystem)/\(table)", String(cur.rowID)))
    }

    mutating func observation(_ f: EntryFacts, category: FHIRCodes.Code, code: FHIRJSON, profile: Bool = false) -> FHIRObject {
        var o = FHIRObject()
        if profile { o["meta"] = ["profile": [.string(FHIRCodes.vitalSignsProfile)]] }
        o["identifier"] = [f.identifier]
        o["extension"] = .array(f.replaces)
        o["status"] = .string(f.status)
        o["category"] = [Self.concept([category])]
        o["code"] = code
        o["subject"] = patientRef(f.patient)
        o["encounter"] = encounterRef(f.patient)
        o["effectiveDateTime"] = Self.instant(f.takenAt)
        o["issued"] = Self.instant(f.enteredAt)
        o["performer"] = [staffRef(f.recordedBy)]
        o["note"] = .array(f.notes)
        return o
    }

    static func score(_ v: Int) -> FHIRJSON { quantity(v, unit: "{score}", code: "{score}") }

    // MARK: Vital signs and NEWS2

    mutating func addVitals(_ c: EntryChain<ExportedVitals>) {
        let f = facts(c, table: "vital_signs")
        let v = c.current.value.vitals, root = "obs-vitals-\(c.original.rowID)"
        func member(_ suffix: String) -> String { "\(root)-\(suffix)" }
        let vs = FHIRCodes.vitalSignsCategory
        var members: [FHIRJSON] = []

        var rr = observation(f, category: vs, code: Self.concept([FHIRCodes.respiratoryRate]), profile: true)
        rr["valueQuantity"] = Self.quantity(v.respirationRate, unit: "breaths/minute", code: "/min")
        add("Observation", member("rr"), rr)
        var hr = observation(f, category: vs, code: Self.concept([FHIRCodes.heartRate]), profile: true)
        hr["valueQuantity"] = Self.quantity(v.pulse, unit: "beats/minute", code: "/min")
        add("Observation", member("hr"), hr)
        var bp = observation(f, category: vs, code: Self.concept([FHIRCodes.bloodPressurePanel]), profile: true)
        var diastolic = FHIRObject(["code": Self.concept([FHIRCodes.diastolic])])
        if let d = v.diastolic { diastolic["valueQuantity"] = Self.quantity(d, unit: "mmHg", code: "mm[Hg]") }
        else { diastolic["dataAbsentReason"] = Self.concept([FHIRCodes.notPerformed]) }
        bp["component"] = [["code": Self.concept([FHIRCodes.systolic]), "valueQuantity": Self.quantity(v.systolic, unit: "mmHg", code: "mm[Hg]")],
                           diastolic.json]
        add("Observation", member("bp"), bp)
        var temp = observation(f, category: vs, code: Self.concept([FHIRCodes.bodyTemperature]), profile: true)
        temp["valueQuantity"] = Self.quantity(v.temperature, unit: "Cel", code: "Cel")
        add("Observation", member("temp"), temp)
        var spo2 = observation(f, category: vs, code: Self.concept([FHIRCodes.oxygenSaturation, FHIRCodes.oxygenSaturationByPulseOximetry]),
                               profile: true)
        spo2["valueQuantity"] = Self.quantity(v.spo2, unit: "%", code: "%")
        spo2["note"] = .array(f.notes + [["text": .string(v.onOxygen ? "On supplemental oxygen" : "On air")]])
        add("Observation", member("spo2"), spo2)
        var acvpu = observation(f, category: FHIRCodes.examCategory, code: Self.concept([FHIRCodes.acvpu]))
        acvpu["valueCodeableConcept"] = Self.concept([FHIRCodes.Code(FHIRCodes.wardline, "acvpu-\(v.acvpu.rawValue)", v.acvpu.label)],
                                                     text: v.acvpu.label)
        add("Observation", member("acvpu"), acvpu)
        for s in ["rr", "hr", "bp", "temp", "spo2", "acvpu"] { members.append(Self.ref("Observation", member(s))) }

        var panel = observation(f, category: vs, code: Self.concept([FHIRCodes.vitalSignsPanel]), profile: true)
        panel["hasMember"] = .array(members)
        add("Observation", root, panel)

        // NEWS2: the total as stored when the set was recorded, derived from the panel.
        let value = c.current.value
        var news = observation(f, category: FHIRCodes.surveyCategory, code: Self.concept([FHIRCodes.news2Total], text: "NEWS2 total score"))
        news["valueQuantity"] = Self.score(value.news2Total)
        news["derivedFrom"] = [Self.ref("Observation", root)]
        var notes = f.notes
        if value.scale2 { notes.append(["text": "SpO2 scale 2 in force (a clinician's decision)"]) }
        if let p = value.news2Parameters {
            let scores: [(FHIRCodes.NEWS2SubScore, Int)] = [(.respirationRate, p.respirationRate), (.spo2, p.spo2), (.airOrOxygen, p.airOrOxygen),
                                                           (.systolicBP, p.systolicBP), (.pulse, p.pulse), (.consciousness, p.consciousness),
                                                           (.temperature, p.temperature)]
            news["component"] = .array(scores.map { k, s in
                ["code": Self.concept([FHIRCodes.news2SubScore(k, scale2: value.scale2)]), "valueInteger": .int(s)]
            })
        } else {
            notes.append(["text": .string("Sub-scores not exported: under the protocol in force now they do not add up to the stored total \(value.news2Total)")])
        }
        news["note"] = .array(notes)
        add("Observation", "obs-news2-\(c.original.rowID)", news)
    }

    // MARK: Withdrawal scales (CIWA-B, CIWA-Ar, BWSQ)

    mutating func addAssessment(_ c: EntryChain<ExportedAssessment>) {
        let f = facts(c, table: "assessments")
        let a = c.current.value
        let total = FHIRCodes.scaleTotal(a.scale)
        var o = observation(f, category: FHIRCodes.surveyCategory, code: Self.concept([total], text: total.display))
        o["valueQuantity"] = Self.score(a.total)
        o["interpretation"] = [Self.text(a.band)]
        let items = ScaleDefinition.catalog[a.scale]?.items
        o["component"] = .array(a.items.enumerated().map { i, score in
            let item = items.flatMap { i < $0.count ? $0[i] : nil }
            let code = FHIRCodes.scaleItem(a.scale, key: item?.key ?? "\(i + 1)", label: item?.label ?? "\(a.scale.displayName) item \(i + 1)")
            return ["code": Self.concept([code]), "valueInteger": .int(score)]
        })
        add("Observation", "obs-\(a.scale.rawValue)-\(c.original.rowID)", o)
    }

    // MARK: Sedation (RASS, POSS)

    mutating func addSedation(_ c: EntryChain<SedationScore>) {
        let f = facts(c, table: "sedation_scores")
        let s = c.current.value
        let code = FHIRCodes.scaleTotal(s.scale)
        var o = observation(f, category: FHIRCodes.surveyCategory, code: Self.concept([code], text: code.display))
        switch s {
        case .rass(let v):
            o["valueQuantity"] = Self.score(v)
            if let l = SedationScale.rass.label(for: s) { o["interpretation"] = [Self.text(l)] }
        case .poss(let level):
            let label = SedationScale.poss.label(for: s)
            o["valueCodeableConcept"] = Self.concept([FHIRCodes.possLevel(level, label: label)], text: "POSS \(level.rawValue)" + (label.map { " (\($0))" } ?? ""))
        }
        add("Observation", "obs-sedation-\(c.original.rowID)", o)
    }
}
