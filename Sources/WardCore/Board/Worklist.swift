import Foundation

/// One task on a nurse's "My patients" worklist.
public struct WorklistTask: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case observation(ObservationKind), dose(String), prnEffect(String), cosign(Int64) }
    public var bed: String
    public var patientID: PatientID
    public var patientName: String
    public var kind: Kind
    public var what: String
    public var dueAt: Date
    public var overdue: Bool
}

public enum Worklist {
    /// Due and overdue tasks (checks, PRN effects to record, doses) for the beds
    /// assigned to `staff`, soonest first.
    public static func tasks(for staff: StaffKey, input: BoardInput, assignments: [BedAssignment],
                             proto: WardProtocol, now: Date, calendar: Calendar = .wardDefault) -> [WorklistTask] {
        let beds = Set(assignments.filter { $0.staff == staff }.map(\.bed))
        let clock = ObservationClock(proto)
        let window = TimeInterval(proto.administration.windowMinutes * 60)
        var out: [WorklistTask] = []
        for p in input.patients {
            guard let bed = p.patient.bed, beds.contains(bed) else { continue }
            for d in p.due(clock, now: now) where [.due, .overdue, .stale, .continuous].contains(d.status) {
                out.append(WorklistTask(bed: bed, patientID: p.patient.id, patientName: p.patient.name,
                                        kind: .observation(d.kind), what: describe(d),
                                        dueAt: d.dueAt, overdue: d.status == .overdue || d.status == .stale))
            }
            let soon = TimeInterval(proto.observations.dueSoonMinutes * 60)
            for f in p.prnEffectsDue where now >= f.dueAt.addingTimeInterval(-soon) {
                out.append(WorklistTask(bed: bed, patientID: p.patient.id, patientName: p.patient.name, kind: .prnEffect(f.label),
                                        what: "PRN effect: \(f.label) \(AlertEngine.clock(f.givenAt, calendar))",
                                        dueAt: f.dueAt, overdue: now > f.dueAt))
            }
            for dose in p.doses ?? [] where !dose.given && now >= dose.dueAt.addingTimeInterval(-window) {
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
        return out.sorted { ($0.dueAt, $0.bed) < ($1.dueAt, $1.bed) }
    }

    /// "CIWA-B (62 very severe: every 1 h)": the check, then why it is due, without saying the scale twice.
    static func describe(_ d: ObservationDue) -> String {
        let name = AlertEngine.name(d.kind)
        let why = d.reason.hasPrefix(name + " ") ? String(d.reason.dropFirst(name.count + 1)) : d.reason
        return "\(name) (\(why))"
    }
}
