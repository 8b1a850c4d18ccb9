import Foundation
import WardCore

/// The medication record (#5) in the handover: today's taper step, the 24-h
/// diazepam-equivalent total, the shift's PRN doses with their effect, the
/// shift's scheduled doses (given / held / refused / late / omitted, with
/// reasons), and the dose actions (due, overdue, next dose, PRN follow-ups).
extension HandoverInput {
    static func applyingMedication(_ p: PatientHandover, patient: Patient, snapshot: WardSnapshot, proto: WardProtocol,
                                   shift: DateInterval, now: Date, calendar: Calendar, fmt: ReportTime) -> PatientHandover {
        var p = p
        let id = patient.id
        let when = { (d: Date) in fmt.timeOrDateTime(d, relativeTo: shift.start) }
        let recorded = (snapshot.administrations[id] ?? []).filter { $0.at <= now }      // as it stood at `now`
        // Records later marked entered in error: listed, marked, never counted.
        let voided = (snapshot.voidedAdministrations[id] ?? []).filter { $0.at <= now }

        // Summary: taper step today and the 24-h total.
        p.summary.taperStepToday = taperToday(snapshot, id, proto: proto, now: now, calendar: calendar)
        let total = snapshot.diazepamTotal(for: id, now: now, protocol: proto)
        p.summary.diazepamEquivalent24hMg = total.totalMg
        if !total.unconverted.isEmpty {
            p.summary.taperStepToday = (p.summary.taperStepToday ?? "") + " (24-h total leaves out "
                + total.unconverted.joined(separator: ", ") + ": not in the equivalence table)"
        }

        // PRN doses given this shift, oldest first, each with its trigger and effect.
        let followUps = snapshot.prnFollowUps[id] ?? []
        p.numbers.prnDoses = recorded.filter { $0.isPRN && $0.status == .given && shift.contains($0.at) && $0.at <= now }
            .sorted { $0.at < $1.at }
            .map { a in
                var reason: String?
                if let scale = snapshot.order(a.orderID)?.terms.prn.flatMap({ ScaleKind(rawValue: $0.scale) }),
                   let s = snapshot.current(scale, for: id).first(where: { $0.recordedAt <= a.at }) {
                    reason = "\(scale.displayName) \(s.total) at \(when(s.recordedAt))"
                }
                if let r = a.reason, r.use == .prnOverride {
                    let why = "given outside the PRN criteria: \(r.label)" + (a.note.map { " \"\($0)\"" } ?? "")
                    reason = reason.map { "\($0); \(why)" } ?? why
                }
                let effect = followUps.first { $0.administrationID == a.id }.flatMap { f -> String? in
                    guard let result = f.result else { return nil }
                    return result.rawValue + (f.resultAt.map { " (re-assessed \(when($0))\(f.resultByName.map { " by \($0)" } ?? ""))" } ?? "")
                }
                return PRNDose(at: a.at, drug: a.drug, dose: "\(HandoverPhrases.mg(a.mg)) mg \(a.route)",
                               reason: reason, effect: effect)
            }
        let voidedPRN = voided.filter { $0.isPRN && $0.status == .given && shift.contains($0.at) }
            .map { PRNDose(at: $0.at, drug: $0.drug, dose: "\(HandoverPhrases.mg($0.mg)) mg \($0.route)",
                           enteredInError: $0.enteredInError?.reason ?? "") }
        if !voidedPRN.isEmpty { p.numbers.prnDoses = (p.numbers.prnDoses ?? []) + voidedPRN; p.numbers.prnDoses?.sort { $0.at < $1.at } }

        // Scheduled doses due this shift (up to now) with what was recorded for them.
        var doses: [ScheduledDose] = []
        for a in recorded + voided where !a.isPRN {
            guard let due = a.scheduledFor, shift.contains(due), due <= now else { continue }
            let outcome: DoseOutcome
            switch a.status {
            case .given: outcome = a.reason?.use == .late ? .late : .given
            case .held: outcome = .held
            case .refused: outcome = .refused
            case .omitted: outcome = .omitted
            }
            let reason = a.reason.map { r in
                (r.use == .early ? "given early: " : "") + r.label + (a.note.map { " \"\($0)\"" } ?? "")
            }
            doses.append(ScheduledDose(due: due, drug: a.drug, dose: "\(HandoverPhrases.mg(a.mg)) mg \(a.route)",
                                       outcome: outcome, at: a.status == .given ? a.at : nil, reason: reason,
                                       enteredInError: a.enteredInError?.reason))
        }
        p.numbers.scheduledDoses = doses.sorted { ($0.due, $0.drug, $0.enteredInError == nil ? 1 : 0) < ($1.due, $1.drug, $1.enteredInError == nil ? 1 : 0) }

        // Actions: doses of the shift not recorded (due / overdue), the next dose of each order,
        // PRN follow-ups without a result.
        var items: [ActionItem] = []
        let rules = proto.administration
        // The shift's days (a night shift spans two), today and tomorrow (for the next dose).
        let today = calendar.startOfDay(for: now)
        let days = Set([shift.start, min(shift.end, now), today, calendar.date(byAdding: .day, value: 1, to: today) ?? today]
            .map { calendar.startOfDay(for: $0) })
        let candidates = days.flatMap { snapshot.scheduledDoses(for: id, on: $0, protocol: proto, calendar: calendar) }
        var nextShown = Set<OrderID>()
        for dose in candidates.sorted(by: { $0.dueAt < $1.dueAt }) {
            let done = recorded.contains { !$0.isPRN && $0.orderID == dose.orderID && $0.scheduledFor == dose.dueAt }
            if done { continue }
            let what = "\(dose.drug) \(HandoverPhrases.mg(dose.mg)) mg \(dose.route)"
            switch rules.status(dueAt: dose.dueAt, recorded: nil, now: now) {
            case .overdue:
                guard shift.contains(dose.dueAt) else { continue }
                items.append(ActionItem(kind: .overdue, text: "\(what) not recorded (window closed \(when(rules.overdueAfter(dose.dueAt))))",
                                        due: dose.dueAt))
            case .due:
                items.append(ActionItem(kind: .doseDue, text: "\(what) (due now)", due: dose.dueAt))
            case .notYet:
                guard !nextShown.contains(dose.orderID) else { continue }
                nextShown.insert(dose.orderID)
                items.append(ActionItem(kind: .doseDue, text: "\(what) (next dose)", due: dose.dueAt))
            case .recorded:
                continue
            }
        }
        for f in followUps where f.result == nil {
            guard let a = recorded.first(where: { $0.id == f.administrationID }), a.at <= now else { continue }
            let what = "effect of \(a.drug) \(HandoverPhrases.mg(a.mg)) mg given \(when(a.at)): re-assess and record"
            items.append(ActionItem(kind: f.dueAt < now ? .overdue : .prnFollowUp,
                                    text: f.dueAt < now ? "PRN follow-up: \(what)" : what, due: f.dueAt))
        }
        p.actions.items = (p.actions.items + items).enumerated().sorted { a, b in
            let da = a.element.due ?? .distantFuture, db = b.element.due ?? .distantFuture
            return da != db ? da < db : a.offset < b.offset
        }.map(\.element)
        return p
    }

