import Foundation

/// What the hospital's PAS said of an admitted patient that the charge nurse acts on: a discharge
/// (ADT^A03) or a cancelled admission (A11). A Wardline discharge is final and stops the patient's
/// alerts, so a message does not discharge on its own; the overview shows the notice until the
/// charge nurse discharges, or the PAS withdraws it (A13).
public struct PASNotice: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case discharged = "A03", admissionCancelled = "A11" }
    public var kind: Kind
    public var receivedAt: Date
    public init(kind: Kind, receivedAt: Date) { self.kind = kind; self.receivedAt = receivedAt }

    public var text: String {
        switch kind {
        case .discharged: "The PAS discharged this patient"
        case .admissionCancelled: "The PAS cancelled this admission"
        }
    }
}

extension Patient {
    /// The risk flag an admission by the hospital's ADT feed carries until the charge nurse completes
    /// it (`A` on the row): ADT has no seizure or substance history, which the ward's flags, alerts
    /// and taper use.
    public static let pasNotAskedFlag = "Admitted from the PAS: seizure history and substances not asked yet"
    /// Admitted by the ADT feed and not yet completed by the charge nurse.
    public var admissionIncomplete: Bool { riskFlags.contains(Self.pasNotAskedFlag) }
}

extension WardSnapshot {
    /// Admitted patients without a bed (admitted by the ADT feed with no free bed), oldest first.
    public var waitingForBed: [Patient] {
        patients.filter { $0.bed == nil }.sorted { ($0.admittedAt, $0.id) < ($1.admittedAt, $1.id) }
    }
}
