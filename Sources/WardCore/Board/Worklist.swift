import Foundation

/// One task on a nurse's "My patients" worklist.
public struct WorklistTask: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case alert(WardAlert), observation(ObservationKind), dose(String), prnEffect(String), cosign(Int64)
    }
    public var bed: String
    public var patientID: PatientID
    public var patientName: String
    public var kind: Kind
    public var what: String
    public var dueAt: Date
    public var overdue: Bool
}

public enum Worklist {
    /// A nurse's worklist for the beds assigned to `staff`: first the open critical alerts of those
    /// patients (oldest first), then every check, PRN effect to record and dose due from now to the
    /// horizon (`[observations] worklistHorizonMinutes`, or the end of the shift in force when 0),
    /// overdue ones included, in time order (issue 17, item 4).
    public static func tasks(for staff: StaffKey, input: BoardInput, assignments: [BedAssignment], alerts: [WardAlert] = [],
                             proto: WardProtocol, now: Date, calendar: Calendar = .wardDefault) -> [WorklistTask] {
        let beds = Set(assignments.filter { $0.staff == staff }.map(\.bed))
        let clock = ObservationClock(proto)
        let horizon = horizonEnd(proto, now: now, calendar: calendar)
        var critical: [WorklistTask] = []
        var out: [WorklistTask] = []
        for p in input.patients {
            guard let bed = p.patient.bed, beds.contains(bed) else { continue }
            for a in alerts where a.patientID == p.patient.id && a.severity == .critical {
                critical.append(WorklistTask(bed: bed, patientID: p.patient.id, patientName: p.patient.name, kind: .alert(a),
                                             what: "CRITICAL: \(a.message)", dueAt: a.since, overdue: true))
            }
            for d in p.due(clock, now: now) where d.status != .deferred && d.status != .suspended && d.dueAt <= horizon {
                out.append(WorklistTask(bed: bed, patientID: p.patient.id, patientName: p.patient.name,
                                        kind: .observation(d.kind), what: describe(d),
                                        dueAt: d.dueAt, overdue: d.status == .overdue || d.status == .stale))
            }
            for f in p.prnEffectsDue where f.dueAt <= horizon {
                out.append(WorklistTask(bed: bed, patientID: p.patient.id, patientName: p.patient.name, kind: .prnEffect(f.label),
                                        what: "PRN effect: \(f.label) \(AlertEngine.clock(f.givenAt, calendar))",
                                        dueAt: f.dueAt, overdue: now > f.dueAt))
            }
            let window = TimeInterval(proto.administration.windowMinutes * 60)
            for dose in p.doses ?? [] where !dose.given && dose.dueAt <= horizon {
                out.append(WorklistTask(bed: bed, patientID: p.patient.id, patientName: p.patient.name, kind: .dose(dose.label),
                                        what: "give \(dose.label)", dueAt: dose.dueAt,
                                        overdue: now > dose.dueAt.addingTimeInterval(window)))
            }
        }
        // Overrides this prescriber instructed, whoever's beds they are on, until co-signed.
        for p in input.patients {
            for o in p.unsignedOverrides where o.prescriber == staff {
                out.append(WorklistTask(bed: p.patient.bed ?? "", patientID: p.patient.id, patientName: p.patient.name,
                                        kind: .cosign(o.id),
                                        what: "co-sign override #\(o.id): dose given \(AlertEngine.clock(o.recordedAt, calendar)) by \(o.recordedByName) (\(o.instruction.label))",
                                        dueAt: o.recordedAt, overdue: false))
            }
        }
        return critical.sorted { ($0.dueAt, $0.bed) < ($1.dueAt, $1.bed) } + out.sorted { ($0.dueAt, $0.bed) < ($1.dueAt, $1.bed) }
    }

    /// Where the worklist stops looking ahead: the protocol's horizon, or the end of the shift in force.
    public static func horizonEnd(_ proto: WardProtocol, now: Date, calendar: Calendar = .wardDefault) -> Date {
        if proto.observations.worklistHorizonMinutes > 0 {
            return now.addingTimeInterval(TimeInterval(proto.observations.worklistHorizonMinutes * 60))
        }
        guard let shift = proto.shifts.instance(at: now, calendar: calendar),
              let rule = proto.shifts.shifts.first(where: { $0.name == shift.name }) else { return now }
        var minutes = rule.end.minutesSinceMidnight - rule.start.minutesSinceMidnight
        if minutes <= 0 { minutes += 24 * 60 }
        return shift.start.addingTimeInterval(TimeInterval(minutes * 60))
    }

    /// "CIWA-B (62 very severe: every 1 h)": the check, then why it is due, without saying the scale twice.
    static func describe(_ d: ObservationDue) -> String {
        let name = AlertEngine.name(d.kind)
        let why = d.reason.hasPrefix(name + " ") ? String(d.reason.dropFirst(name.count + 1)) : d.reason
        return "\(name) (\(why))"
    }
}
