import Foundation

/// Everything one handover printout shows, already gathered. The renderers
/// (text, PDF) only lay this out; they decide nothing clinical.
///
/// Optional fields mean "this source is not recorded in Wardline yet" and are
/// printed as "not recorded"; an empty array means "recorded, none this shift".
public struct HandoverInput: Sendable, Hashable {
    public var wardName: String
    /// "Day", "Night", "07:00-19:30" …
    public var shiftLabel: String
    public var shift: DateInterval
    public var printedAt: Date
    public var printedBy: String
    public var census: Census
    /// Risk-ordered (see `HandoverInput.riskOrdered`).
    public var patients: [PatientHandover]
    /// I-PASS headings (default) or SBAR headings, as the ward protocol says.
    public var labels: HandoverLabels
    /// Times are printed in this zone (the ward's local time).
    public var timeZone: TimeZone
    /// The protocol's `approvedBy` while it is not approved (as shipped): every page
    /// header carries a banner. Nil when the protocol is approved.
    public var unapprovedProtocol: String? = nil

    public init(wardName: String, shiftLabel: String, shift: DateInterval, printedAt: Date, printedBy: String,
                census: Census, patients: [PatientHandover], labels: HandoverLabels = .ipass,
                timeZone: TimeZone = .current) {
        self.wardName = wardName; self.shiftLabel = shiftLabel; self.shift = shift
        self.printedAt = printedAt; self.printedBy = printedBy; self.census = census
        self.patients = patients; self.labels = labels; self.timeZone = timeZone
    }
}

public struct Census: Sendable, Hashable {
    public var occupied: Int
    public var empty: Int
    /// nil = admissions/discharges are not recorded per shift yet.
    public var admissions: Int?
    public var discharges: Int?
    public init(occupied: Int, empty: Int, admissions: Int?, discharges: Int?) {
        self.occupied = occupied; self.empty = empty; self.admissions = admissions; self.discharges = discharges
    }
}

/// The section headings. I-PASS (Starmer 2012) is the default; SBAR maps its
/// four headings onto the same sections (facts.md §9).
public enum HandoverLabels: String, Sendable, Hashable, CaseIterable {
    case ipass, sbar

    public func title(_ section: HandoverSection) -> String {
        switch (self, section) {
        case (.ipass, .illnessSeverity): "I  Illness severity"
        case (.ipass, .summary): "P  Patient summary"
        case (.ipass, .shiftNumbers): "P  The shift in numbers"
        case (.ipass, .actions): "A  Action list"
        case (.ipass, .contingencies): "S  Situation awareness & contingencies"
        case (.ipass, .synthesis): "S  Synthesis by receiver"
        case (.sbar, .illnessSeverity): "S  Situation"
        case (.sbar, .summary): "B  Background"
        case (.sbar, .shiftNumbers): "A  Assessment (the shift in numbers)"
        case (.sbar, .actions): "R  Recommendation: actions"
        case (.sbar, .contingencies): "R  Recommendation: if ... then ..."
        case (.sbar, .synthesis): "   Read-back by receiver"
        }
    }
}

public enum HandoverSection: Sendable, Hashable, CaseIterable {
    case illnessSeverity, summary, shiftNumbers, actions, contingencies, synthesis
}
