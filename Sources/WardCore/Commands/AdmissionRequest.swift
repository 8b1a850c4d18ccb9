import Foundation

/// What the admission form asks the store to record (the store checks it again).
public struct AdmissionRequest: Sendable, Hashable {
    public var mrn: String
    public var name: String
    public var dateOfBirth: CalendarDate
    public var sex: Sex
    public var bed: String
    public var substances: [SubstanceUse]
    public var allergies: [String]
    public var seizureHistory: Bool
    public var riskFlags: [String]
    public var admissionFlags: [AdmissionFlag]
    public init(mrn: String, name: String, dateOfBirth: CalendarDate, sex: Sex, bed: String, substances: [SubstanceUse],
                allergies: [String], seizureHistory: Bool, riskFlags: [String], admissionFlags: [AdmissionFlag] = []) {
        self.mrn = mrn; self.name = name; self.dateOfBirth = dateOfBirth; self.sex = sex; self.bed = bed
        self.substances = substances; self.allergies = allergies; self.seizureHistory = seizureHistory; self.riskFlags = riskFlags
        self.admissionFlags = admissionFlags
    }
}
