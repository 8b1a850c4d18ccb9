import Foundation

/// Record a scored withdrawal assessment (CIWA-B, CIWA-Ar, BWSQ).
/// Who recorded it comes from the `Session`; when, from the store's clock
/// unless `takenAt` says the observation was made earlier.
public struct RecordAssessment: Sendable, Hashable {
    public var patientID: PatientID
    public var scale: ScaleKind
    public var items: [Int]
    public var takenAt: Date?
    public init(patientID: PatientID, scale: ScaleKind, items: [Int], takenAt: Date? = nil) {
        self.patientID = patientID; self.scale = scale; self.items = items; self.takenAt = takenAt
    }
}

/// Correct an entry. Never edits the old row: the store writes a new entry
/// that supersedes it, with the reason, and audits both values.
public struct AmendEntry: Sendable, Hashable {
    public enum Change: Sendable, Hashable {
        /// The entry should not have been made (wrong patient, duplicate).
        case enteredInError
        /// The entry's item scores were wrong; these are right.
        case correctedItems([Int])
    }
    public var entryID: EntryID
    public var change: Change
    public var reason: String
    public init(entryID: EntryID, change: Change, reason: String) {
        self.entryID = entryID; self.change = change; self.reason = reason
    }
}

/// Why a command was not carried out: always a sentence a nurse can act on.
public struct CommandRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case invalid          // bad input: the message says what to fix
        case notPermitted     // role: the message names the role needed
        case conflict         // someone else did it first (already given by …)
        case notFound
        case locked           // account locked / sign-in refused
        case storage          // the database could not be written
        case unsafe           // a dose-safety rule refuses it: the message names the rule and the values
    }
    public var kind: Kind
    public var message: String
    public init(_ kind: Kind, _ message: String) { self.kind = kind; self.message = message }
    public var description: String { message }
}
