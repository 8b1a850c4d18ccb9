import WardCore

/// The charge nurse's ward overview: selection, page, chosen sort, nurse filter.
public struct OverviewState: Sendable, Hashable {
    /// Bed label of the selected row (kept across re-sorts).
    public var selectedBed: String?
    /// A sort chosen by key (nil = the protocol's risk order).
    public var sortFirst: WardSortKey?
    /// Show only the beds assigned to this staff member.
    public var nurseFilter: StaffKey?
    /// Typing a bed number or `/` and a name.
    public var finder = BedFinder()
    public init(selectedBed: String? = nil, sortFirst: WardSortKey? = nil, nurseFilter: StaffKey? = nil) {
        self.selectedBed = selectedBed; self.sortFirst = sortFirst; self.nurseFilter = nurseFilter
    }
}

/// A nurse's "My patients" worklist.
public struct WorklistState: Sendable, Hashable {
    public var staff: StaffKey
    public var selected: Int
    public init(staff: StaffKey, selected: Int = 0) { self.staff = staff; self.selected = selected }
}

/// A small form of text fields (acknowledge, escalate, admit).
public struct TextFields: Sendable, Hashable {
    public var labels: [String]
    public var values: [String]
    public var field: Int = 0
    public init(_ labels: [String], values: [String]? = nil) {
        self.labels = labels; self.values = values ?? labels.map { _ in "" }
    }
    public subscript(_ label: String) -> String {
        labels.firstIndex(of: label).map { values[$0] } ?? ""
    }
}

/// Acknowledge or escalate one alert.
public struct AlertActionForm: Sendable, Hashable {
    public enum Mode: Sendable, Hashable { case acknowledge, escalate }
    public var mode: Mode
    public var alert: WardAlert
    public var fields: TextFields
    public var saving = false
    public var message: Flash?
    public init(mode: Mode, alert: WardAlert) {
        self.mode = mode; self.alert = alert
        fields = TextFields(mode == .acknowledge ? ["Note (optional)"] : ["Escalated to", "Outcome"])
    }
}

/// A prescriber moves a patient between NEWS2 SpO2 scale 1 and 2, with the reason.
public struct SpO2ScaleForm: Sendable, Hashable {
    public var patientID: PatientID
    /// The scale the patient is moved to: 2 when true.
    public var toScale2: Bool
    public var fields = TextFields(["Reason (e.g. hypercapnic respiratory failure, target 88–92 %)"])
    public var saving = false
    public var message: Flash?
    public init(patientID: PatientID, toScale2: Bool) { self.patientID = patientID; self.toScale2 = toScale2 }
}

/// Admit a patient to an empty bed.
public struct AdmitForm: Sendable, Hashable {
    public static let labels = ["MRN", "Name (Family, Given)", "Date of birth (YYYY-MM-DD)", "Sex (F/M/X/U)", "Bed",
                                "Substances (a; b; …)", "Seizure history (y/n)", "Order-set flags (codes)",
                                "Other flags (free text, a, b)", "Allergies (NKDA/list/blank)"]
    public var fields: TextFields
    public var saving = false
    public var message: Flash?
    public init(bed: String) {
        fields = TextFields(Self.labels)
        fields.values[4] = bed
    }
}

/// Choose one of a list (a nurse to assign, a bed to transfer to).
public struct PickerState: Sendable, Hashable {
    public enum Purpose: Sendable, Hashable {
        case assignNurse(bed: String)
        case transfer(patientID: PatientID, fromBed: String)
    }
    public struct Choice: Sendable, Hashable {
        public var label: String
        public var staff: StaffKey?
        public var bed: String?
    }
    public var purpose: Purpose
    public var choices: [Choice]
    public var selected = 0
    public init(purpose: Purpose, choices: [Choice]) { self.purpose = purpose; self.choices = choices }
}

/// Discharge, after reading the summary of the taper so far.
public struct DischargeState: Sendable, Hashable {
    public var patientID: PatientID
    public var summary: [String]
    public var saving = false
}
