import Foundation

/// A prescriber writes a new order (version 1).
public struct WriteOrder: Sendable, Hashable {
    public var patientID: PatientID
    public var terms: OrderTerms
    public init(patientID: PatientID, terms: OrderTerms) { self.patientID = patientID; self.terms = terms }
}

/// A prescriber changes an order: a new version, with the reason. `basedOn`
/// is the version the prescriber was looking at; if someone changed the
/// order since, the change is refused rather than silently overwriting.
public struct ChangeOrder: Sendable, Hashable {
    public var orderID: OrderID
    public var basedOn: Int
    public var terms: OrderTerms
    public var reason: String
    public init(orderID: OrderID, basedOn: Int, terms: OrderTerms, reason: String) {
        self.orderID = orderID; self.basedOn = basedOn; self.terms = terms; self.reason = reason
    }
}

/// A second staff member's ID and PIN, typed on the same terminal.
public struct WitnessCredentials: Sendable, Hashable {
    public var staffID: String
    public var pin: String
    public init(staffID: String, pin: String) { self.staffID = staffID; self.pin = pin }
}

/// Record a dose event: a scheduled dose (`scheduledFor` set) or a PRN dose.
public struct RecordDose: Sendable, Hashable {
    public var orderID: OrderID
    /// The scheduled time answered (nil for PRN).
    public var scheduledFor: Date?
    public var status: AdministrationStatus
    public var reason: ReasonCode?
    public var note: String?
    public var witness: WitnessCredentials?
    /// The observation behind a hold (held for sedation).
    public var observationID: Int64?
    /// Part of the dose destroyed (e.g. half a tablet), mg; needs a witness where the schedule says so.
    public var wastedMg: Double?
    /// When it happened, if earlier than now (charted afterwards); nil = now.
    public var givenAt: Date?
    /// A prescriber's instruction to give the dose although a dose-safety rule holds it.
    public var override: DoseOverride?

    public init(orderID: OrderID, scheduledFor: Date?, status: AdministrationStatus, reason: ReasonCode? = nil,
                note: String? = nil, witness: WitnessCredentials? = nil, observationID: Int64? = nil, wastedMg: Double? = nil,
                givenAt: Date? = nil, override: DoseOverride? = nil) {
        self.givenAt = givenAt; self.override = override
        self.orderID = orderID; self.scheduledFor = scheduledFor; self.status = status; self.reason = reason
        self.note = note; self.witness = witness; self.observationID = observationID; self.wastedMg = wastedMg
    }
}

/// The result of a PRN follow-up re-assessment.
public struct RecordPRNEffect: Sendable, Hashable {
    public var followUpID: Int64
    public var result: PRNFollowUp.Effect
    public init(followUpID: Int64, result: PRNFollowUp.Effect) { self.followUpID = followUpID; self.result = result }
}
