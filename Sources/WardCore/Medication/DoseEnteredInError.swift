import Foundation

/// A dose record marked "entered in error": who marked it, when, and why.
/// The record itself is never changed; it stops counting (the scheduled
/// dose is due again, the 24-h total and PRN checks leave it out).
public struct DoseEnteredInError: Sendable, Hashable {
    public var reason: String
    public var by: StaffKey
    public var byName: String
    public var at: Date
    public init(reason: String, by: StaffKey, byName: String, at: Date) {
        self.reason = reason; self.by = by; self.byName = byName; self.at = at
    }
}

/// Mark one dose record (scheduled or PRN) entered in error, with the reason.
public struct MarkDoseEnteredInError: Sendable, Hashable {
    public var administrationID: AdministrationID
    public var reason: String
    public init(administrationID: AdministrationID, reason: String) {
        self.administrationID = administrationID; self.reason = reason
    }
}

extension WardSnapshot {
    /// Dose records of today (ward-local day: recorded today, or answering a dose
    /// scheduled today) later marked entered in error, newest first.
    public func enteredInErrorToday(for id: PatientID, now: Date, calendar: Calendar) -> [Administration] {
        let start = calendar.startOfDay(for: now)
        return (voidedAdministrations[id] ?? []).filter { $0.at >= start || ($0.scheduledFor.map { $0 >= start } ?? false) }
    }

    /// PRN follow-ups still waiting for a result whose dose still counts
    /// (a dose marked entered in error has nothing to re-assess).
    public func openPRNFollowUps(for id: PatientID) -> [PRNFollowUp] {
        let voided = Set((voidedAdministrations[id] ?? []).map(\.id))
        return (prnFollowUps[id] ?? []).filter { $0.result == nil && !voided.contains($0.administrationID) }
    }
}
