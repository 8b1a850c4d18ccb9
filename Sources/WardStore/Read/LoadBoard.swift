import Foundation
import WardCore

extension Store {
    /// The ward board's part of a snapshot: the alert log, this shift's
    /// nurse assignments and the staff who can be assigned.
    static func loadBoard(_ db: any SQLTx, into s: inout WardSnapshot, protocol ward: WardProtocol, now: Date,
                          calendar: Calendar = .wardDefault) throws {
        s.alertLog = try loadAlertLog(db)
        if let shift = ward.shifts.instance(at: now, calendar: calendar) {
            s.assignments = try loadAssignments(db, shiftStart: shift.start)
        }
        s.assignableStaff = try loadAssignableStaff(db)
    }
}
