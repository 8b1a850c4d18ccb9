import Foundation
import WardCore

/// A signed taper as a calendar (issue 17, item 9): every day of the plan with its date, daily dose,
/// the split at the order's times and the diazepam equivalent, today marked; then the order's
/// version history (who wrote each version, when, and why). Opened with `T` on the MAR; read-only.
enum TaperPlanView {
    /// The taper order the plan shows: the newest version of the patient's active taper.
    static func order(_ state: AppState, _ id: PatientID) -> MedicationOrder? {
        state.ward?.orders(.taper, for: id).last { $0.isActive } ?? state.ward?.orders(.taper, for: id).last
    }

    /// The plan's lines: a header, one line per day, a blank, the version history.
    static func lines(_ state: AppState, _ o: MedicationOrder) -> [(text: String, role: SemanticRole, today: Bool)] {
        let terms = o.terms
        var out: [(String, SemanticRole, Bool)] = []
        let plan: TaperPlan
        do { plan = try MedicationSchedule.plan(terms, rules: state.wardProtocol.taper, equivalence: state.wardProtocol.equivalence) } catch {
            return [("The plan cannot be computed: \(error.message)", .alertWarning, false)]
        }
        for w in plan.warnings {
            for line in Text.wrap("⚠ " + w, width: max(20, state.size.cols - 4)) { out.append((line, .alertWarning, false)) }
        }
        let wide = state.size.cols >= 120
        let start = MedicationSchedule.startOfDay(terms.taper?.startDay ?? "", state.calendar)
        let today = start.map { state.calendar.dateComponents([.day], from: $0, to: state.calendar.startOfDay(for: state.now)).day ?? -1 }
        let days = plan.days(times: terms.clockTimes)
        // A taper held at a step: that day's dose every day from the hold; the later steps are not given.
        let hold = terms.taper.flatMap { MedicationSchedule.holdDay($0, calendar: state.calendar) }
        let todayHeld = hold.map { (today ?? -1) > $0 } ?? false
        for (i, d) in days.enumerated() {
            let date = start.flatMap { state.calendar.date(byAdding: .day, value: d.day, to: $0) }.map { Format.dayMonth($0, state.calendar) } ?? "?"
            let de = (try? state.wardProtocol.equivalence.convert(drug: terms.drug, mg: d.dailyMg))?.diazepamMgHigh
            // At 80 columns the split is the doses in time order ("7.5+7.5+…"); the times are in the header.
            let split = wide ? zip(terms.clockTimes, d.doses).map { "\($0.0.description) \(MARScreen.mg($0.1.mg))" }.joined(separator: ", ")
                             : d.doses.map { MARScreen.mg($0.mg) }.joined(separator: "+")
            let change = i > 0 && d.dailyMg != days[i - 1].dailyMg ? (d.dailyMg < days[i - 1].dailyMg ? " ↓" : " ↑") : ""
            let isToday = d.day == today && !todayHeld
            let notGiven = hold.map { d.day > $0 } ?? false
            out.append(("\(isToday ? "▶" : " ") Day \(String(format: "%2d", d.day))  \(Text.pad(date, 6))  \(Text.right(MARScreen.mg(d.dailyMg), 5)) mg\(change)"
                        + " = \(split)  DE \(de.map { MARScreen.mg($0) } ?? "?") mg" + (notGiven ? "  (not in force)" : ""),
                        isToday ? .selection : notGiven ? .muted : change.isEmpty ? .text : .alertInfo, isToday))
            if let h = hold, d.day == h || (i == days.count - 1 && h > d.day) {
                let from = terms.taper?.holdFromDay ?? "?"
                let mg = MARScreen.mg(plan.dailyMg(onDay: h))
                out.append(("\(todayHeld ? "▶" : " ") STEP HELD from \(from): \(mg) mg/day daily until the order is changed",
                            todayHeld ? .selection : .alertWarning, todayHeld))
            }
        }
        out.append(("", .text, false))
        out.append(("Versions of taper #\(o.id):", .header, false))
        for v in state.ward?.orderVersions[o.patientID]?.filter({ $0.id == o.id }) ?? [] {
            out.append(("  v\(v.version)  \(Format.dayClock(v.writtenAt, state.calendar))  \(v.writtenByName)"
                        + (v.reason.map { " — \($0)" } ?? "") + "  (\(v.terms.status.rawValue))", .text, false))
        }
        return out
    }

    static func draw(_ s: inout Surface, _ state: AppState, _ m: MARState, top: Int, bottom: Int) {
        guard let o = order(state, m.patientID) else {
            s.put(fit: "This patient has no taper order.", x: 1, y: top, width: s.width - 2, role: .muted)
            return
        }
        s.fill(Rect(x: 0, y: top, width: s.width, height: 1), role: .header)
        s.put(fit: " Taper #\(o.id) v\(o.version) · \(o.terms.drug) \(o.terms.route) at \(o.terms.clockTimes.map(\.description).joined(separator: ", "))"
              + " · h: hold here", x: 0, y: top, width: s.width, role: .header, emphasis: .bold)
        let all = lines(state, o)
        let rows = max(1, bottom - top - 1)
        let first = min(m.planScroll, max(0, all.count - rows))
        for (i, l) in all.dropFirst(first).prefix(rows).enumerated() {
            if l.today { s.fill(Rect(x: 0, y: top + 1 + i, width: s.width, height: 1), role: .selection) }
            s.put(fit: l.text, x: 1, y: top + 1 + i, width: s.width - 2, role: l.role, emphasis: l.today ? .bold : [])
        }
    }

    /// The furthest the plan scrolls with `rows` lines shown.
    static func maxScroll(_ state: AppState, _ id: PatientID, rows: Int) -> Int {
        guard let o = order(state, id) else { return 0 }
        return max(0, lines(state, o).count - rows)
    }

    /// Where the plan opens: today's line in view.
    static func initialScroll(_ state: AppState, _ id: PatientID, rows: Int) -> Int {
        guard let o = order(state, id), let i = lines(state, o).firstIndex(where: { $0.today }) else { return 0 }
        return i < rows - 1 ? 0 : max(0, i - rows / 3)   // the plan's warnings first, when today fits below them
    }
}
