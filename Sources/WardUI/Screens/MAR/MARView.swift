import Foundation
import WardCore

/// The MAR: banner, the 24-h diazepam-equivalent line, today's scheduled
/// doses, the PRN orders with their eligibility, PRN doses given today, and
/// the step panel (reason, note, confirm, witness) at the bottom.
enum MARView {
    static func draw(_ s: inout Surface, _ state: AppState, _ m: MARState) {
        Chrome.titleBar(&s, state, subtitle: "MAR")
        guard let w = state.ward, let p = w.patient(m.patientID) else {
            s.put("This patient is no longer on the ward list. Esc goes back.", x: 1, y: 2, role: .alertWarning)
            return
        }
        PatientBanner.draw(&s, y: 1, patient: p, state: state)
        var y = 1 + PatientBanner.rows(for: s.size, patient: p, state: state)
        drawTotal(&s, y: y, state: state, w: w, id: p.id)
        y += 1
        let panel = m.step == .list ? 0 : panelHeight(m, width: s.width, maxHeight: s.height - 6)
        let bottom = s.height - 2 - panel    // first row not for the list
        if m.showingPlan {
            TaperPlanView.draw(&s, state, m, top: y, bottom: s.height - 2)
            return
        }
        let wide = s.width >= 120
        s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .header)
        // Status fits "given early"; the DE column gives up the room (its numbers are short).
        let cols = wide ? (time: 6, drug: 34, de: 11, status: 11) : (time: 6, drug: 24, de: 6, status: 11)
        var x = 1
        for (t, cw) in [("Time", cols.time), ("Drug, dose, route", cols.drug), ("DE mg", cols.de), ("Status", cols.status), ("Recorded", 8)] {
            x += s.put(Text.pad(t, cw), x: x, y: y, role: .header, emphasis: .bold) + 1
        }
        y += 1
        let lines = MARScreen.lines(state, p.id)
        if lines.isEmpty {
            s.put(fit: "No medication orders for this patient." + (state.session?.staff.role.may(.writeOrder) == true ? " Press n to write one." : ""),
                  x: 1, y: y, width: s.width - 2, role: .muted)
            y += 1
        }
        var shownPRNHeader = false
        for (i, line) in lines.enumerated() where y < bottom {
            let selected = i == m.selected
            switch line {
            case .scheduled(let r):
                y = drawScheduled(&s, y: y, bottom: bottom, state: state, row: r, selected: selected, cols: cols)
                for v in r.enteredInError where y < bottom {
                    s.put(fit: "       " + voidedLine(v, state: state, scheduled: true), x: 1, y: y, width: s.width - 2, role: .muted)
                    y += 1
                }
            case .taperOrder(let o):
                let role: SemanticRole = selected ? .selection : .muted
                if selected { s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .selection) }
                s.put(fit: "       taper #\(o.id) v\(o.version) \(o.drug): \(o.terms.status == .active ? "no dose today" : o.terms.status.rawValue.uppercased())\(o.reason.map { " — \($0)" } ?? "")",
                      x: 1, y: y, width: s.width - 2, role: role)
                y += 1
            case .prn(let o):
                if !shownPRNHeader {
                    s.put(fit: "PRN orders", x: 1, y: y, width: s.width - 2, role: .header, emphasis: .bold)
                    y += 1; shownPRNHeader = true
                    guard y < bottom else { break }
                }
                y = drawPRN(&s, y: y, bottom: bottom, state: state, order: o, selected: selected, cols: cols)
            }
        }
        let given = w.prnGiven(for: p.id, now: state.now, calendar: state.calendar)
        if !given.isEmpty && y < bottom {
            // The follow-up comes before the names so a narrow screen still shows it; an overdue one is flagged.
            var overdue = false
            let items = given.map { a -> String in
                var t = "\(Format.clock(a.at, state.calendar)) \(a.drug) \(MARScreen.mg(a.mg)) mg"
                if let f = w.prnFollowUps[p.id]?.first(where: { $0.administrationID == a.id }) {
                    if let r = f.result { t += " → \(r.rawValue)" }
                    else if f.dueAt < state.now { overdue = true; t += " · effect OVERDUE since \(Format.clock(f.dueAt, state.calendar)) (press e)" }
                    else { t += " · re-assess \(Format.clock(f.dueAt, state.calendar)) (press e)" }
                }
                t += " · \(a.byName)"
                if let wit = a.witness { t += " (witness \(wit.name))" }
                return t
            }
            for part in Text.wrap("PRN given today: " + items.joined(separator: "; "), width: s.width - 2, maxLines: min(2, bottom - y)) {
                s.put(fit: part, x: 1, y: y, width: s.width - 2, role: overdue ? .alertWarning : .doseGiven)
                y += 1
            }
        }
        // Records marked entered in error that no line above shows (PRN doses; a dose the order no longer schedules).
        var shown = Set<AdministrationID>()
        for case .scheduled(let r) in lines { shown.formUnion(r.enteredInError.map(\.id)) }
        let rest = w.enteredInErrorToday(for: p.id, now: state.now, calendar: state.calendar).filter { !shown.contains($0.id) }
        if !rest.isEmpty && y < bottom {
            let text = "Entered in error today: " + rest.map { voidedLine($0, state: state, scheduled: false) }.joined(separator: "; ")
            for part in Text.wrap(text, width: s.width - 2, maxLines: min(2, bottom - y)) {
                s.put(fit: part, x: 1, y: y, width: s.width - 2, role: .muted)
                y += 1
            }
        }
        // Doses given on a prescriber's override, until the prescriber co-signs.
        let unsigned = (w.doseOverrides[p.id] ?? []).filter { !$0.isSigned }
        if !unsigned.isEmpty && y < bottom {
            let mine = unsigned.contains { $0.prescriber == state.session?.staff.id }
            let items = unsigned.map { o -> String in
                let a = w.administrations[p.id]?.first { $0.id == o.administrationID }
                let what = a.map { "\($0.drug) \(MARScreen.mg($0.mg)) mg" } ?? "dose"
                return "#\(o.id) \(what) \(Format.clock(o.recordedAt, state.calendar)) by \(o.recordedByName) on \(o.prescriberName)'s \(o.instruction == .present ? "instruction (present)" : "telephone instruction"): “\(o.reason)”"
            }
            let text = "UNSIGNED OVERRIDE\(unsigned.count == 1 ? "" : "S"): " + items.joined(separator: "; ") + (mine ? " — K to co-sign" : "")
            for part in Text.wrap(text, width: s.width - 2, maxLines: min(3, bottom - y)) {
                s.put(fit: part, x: 1, y: y, width: s.width - 2, role: .alertWarning, emphasis: .bold)
                y += 1
            }
        }
        if m.step != .list { drawPanel(&s, state: state, m: m, top: s.height - 2 - panel) }
    }

    /// "✗ 08:05 given by Nurse, A — ENTERED IN ERROR: wrong patient (Charge, B 08:40)"; with `scheduled` false
    /// the dose is named too.
    static func voidedLine(_ a: Administration, state: AppState, scheduled: Bool) -> String {
        let mark = state.asciiOnly ? "x" : "✗"
        let what = scheduled ? "\(a.status.word) \(Format.clock(a.at, state.calendar))"
                             : "\(MARScreen.summary(a, state.calendar)) \(Format.clock(a.at, state.calendar))"
        var t = "\(mark) \(what) by \(a.byName) — ENTERED IN ERROR"
        if let v = a.enteredInError {
            t += ": \(v.reason) (\(v.byName) \(Format.clock(v.at, state.calendar)))"
        }
        return t
    }

    static func drawTotal(_ s: inout Surface, y: Int, state: AppState, w: WardSnapshot, id: PatientID) {
        let t = w.diazepamTotal(for: id, now: state.now, protocol: state.wardProtocol)
        let caps = w.orders(.prn, for: id).filter(\.isActive).compactMap { $0.terms.prn?.maxPer24hDiazepamMg }
        let ceiling = state.wardProtocol.doseSafety.ceiling24hDiazepamMg
        let wide = s.width >= 120
        let ceilingText = wide ? "  ceiling \(MARScreen.mg(ceiling)) mg/24 h (\(state.wardProtocol.equivalence.selected) table)"
                               : " · ceiling \(MARScreen.mg(ceiling))"
        let counting = state.wardProtocol.prn.capCounts == .all ? "24-h cap (all doses)" : "PRN cap"
        let capText = caps.min().map { " · \(counting) \(MARScreen.mg(t.countedMg)) of \(MARScreen.mg($0)) mg" } ?? ""
        let breakdown = " (sched \(MARScreen.mg(t.scheduledMg)) + PRN \(MARScreen.mg(t.prnMg)))"
        let head = "24-h diazepam-eq. \(MARScreen.mg(t.totalMg)) mg"
        // The total, the cap and the ceiling always; the split of the total gives way first.
        let roomForSplit = 1 + Text.width(head + breakdown + capText + ceilingText) < s.width
        var x = 1
        x += s.put("24-h diazepam-eq. ", x: x, y: y, role: .text, emphasis: .bold)
        x += s.put("\(MARScreen.mg(t.totalMg)) mg", x: x, y: y, role: .text, emphasis: .bold)
        if roomForSplit { x += s.put(breakdown, x: x, y: y, role: .muted) }
        if let cap = caps.min() {
            let near = t.countedMg >= state.wardProtocol.alerts.prnCapApproachingFraction * cap - 1e-9
            let role: SemanticRole = t.countedMg >= cap - 1e-9 ? .alertCritical : (near ? .alertWarning : .text)
            x += s.put(fit: capText, x: x, y: y, width: max(0, s.width - x - 1), role: role, emphasis: near ? .bold : [])
        }
        if x + Text.width(ceilingText) < s.width {
            s.put(fit: ceilingText, x: x, y: y, width: s.width - x - 1,
                  role: t.totalMg > ceiling + 1e-9 ? .alertCritical : (t.totalMg >= ceiling - 1e-9 ? .alertWarning : .muted))
        }
        if !t.unconverted.isEmpty {
            s.put(fit: " (not in the table: \(t.unconverted.joined(separator: ", ")))", x: max(1, s.width - 30), y: y, width: 29, role: .alertWarning)
        }
    }

    typealias Cols = (time: Int, drug: Int, de: Int, status: Int)

    static func statusRole(_ r: MARRow) -> SemanticRole {
        if r.administration?.isGivenOutsideWindow == true { return .alertWarning }
        switch r.status {
        case .notYet: return .muted
        case .due: return .doseDue
        case .overdue: return .doseOverdue
        case .recorded(.given): return .doseGiven
        case .recorded: return .doseHeld
        }
    }

    /// One scheduled dose; its recorded reason goes on the lines below when
    /// it does not fit beside who recorded it (a reason is never cut). Returns the next free row.
    static func drawScheduled(_ s: inout Surface, y: Int, bottom: Int, state: AppState, row r: MARRow, selected: Bool,
                              cols: Cols) -> Int {
        if selected { s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .selection) }
        let base: SemanticRole = selected ? .selection : .text
        var x = 0
        x += s.put(selected ? (state.asciiOnly ? ">" : "▶") : " ", x: x, y: y, role: base, emphasis: .bold)
        x += s.put(Text.pad(r.dose.time.description, cols.time), x: x, y: y, role: base, emphasis: .bold) + 1
        x += s.put(Text.pad("\(r.dose.drug) \(MARScreen.mg(r.dose.mg)) mg \(r.dose.route)", cols.drug), x: x, y: y, role: base) + 1
        let de = MARScreen.deText(state, drug: r.dose.drug, mg: r.dose.mg, de: r.diazepamMg, width: cols.de)
        x += s.put(Text.pad(de, cols.de), x: x, y: y, role: selected ? base : .muted) + 1
        x += s.put(Text.pad(r.statusWord, cols.status), x: x, y: y, role: statusRole(r), emphasis: .bold) + 1
        if let a = r.administration {
            var t = "\(Format.clock(a.at, state.calendar)) \(a.byName)"
            if let wit = a.witness { t += " / \(wit.name)" }
            if let wasted = a.wastedMg { t += " · \(MARScreen.mg(wasted)) mg wasted" }
            var why = a.reason.map { $0.label } ?? ""
            if let n = a.note { why += (why.isEmpty ? "" : " ") + "“\(n)”" }
            let room = max(0, s.width - x - 1)
            if why.isEmpty || Text.width(t + " · " + why) <= room {
                s.put(fit: why.isEmpty ? t : t + " · " + why, x: x, y: y, width: room, role: base)
                return y + 1
            }
            s.put(fit: t, x: x, y: y, width: room, role: base)
            var next = y + 1
            let word = a.isGivenOutsideWindow ? a.statusWord : a.status.word
            for part in Text.wrap("\(word): \(why)", width: s.width - 9, maxLines: max(1, bottom - next)) where next < bottom {
                s.put(fit: part, x: 8, y: next, width: s.width - 9, role: a.isGivenOutsideWindow ? .alertWarning : .muted)
                next += 1
            }
            return next
        } else if r.status == .overdue {
            s.put(fit: "window closed \(Format.clock(state.wardProtocol.administration.overdueAfter(r.dose.dueAt), state.calendar))",
                  x: x, y: y, width: max(0, s.width - x - 1), role: .doseOverdue)
        }
        return y + 1
    }

    static func drawPRN(_ s: inout Surface, y: Int, bottom: Int, state: AppState, order o: MedicationOrder, selected: Bool, cols: Cols) -> Int {
        guard let t = o.terms.prn else { return y }
        if selected { s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .selection) }
        let base: SemanticRole = selected ? .selection : .text
        let scale = ScaleKind(rawValue: t.scale)?.displayName ?? t.scale
        let de = (try? state.wardProtocol.equivalence.convert(drug: o.drug, mg: t.doseMg))?.diazepamMgHigh
        var x = 0
        x += s.put(selected ? (state.asciiOnly ? ">" : "▶") : " ", x: x, y: y, role: base, emphasis: .bold)
        x += s.put(Text.pad("PRN", cols.time), x: x, y: y, role: base, emphasis: .bold) + 1
        x += s.put(Text.pad("\(o.drug) \(MARScreen.mg(t.doseMg)) mg \(o.terms.route)", cols.drug), x: x, y: y, role: base) + 1
        x += s.put(Text.pad(MARScreen.deText(state, drug: o.drug, mg: t.doseMg, de: de, width: cols.de), cols.de), x: x, y: y,
                   role: selected ? base : .muted) + 1
        // The order's terms whole: a held or stopped order says so first, and what does not fit wraps under the column.
        let terms = (o.isActive ? "" : "\(o.terms.status.rawValue.uppercased()) — ")
            + "\(scale) ≥\(t.threshold), every ≥\(t.minIntervalMinutes) min, max \(MARScreen.mg(t.maxPer24hDiazepamMg)) mg DE/24 h"
        let width = max(1, s.width - x - 1)
        var row = y
        for part in Text.wrap(terms, width: width, maxLines: 2) where row == y || row < bottom {
            if selected && row > y { s.fill(Rect(x: 0, y: row, width: s.width, height: 1), role: .selection) }
            s.put(fit: part, x: x, y: row, width: width, role: selected ? base : (o.isActive ? .muted : .alertWarning))
            row += 1
        }
        guard row < bottom, let e = state.ward?.doseSafety(order: o, mg: t.doseMg, scheduledFor: nil, at: state.now,
                                                          protocol: state.wardProtocol) else { return row }
        let line = e.isClear ? "PRN may be given now" : "PRN not now: " + e.line
        let role: SemanticRole = e.need == nil ? .doseDue : (e.need == .nurseJudgement ? .alertWarning : .alertCritical)
        for part in Text.wrap(line, width: s.width - 9, maxLines: 3) where row < bottom {
            s.put(fit: part, x: 8, y: row, width: s.width - 9, role: role, emphasis: .bold)
            row += 1
        }
        return row
    }

    /// The step panel's height: six rows, more when a reason step's question and its numbered
    /// reasons need them, so none is cut or dropped at 80 columns.
    static func panelHeight(_ m: MARState, width: Int, maxHeight: Int) -> Int {
        guard m.step == .reason, let p = m.pending else { return 6 }
        let inner = width - 4
        let rows = Text.wrap(p.reasonWhy, width: inner).count + reasonRows(p, width: width).count
        return max(6, min(maxHeight, rows + 2))
    }

    /// The numbered reasons of a reason step, laid out in rows that fit the panel.
    static func reasonRows(_ p: PendingDose, width: Int) -> [[String]] {
        let codes = ReasonCode.codes(for: p.reasonUse ?? .held)
        var rows: [[String]] = [[]], x = 2
        if p.reasonUse == .prnOverride { rows[0].append("Give anyway only because: "); x += Text.width(rows[0][0]) }
        for (i, c) in codes.enumerated() {
            let t = "\(i + 1) \(c.label)"
            if x + Text.width(t) > width - 2, !rows[rows.count - 1].isEmpty { rows.append([]); x = 2 }
            rows[rows.count - 1].append(t)
            x += Text.width(t) + 3
        }
        return rows
    }

    static func drawPanel(_ s: inout Surface, state: AppState, m: MARState, top: Int) {
        let r = Rect(x: 0, y: top, width: s.width, height: s.height - 2 - top)
        if m.step == .effect, let f = m.followUp {
            let a = state.ward?.administrations[m.patientID]?.first { $0.id == f.administrationID }
            Chrome.box(&s, r, role: .text, ascii: state.asciiOnly,
                       title: "Effect of PRN \(a.map { "\(Format.clock($0.at, state.calendar)) \($0.drug) \(MARScreen.mg($0.mg)) mg" } ?? "")")
            s.put(fit: "Re-assessment due \(Format.clock(f.dueAt, state.calendar)). How well did the dose work?", x: 2, y: r.y + 1, width: r.width - 4, role: .text)
            var x = 2
            for (i, e) in PRNFollowUp.Effect.allCases.enumerated() {
                x += s.put("\(i + 1) \(e.rawValue)", x: x, y: r.y + 3, role: .keyHint, emphasis: .bold) + 3
            }
            return
        }
        guard let p = m.pending else { return }
        let title: String
        switch p.status {
        case .given: title = "Give \(p.label)"
        case .held: title = "Hold \(p.label)"
        case .refused: title = "Refused: \(p.label)"
        case .omitted: title = "Omit \(p.label)"
        }
        Chrome.box(&s, r, role: .text, ascii: state.asciiOnly, title: title)
        let inner = r.width - 4
        var y = r.y + 1
        switch m.step {
        case .reason:
            for part in Text.wrap(p.reasonWhy, width: inner) where y < r.maxY - 1 {
                s.put(fit: part, x: 2, y: y, width: inner, role: .alertWarning, emphasis: .bold)
                y += 1
            }
            for row in reasonRows(p, width: r.width) where y < r.maxY - 1 {
                var x = 2
                for t in row {
                    let lead = t.hasPrefix("Give anyway")
                    x += s.put(fit: t, x: x, y: y, width: max(0, r.width - 2 - x), role: lead ? .text : .keyHint, emphasis: .bold) + (lead ? 0 : 3)
                }
                y += 1
            }
        case .override:
            let o = p.override ?? OverrideEntry()
            let why = Text.wrap(p.reasonWhy, width: inner, maxLines: 2)
            for (i, part) in why.enumerated() { s.put(fit: part, x: 2, y: y + i, width: inner, role: .alertCritical, emphasis: .bold) }
            let rowY = y + why.count
            let how = o.instruction.map { $0 == .present ? "present" : "telephone" + (o.readBack ? ", read back" : "") } ?? ""
            let fields: [(String, String, OverrideEntry.Field)] = [
                ("Prescriber ID", o.prescriber, .prescriber), ("p present / t phone", how, .instruction),
                ("Why", o.reason, .reason)]
            var x = 2
            for (label, value, field) in fields {
                let active = o.field == field || (field == .instruction && o.field == .readBack)
                x += s.put("\(label): ", x: x, y: rowY, role: .text)
                x += s.put(fit: value + (active ? "_" : ""), x: x, y: rowY, width: max(0, min(18, r.maxX - 2 - x)),
                           role: active ? .fieldActive : .fieldDone) + 2
            }
            let hint = o.field == .readBack ? "Read the instruction back to the prescriber, then press y."
                : "Only on a prescriber's instruction; awaits their co-signature. Esc cancels"
            s.put(fit: hint, x: 2, y: min(rowY + 1, r.maxY - 2), width: inner, role: .keyHint, emphasis: .bold)
        case .note:
            s.put(fit: "Reason: \(p.reason?.label ?? "") — type a short note, Enter when done:", x: 2, y: y, width: inner, role: .text)
            s.put(fit: "> " + p.note + "_", x: 2, y: y + 2, width: inner, role: .fieldActive)
        case .confirm:
            if let reason = p.reason { s.put(fit: "Reason: \(reason.label)\(p.note.isEmpty ? "" : " “\(p.note)”")", x: 2, y: y, width: inner, role: .text) }
            if let o = p.override?.value {
                s.put(fit: "Override: \(o.prescriberStaffID), \(o.instruction.label) — “\(o.reason)” (awaits co-signature)",
                      x: 2, y: y, width: inner, role: .alertWarning, emphasis: .bold)
            }
            if p.witnessNeeded { s.put(fit: "Witness needed: \(p.witnessReason).", x: 2, y: y + 1, width: inner, role: .alertInfo) }
            if let w = p.wastedMg {
                s.put(fit: "Wasted: \(MARScreen.mg(w)) mg of the \(MARScreen.mg(p.doseMg)) mg dispensed (w to change)", x: 2, y: y + 2, width: inner, role: .text, emphasis: .bold)
            }
            let waste = p.status == .given ? "    w: with wastage" : ""
            s.put(fit: "Enter: \(p.status == .given ? "give" : "record") \(p.witnessNeeded ? "(then the witness signs)" : "now")\(waste)    Esc: cancel",
                  x: 2, y: y + 3, width: inner, role: .keyHint, emphasis: .bold)
        case .wastage:
            s.put(fit: "Amount wasted in mg (part of the \(MARScreen.mg(p.doseMg)) mg dispensed, e.g. a tablet halved):",
                  x: 2, y: y, width: inner, role: .text)
            if let why = p.wastageWitnessWhy { s.put(fit: "Witness needed: \(why).", x: 2, y: y + 1, width: inner, role: .alertInfo) }
            s.put(fit: "> " + p.wasteText + "_ mg", x: 2, y: y + 2, width: inner, role: .fieldActive)
            s.put(fit: "Enter: accept (above 0, below \(MARScreen.mg(p.doseMg)) mg)    Esc: no wastage", x: 2, y: y + 3, width: inner,
                  role: .keyHint, emphasis: .bold)
        case .witness:
            // Why a witness is needed, whole: two lines at 80 columns (the row under it is free for that).
            for (i, line) in Text.wrap("Witness (\(p.witnessReason)): the second person types their own ID and PIN.",
                                       width: inner, maxLines: 2).enumerated() {
                s.put(fit: line, x: 2, y: y + i, width: inner, role: .alertInfo)
            }
            let idActive = m.witness.field == .staffID
            s.put("Witness staff ID: ", x: 2, y: y + 2, role: .text)
            s.put(Text.pad(m.witness.staffID + (idActive ? "_" : ""), 16), x: 20, y: y + 2, role: idActive ? .fieldActive : .fieldDone)
            s.put("Witness PIN:      ", x: 2, y: y + 3, role: .text)
            s.put(Text.pad(String(repeating: "•", count: m.witness.pin.count) + (idActive ? "" : "_"), 16), x: 20, y: y + 3,
                  role: idActive ? .text : .fieldActive)
        case .list, .effect:
            break
        }
    }
}
