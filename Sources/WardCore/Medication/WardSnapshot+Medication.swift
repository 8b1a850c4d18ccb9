import Foundation

/// One line of a patient's MAR for a day: a scheduled dose and what was recorded for it.
public struct MARRow: Sendable, Hashable {
    public var dose: MARDose
    public var status: MARStatus
    public var administration: Administration?
    public var diazepamMg: Double?
    /// Earlier records of this dose marked entered in error (shown, never counted), newest first.
    public var enteredInError: [Administration] = []

    /// The status column's word: the record's ("given late" for a late dose), or the dose's state.
    public var statusWord: String { administration?.statusWord ?? status.word }
}

extension WardSnapshot {
    /// Current versions of the patient's orders of one kind.
    public func orders(_ kind: OrderKind, for id: PatientID) -> [MedicationOrder] {
        (orders[id] ?? []).filter { $0.kind == kind }
    }

    public func order(_ id: OrderID) -> MedicationOrder? {
        orders.values.lazy.flatMap { $0 }.first { $0.id == id }
    }

    /// Every scheduled dose of the patient's taper orders on the ward-local day containing `day`, by time.
    public func scheduledDoses(for id: PatientID, on day: Date, protocol p: WardProtocol, calendar: Calendar) -> [MARDose] {
        orders(.taper, for: id).flatMap { o in
            MedicationSchedule.doses(for: o, on: day, rules: p.taper, calendar: calendar).filter { o.schedules($0.dueAt, p.administration) }
        }
            .sorted { ($0.dueAt, $0.orderID) < ($1.dueAt, $1.orderID) }
    }

    /// Today's MAR rows with their status at `now`.
    public func marRows(for id: PatientID, now: Date, protocol p: WardProtocol, calendar: Calendar) -> [MARRow] {
        let recorded = administrations[id] ?? []
        let voided = voidedAdministrations[id] ?? []
        var doses = scheduledDoses(for: id, on: now, protocol: p, calendar: calendar)
        // Doses recorded today that the current versions no longer schedule
        // (order changed, held or stopped since) stay on the record.
        let start = calendar.startOfDay(for: now)
        let end = calendar.date(byAdding: .day, value: 1, to: start) ?? now
        // (A record marked entered in error does not keep a dose on the MAR the order no longer
        // schedules: it is listed under the doses instead, see `enteredInErrorToday`.)
        for a in recorded where !a.isPRN {
            guard let due = a.scheduledFor, due >= start, due < end,
                  !doses.contains(where: { $0.orderID == a.orderID && $0.dueAt == due }) else { continue }
            let c = calendar.dateComponents([.hour, .minute], from: due)
            guard let t = ClockTime(hour: c.hour ?? 0, minute: c.minute ?? 0) else { continue }
            doses.append(MARDose(orderID: a.orderID, orderVersion: a.orderVersion, drug: a.drug, route: a.route, time: t,
                                 dueAt: due, mg: a.mg))
        }
        doses.sort { ($0.dueAt, $0.orderID) < ($1.dueAt, $1.orderID) }
        return doses.map { d in
            let a = recorded.first { $0.orderID == d.orderID && $0.scheduledFor == d.dueAt }
            let de = (try? p.equivalence.convert(drug: d.drug, mg: d.mg))?.diazepamMgHigh
            return MARRow(dose: d, status: p.administration.status(dueAt: d.dueAt, recorded: a?.status, now: now),
                          administration: a, diazepamMg: de,
                          enteredInError: voided.filter { $0.orderID == d.orderID && $0.scheduledFor == d.dueAt })
        }
    }

    /// PRN doses given today (ward-local day), newest first.
    public func prnGiven(for id: PatientID, now: Date, calendar: Calendar) -> [Administration] {
        let start = calendar.startOfDay(for: now)
        return (administrations[id] ?? []).filter { $0.isPRN && $0.at >= start }
    }

    public func diazepamTotal(for id: PatientID, now: Date, protocol p: WardProtocol) -> DiazepamTotal {
        DiazepamTotal.last24h(administrations[id] ?? [], now: now, equivalence: p.equivalence, capCounts: p.prn.capCounts)
    }
}
