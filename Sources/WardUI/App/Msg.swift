import Foundation
import WardCore

/// Everything that can happen to the app: keys, time, and results of effects.
public enum Msg: Sendable {
    case input(InputEvent)
    case tick(Date)
    case signInResult(Result<StaffMember, CommandRefusal>)
    case wardLoaded(WardSnapshot)
    case saved(Result<Assessment, CommandRefusal>)
    /// Another terminal committed something: reload.
    case storeChanged
    /// A ward-board command (acknowledge, escalate, admit, assign, transfer, discharge) finished: what was done, or why not.
    case boardSaved(Result<String, CommandRefusal>)
}

/// Work for the run loop to do outside `update`; results come back as `Msg`s.
public enum Effect: Sendable, Hashable {
    /// Check a staff ID and secret; answer with `.signInResult`.
    case signIn(staffID: String, secret: String)
    /// Read a fresh ward snapshot; answer with `.wardLoaded`.
    case loadWard
    /// Record an assessment as `session`; answer with `.saved`.
    case record(RecordAssessment, session: Session)
    /// Amend an entry as `session`.
    case amend(AmendEntry, session: Session)
    case quit
    case acknowledgeAlert(WardAlert, note: String?, session: Session)
    case escalateAlert(WardAlert, to: String, outcome: String, session: Session)
    /// Log the alerts open now (raised/cleared) against the snapshot of `version`; no answer.
    case syncAlerts([WardAlert], snapshotVersion: Int)
    case admit(AdmissionRequest, session: Session)
    case assignNurse(bed: String, staff: StaffKey?, session: Session)
    case transfer(patientID: PatientID, toBed: String, session: Session)
    case discharge(patientID: PatientID, session: Session)
}
