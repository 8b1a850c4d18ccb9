/// Every code the FHIR export writes, in one place, with where it comes from. The clinical codes
/// are data from the clinical fact sheet (/work/shared/clinical/facts.md §8, "Codes for
/// interoperability", source tags [Sn] as there); the FHIR infrastructure code systems
/// (observation-category, v3-ActCode, …) are the FHIR R4 specification's own. A concept with no
/// confirmed standard code is coded in Wardline's own CodeSystem (`FHIRCodes.wardline`), never with
/// a code the fact sheet marks UNCONFIRMED or CONFLICT (CIWA-Ar: not LOINC 72109-3; NEWS2: not 88330-6).
/// docs/clinical.md "Codes in the FHIR export" lists the same table for the clinical lead.
public enum FHIRCodes {
    // MARK: Code systems
    public static let loinc = "http://loinc.org"
    public static let snomed = "http://snomed.info/sct"
    public static let ucum = "http://unitsofmeasure.org"
    public static let atc = "http://www.whocc.no/atc"
    /// Wardline's own CodeSystem: scales and items with no confirmed standard code.
    public static let wardline = "https://wardline.example/fhir/CodeSystem/wardline"
    public static let observationCategory = "http://terminology.hl7.org/CodeSystem/observation-category"
    public static let actCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
    public static let identifierType = "http://terminology.hl7.org/CodeSystem/v2-0203"
    public static let locationType = "http://terminology.hl7.org/CodeSystem/location-physical-type"
    public static let performFunction = "http://terminology.hl7.org/CodeSystem/med-admin-perform-function"
    public static let allergyClinical = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
    public static let flagCategory = "http://terminology.hl7.org/CodeSystem/flag-category"
    public static let dataAbsentReason = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
    /// The FHIR R4 vital-signs profile (hl7.org/fhir/R4/vitalsigns.html).
    public static let vitalSignsProfile = "http://hl7.org/fhir/StructureDefinition/vitalsigns"

    // MARK: Identifier systems (Wardline's; a site may give its own MRN system with --mrn-system)
    public static let defaultMRNSystem = "https://wardline.example/fhir/sid/mrn"
    public static let staffSystem = "https://wardline.example/fhir/sid/staff"
    public static let entrySystem = "https://wardline.example/fhir/sid/entry"
    public static let orderSystem = "https://wardline.example/fhir/sid/order"
    /// Extension naming the Wardline entries an amended or voided resource replaces.
    public static let replacesExtension = "https://wardline.example/fhir/StructureDefinition/replaces-entry"

    /// A code of a code system, with its display when the source gives one.
    public struct Code: Sendable, Hashable {
        public var system: String
        public var code: String
        public var display: String?
        public init(_ system: String, _ code: String, _ display: String? = nil) {
            self.system = system; self.code = code; self.display = display
        }
        var coding: FHIRJSON {
            var o = FHIRObject(["system": .string(system), "code": .string(code)])
            o["display"] = display.map { .string($0) }
            return o.json
        }
    }

    // MARK: Vital signs — LOINC, CONFIRMED [S40] (8310-5, 2708-6, 59408-5: SECONDARY [S41])
    public static let vitalSignsPanel = Code(loinc, "85353-1", "Vital signs, weight, height, head circumference, oxygen saturation and BMI panel")
    public static let respiratoryRate = Code(loinc, "9279-1", "Respiratory rate")
    public static let heartRate = Code(loinc, "8867-4", "Heart rate")
    public static let bloodPressurePanel = Code(loinc, "85354-9", "Blood pressure panel with all children optional")
    public static let systolic = Code(loinc, "8480-6", "Systolic blood pressure")
    public static let diastolic = Code(loinc, "8462-4", "Diastolic blood pressure")
    public static let bodyTemperature = Code(loinc, "8310-5", "Body temperature")
    public static let oxygenSaturation = Code(loinc, "2708-6", "Oxygen saturation in Arterial blood")
    public static let oxygenSaturationByPulseOximetry = Code(loinc, "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry")
    /// Level of consciousness (ACVPU): no confirmed LOINC in facts.md → Wardline.
    public static let acvpu = Code(wardline, "acvpu", "Level of consciousness (ACVPU)")

