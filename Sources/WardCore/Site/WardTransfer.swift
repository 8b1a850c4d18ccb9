import Foundation

/// A patient sent from one ward of the hospital to another (issue 19): sent by the sending ward's
/// charge nurse with the whole record; waiting until the receiving ward accepts them into a bed.
public struct WardTransfer: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var fromWard: String
    public var fromWardName: String
    public var toWard: String
    public var toWardName: String
    public var mrn: String
    public var patientName: String
    public var sentAt: Date
    public var sentByName: String
    public var arrival: Arrival?

    /// Where and when the receiving ward took the patient.
    public struct Arrival: Sendable, Hashable {
        public var bed: String
        public var acceptedAt: Date
        public var acceptedByName: String
        public init(bed: String, acceptedAt: Date, acceptedByName: String) {
            self.bed = bed; self.acceptedAt = acceptedAt; self.acceptedByName = acceptedByName
        }
    }

    public init(id: Int64, fromWard: String, fromWardName: String, toWard: String, toWardName: String, mrn: String,
                patientName: String, sentAt: Date, sentByName: String, arrival: Arrival?) {
        self.id = id; self.fromWard = fromWard; self.fromWardName = fromWardName; self.toWard = toWard
        self.toWardName = toWardName; self.mrn = mrn; self.patientName = patientName; self.sentAt = sentAt
        self.sentByName = sentByName; self.arrival = arrival
    }

    /// Sent, not yet accepted.
    public var isWaiting: Bool { arrival == nil }
}

/// What accepting a transfer did.
public struct TransferArrivalSummary: Sendable, Hashable {
    public var patient: Patient
    public var fromWardName: String
    /// Entries carried into this ward's record, by table.
    public var carried: [String: Int]
    /// Orders held until a prescriber of this ward re-confirms them.
    public var heldOrders: [Int64]
    public init(patient: Patient, fromWardName: String, carried: [String: Int], heldOrders: [Int64]) {
        self.patient = patient; self.fromWardName = fromWardName; self.carried = carried; self.heldOrders = heldOrders
    }
    public var carriedTotal: Int { carried.values.reduce(0, +) }
}