    /// "diazepam 30 mg/day, step 2 of 5 (taper day 8): 10 mg 08:00, 10 mg 14:00, 10 mg 22:00" for each
    /// taper order; "no taper order" when there is none.
    static func taperToday(_ snapshot: WardSnapshot, _ id: PatientID, proto: WardProtocol, now: Date, calendar: Calendar) -> String {
        let orders = snapshot.orders(.taper, for: id)
        guard !orders.isEmpty else { return "no taper order" }
        let today = calendar.startOfDay(for: now)
        return orders.map { o -> String in
            guard o.terms.status == .active else { return "\(o.drug) taper \(o.terms.status.rawValue.uppercased())" }
            guard let t = o.terms.taper, let start = MedicationSchedule.startOfDay(t.startDay, calendar),
                  let plan = try? MedicationSchedule.plan(o.terms, rules: proto.taper, equivalence: proto.equivalence) else {
                return "\(o.drug) taper: the plan cannot be worked out (see the order)"
            }
            // `day` is the plan day whose dose applies (held at the hold's day); `taperDay` the calendar day of the taper.
            guard let day = MedicationSchedule.planDay(t, on: today, calendar: calendar),
                  let taperDay = calendar.dateComponents([.day], from: start, to: today).day else {
                return "\(o.drug) taper starts \(t.startDay)"
            }
            let held = taperDay > day || MedicationSchedule.holdDay(t, calendar: calendar) == day ? "STEP HELD from \(t.holdFromDay ?? ""): " : ""
            let step = (plan.steps.lastIndex { $0.day <= day } ?? 0) + 1
            let doses = MedicationSchedule.doses(for: o, on: now, rules: proto.taper, calendar: calendar).filter { o.schedules($0.dueAt, proto.administration) }
            let times = doses.map { "\(HandoverPhrases.mg($0.mg)) mg \($0.time.description)" }.joined(separator: ", ")
            return held + "\(o.drug) \(HandoverPhrases.mg(plan.dailyMg(onDay: day))) mg/day, step \(step) of \(plan.steps.count) "
                + "(taper day \(taperDay + 1))" + (times.isEmpty ? "" : ": " + times)
        }.joined(separator: "; ")
    }
}