    // MARK: NEWS2 — SNOMED CT UK extension, CONFIRMED [S21] (UK ED FHIR IG example)
    public static let news2Total = Code(snomed, "1104051000000101")
    /// The seven NEWS2 parameters as sub-scores (RCP Chart 1), each a component of the NEWS2 Observation.
    public enum NEWS2SubScore: String, Sendable, CaseIterable {
        case respirationRate, spo2, airOrOxygen, systolicBP, pulse, consciousness, temperature
    }
    /// Sub-score codes [S21]; the SpO2 scale 2 sub-score has no code there ("not found") → Wardline.
    public static func news2SubScore(_ p: NEWS2SubScore, scale2: Bool) -> Code {
        switch p {
        case .respirationRate: Code(snomed, "1104301000000104")
        case .spo2: scale2 ? Code(wardline, "news2-spo2-scale2-subscore", "NEWS2 SpO2 scale 2 sub-score") : Code(snomed, "1104311000000102")
        case .airOrOxygen: Code(snomed, "1104331000000105")
        case .systolicBP: Code(snomed, "1104341000000101")
        case .pulse: Code(snomed, "1104351000000103")
        case .consciousness: Code(snomed, "1104361000000100")
        case .temperature: Code(snomed, "1104371000000107")
        }
    }

    // MARK: Scales — no confirmed code (facts.md §8: CIWA-Ar CONFLICT, CIWA-B/BWSQ/RASS UNCONFIRMED) → Wardline
    public static func scaleTotal(_ s: ScaleKind) -> Code {
        switch s {
        case .ciwaB: Code(wardline, "ciwa-b-total", "CIWA-B total score")
        case .ciwaAr: Code(wardline, "ciwa-ar-total", "CIWA-Ar total score")
        case .bwsq: Code(wardline, "bwsq-total", "BWSQ total score")
        case .rass: Code(wardline, "rass", "Richmond Agitation-Sedation Scale (RASS)")
        case .poss: Code(wardline, "poss", "Pasero Opioid-induced Sedation Scale (POSS) level")
        }
    }
    /// One item of a scale: "ciwa-ar-item-nausea".
    public static func scaleItem(_ s: ScaleKind, key: String, label: String) -> Code {
        Code(wardline, "\(s.rawValue)-item-\(key)", label)
    }
    /// A POSS level as a coded answer: "poss-level-S", "poss-level-3".
    public static func possLevel(_ l: POSSLevel, label: String?) -> Code { Code(wardline, "poss-level-\(l.rawValue)", label) }
    /// A risk flag of the banner (Wardline's own list: RiskFlag.Kind).
    public static func riskFlag(_ k: RiskFlag.Kind, label: String) -> Code { Code(wardline, "risk-flag-\(k.rawValue)", label) }

    // MARK: Medicines — ATC, CONFIRMED (multiple independent repos) [S46]
    public static let atcCodes: [String: String] = [
        "diazepam": "N05BA01", "chlordiazepoxide": "N05BA02", "oxazepam": "N05BA04",
        "lorazepam": "N05BA06", "alprazolam": "N05BA12", "clonazepam": "N03AE01",
    ]
    /// The ATC code of a drug name as the ward writes it (lower case), when facts.md has one.
    public static func atc(_ drug: String) -> Code? {
        atcCodes[drug.lowercased()].map { Code(atc, $0, drug.lowercased()) }
    }

    // MARK: FHIR infrastructure codes (FHIR R4 specification)
    public static let vitalSignsCategory = Code(observationCategory, "vital-signs", "Vital Signs")
    public static let surveyCategory = Code(observationCategory, "survey", "Survey")
    public static let examCategory = Code(observationCategory, "exam", "Exam")
    public static let inpatient = Code(actCode, "IMP", "inpatient encounter")
    public static let medicalRecordNumber = Code(identifierType, "MR", "Medical record number")
    public static let wardLocation = Code(locationType, "wa", "Ward")
    public static let bedLocation = Code(locationType, "bd", "Bed")
    public static let performer = Code(performFunction, "performer", "Performer")
    public static let witness = Code(performFunction, "witness", "Witness")
    public static let clinicalFlag = Code(flagCategory, "clinical", "Clinical")
    public static let activeAllergy = Code(allergyClinical, "active", "Active")
    public static let notPerformed = Code(dataAbsentReason, "not-performed", "Not Performed")
}
