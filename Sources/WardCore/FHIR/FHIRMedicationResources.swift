import Foundation

/// MedicationRequest (taper and PRN orders) and MedicationAdministration (every dose record).
extension FHIRBuilder {
    mutating func addMedication() {
        var byOrder: [OrderID: [MedicationOrder]] = [:]
        for v in input.orderVersions where stayByPatient[v.patientID] != nil { byOrder[v.id, default: []].append(v) }
        for id in byOrder.keys.sorted() {
            let versions = byOrder[id]!.sorted { $0.version < $1.version }
            addOrder(versions)
        }
        for a in input.administrations where stayByPatient[a.patientID] != nil && byOrder[a.orderID] != nil {
            addAdministration(a)
        }
    }

    static func requestID(_ o: OrderID) -> String { "medreq-\(o)" }

    static func medication(_ drug: String) -> FHIRJSON {
        concept(FHIRCodes.atc(drug).map { [$0] } ?? [], text: drug)
    }

    static func mg(_ v: Double) -> FHIRJSON { quantity(v, unit: "mg", code: "mg") }

    mutating func addOrder(_ versions: [MedicationOrder]) {
        let cur = versions[versions.count - 1], t = cur.terms
        var o = FHIRObject()
        o["identifier"] = [Self.identifier(FHIRCodes.orderSystem, String(cur.id))]
        let status: String
        switch t.status {
        case .active: status = "active"
        case .held: status = "on-hold"
        // Stopped after a dose was given: stopped; before any: cancelled (FHIR: "prior to taking any action").
        case .stopped: status = input.ordersGiven.contains(cur.id) ? "stopped" : "cancelled"
        }
        o["status"] = .string(status)
        if t.status != .active, let r = cur.reason { o["statusReason"] = Self.text(r) }
        o["intent"] = "order"
        o["medicationCodeableConcept"] = Self.medication(t.drug)
        o["subject"] = patientRef(cur.patientID)
        o["encounter"] = encounterRef(cur.patientID)
        o["authoredOn"] = Self.instant(cur.createdAt)
        o["requester"] = staffRef(cur.writtenBy)
        o["reasonCode"] = [Self.text(t.indication)]
        o["dosageInstruction"] = [Self.dosage(t)]
        var notes: [FHIRJSON] = []
        for v in versions where v.version > 1 {
            notes.append(annotation("Version \(v.version): \(v.reason ?? "changed") (\(v.terms.status.rawValue))", by: v.writtenBy, at: v.writtenAt))
        }
        o["note"] = .array(notes)
        add("MedicationRequest", Self.requestID(cur.id), o)
    }

