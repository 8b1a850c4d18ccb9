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
    case vitalsSaved(Result<VitalSignsEntry, CommandRefusal>)
    case sedationSaved(Result<SedationEntry, CommandRefusal>)
    case exceptionSaved(Result<MonitoringExceptionEntry, CommandRefusal>)
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
    /// Record an assessment with its dose-gate answers; answer with `.saved`.
    case recordGated(RecordGatedAssessment, session: Session)
    case recordVitals(RecordVitals, session: Session)
    case recordSedation(RecordSedation, session: Session)
    case recordException(RecordMonitoringException, session: Session)
    case quit
}