    /// The order's Dosage: a taper's times, start dose and plan in words, its daily maximum (the start
    /// dose: a taper only goes down); a PRN's dose, criterion, minimum interval and 24-hour maximum.
    static func dosage(_ t: OrderTerms) -> FHIRJSON {
        var d = FHIRObject(["sequence": 1])
        d["route"] = text(t.route)
        let perDay: FHIRJSON = ["value": 1, "unit": "d", "system": .string(FHIRCodes.ucum), "code": "d"]
        if let taper = t.taper, t.kind == .taper {
            let steps = taper.phases.map { p in
                "down to \(DoseText.mg(p.untilMg)) mg by \(DoseText.mg(p.step))\(p.percent ? " % of the \(taper.percentOfCurrent ? "current" : "start") dose" : " mg") every \(p.everyDays) days"
            }
            var words = "\(t.drug) taper from \(DoseText.mg(taper.startDailyMg)) mg/day (day 0 = \(taper.startDay)): " + steps.joined(separator: ", then ")
            if !t.doseTimes.isEmpty { words += "; doses at " + t.doseTimes.joined(separator: ", ") }
            if let hold = taper.holdFromDay { words += "; held at that day's dose from \(hold)" }
            d["text"] = .string(words)
            var rep = FHIRObject()
            let times = t.doseTimes.compactMap(FHIRTime.time)
            if !times.isEmpty {
                rep["frequency"] = .int(times.count)
                rep["period"] = 1
                rep["periodUnit"] = "d"
                rep["timeOfDay"] = .array(times.map { .string($0) })
            }
            rep["boundsPeriod"] = CalendarDate(taper.startDay).map { ["start": .string($0.description)] }
            if !rep.members.isEmpty { d["timing"] = ["repeat": rep.json] }
            d["asNeededBoolean"] = false
            d["maxDosePerPeriod"] = ["numerator": mg(taper.startDailyMg), "denominator": perDay]
        } else if let prn = t.prn {
            let scale = ScaleKind(rawValue: prn.scale)?.displayName ?? prn.scale
            let when = "\(scale) ≥ \(prn.threshold)"
            d["text"] = .string("\(t.drug) \(DoseText.mg(prn.doseMg)) mg when \(when), at least \(DoseText.duration(minutes: prn.minIntervalMinutes)) apart, at most \(DoseText.mg(prn.maxPer24hDiazepamMg)) mg diazepam equivalent in 24 h")
            d["asNeededCodeableConcept"] = text(when)
            d["timing"] = ["repeat": ["frequency": 1, "period": .int(prn.minIntervalMinutes), "periodUnit": "min"]]
            d["doseAndRate"] = [["doseQuantity": mg(prn.doseMg)]]
            // The ward's PRN cap is in diazepam equivalents: plain mg only when the drug is diazepam.
            let diazepam = t.drug.lowercased() == "diazepam"
            let numerator = quantity(prn.maxPer24hDiazepamMg, unit: diazepam ? "mg" : "mg (diazepam equivalent)",
                                     code: diazepam ? "mg" : "mg{diazepam-equivalent}")
            d["maxDosePerPeriod"] = ["numerator": numerator,
                                     "denominator": ["value": 24, "unit": "h", "system": .string(FHIRCodes.ucum), "code": "h"]]
        } else {
            d["text"] = .string("\(t.drug) (\(t.kind.rawValue) order)")
        }
        return d.json
    }

    mutating func addAdministration(_ a: Administration) {
        var o = FHIRObject()
        o["identifier"] = [Self.identifier("\(FHIRCodes.entrySystem)/administrations", String(a.id))]
        let status = a.isEnteredInError ? "entered-in-error" : (a.status == .given ? "completed" : "not-done")
        o["status"] = .string(status)
        if a.status != .given {
            let why = [a.status.word, a.reason?.label, a.note].compactMap { $0 }.joined(separator: ": ")
            o["statusReason"] = [Self.text(why)]
        }
        o["medicationCodeableConcept"] = Self.medication(a.drug)
        o["subject"] = patientRef(a.patientID)
        o["context"] = encounterRef(a.patientID)
        o["effectiveDateTime"] = Self.instant(a.at)
        var performers: [FHIRJSON] = [["function": Self.concept([FHIRCodes.performer]), "actor": staffRef(a.by)]]
        if let w = a.witness { performers.append(["function": Self.concept([FHIRCodes.witness]), "actor": staffRef(w.staff)]) }
        o["performer"] = .array(performers)
        o["request"] = Self.ref("MedicationRequest", Self.requestID(a.orderID))
        var dosage = FHIRObject(["route": Self.text(a.route), "dose": Self.mg(a.mg)])
        dosage["text"] = .string(a.isPRN ? "PRN dose" : a.scheduledFor.map { "scheduled dose due \(FHIRTime.instant($0))" } ?? "scheduled dose")
        o["dosage"] = dosage.json
        var notes: [FHIRJSON] = []
        if a.status == .given, let r = a.reason { notes.append(["text": .string("\(a.statusWord): \(r.label)" + (a.note.map { " — \($0)" } ?? ""))]) }
        else if a.status == .given, let n = a.note { notes.append(["text": .string(n)]) }
        if let w = a.wastedMg { notes.append(["text": .string("\(DoseText.mg(w)) mg wasted (witnessed)")]) }
        if let e = a.enteredInError { notes.append(annotation("Entered in error: \(e.reason)", by: e.by, at: e.at)) }
        o["note"] = .array(notes)
        add("MedicationAdministration", "medadmin-\(a.id)", o)
    }
}
