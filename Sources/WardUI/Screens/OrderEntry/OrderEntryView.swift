import Foundation
import WardCore

/// The order form: fields on the left/top, the preview (taper days with
/// diazepam equivalents and guard-rail warnings, or the PRN terms) under them.
enum OrderEntryView {
    static func draw(_ s: inout Surface, _ state: AppState, _ f: OrderEntryForm) {
        Chrome.titleBar(&s, state, subtitle: f.changingID.map { "Change order #\($0) (now v\(f.changingVersion))" } ?? "New order")
        var y = 1
        if let p = state.ward?.patient(f.patientID) {
            PatientBanner.draw(&s, y: 1, patient: p, state: state)
            y += PatientBanner.rows(for: s.size, patient: p, state: state)
        }
        let labelW = 36
        for field in f.fields {
            let active = field == f.field
            if active { s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .fieldActive) }
            s.put(Text.pad(field.label, labelW), x: 1, y: y, role: active ? .fieldActive : .muted)
            let value = switch field {
            case .kind: f.kind == .taper ? "taper" : "PRN"
            case .profile: profileText(f.text(field), state.wardProtocol.taper)
            default: f.text(field)
            }
            s.put(fit: value + (active && !OrderEntryForm.spaceFields.contains(field) ? "_" : ""), x: labelW + 2, y: y,
                  width: s.width - labelW - 3, role: active ? .fieldActive : .text, emphasis: .bold)
            y += 1
        }
        s.put(String(repeating: state.asciiOnly ? "-" : "─", count: s.width), x: 0, y: y, role: .border)
        y += 1
        let last = s.height - 3
        switch f.terms(state.wardProtocol) {
        case .failure(let why):
            s.put(fit: "Preview: \(why.message)", x: 1, y: y, width: s.width - 2, role: .alertWarning)
        case .success(let terms):
            // Order-level warnings (duplicate therapy, a taper above the 24-h ceiling) lead the preview.
            let others = state.ward?.orders[f.patientID] ?? []
            for w in OrderChecks.warnings(terms, changing: f.changingID, others: others, protocol: state.wardProtocol) {
                for part in Text.wrap("⚠ " + w, width: s.width - 2, maxLines: 2) where y <= last {
                    s.put(fit: part, x: 1, y: y, width: s.width - 2, role: .alertWarning, emphasis: .bold)
                    y += 1
                }
            }
            if terms.kind == .taper { drawTaperPreview(&s, y: y, last: last, state: state, terms: terms) }
            else { drawPRNPreview(&s, y: y, state: state, terms: terms) }
        }
    }

    /// "inpatient reducing: ≤ 10% in 1 day (SECONDARY)" — the profile and the rule it checks.
    static func profileText(_ raw: String, _ rules: TaperRules) -> String {
        let profile = TaperProfile(rawValue: raw) ?? .inpatient
        let r = rules.reductionRate(for: profile)
        let within = r.windowDays == 1 ? "per day" : "per \(r.windowDays) days"
        return "\(profile.label): ≤ \(MARScreen.mg(r.maxPercent))% \(within) (\(r.provenance.status.rawValue))"
    }

    static func drawTaperPreview(_ s: inout Surface, y start: Int, last: Int, state: AppState, terms: OrderTerms) {
        var y = start
        let plan: TaperPlan
        do { plan = try MedicationSchedule.plan(terms, rules: state.wardProtocol.taper, equivalence: state.wardProtocol.equivalence) } catch {
            s.put(fit: "Preview: \(error.message)", x: 1, y: y, width: s.width - 2, role: .alertWarning)
            return
        }
        // A hold: what the MAR gives from the hold's day, first: it is what the order now does.
        if let t = terms.taper, let hold = MedicationSchedule.holdDay(t, calendar: state.calendar), y <= last {
            let text = "STEP HELD from \(t.holdFromDay ?? "?"): \(MARScreen.mg(plan.dailyMg(onDay: hold))) mg/day daily "
                + "until the order is changed (the later days below are not in force)"
            for part in Text.wrap(text, width: s.width - 2) where y <= last {
                s.put(fit: part, x: 1, y: y, width: s.width - 2, role: .alertWarning, emphasis: .bold)
                y += 1
            }
        }
        // The guard-rail warnings whole (wrapped): a prescriber signs against what they say.
        for w in plan.warnings {
            for part in Text.wrap("⚠ " + w, width: s.width - 2) where y <= last {
                s.put(fit: part, x: 1, y: y, width: s.width - 2, role: .alertWarning, emphasis: .bold)
                y += 1
            }
        }
        let days = plan.days(times: terms.clockTimes)
        // Only the days the dose changes (and the last), to fit the screen.
        let changes = days.enumerated().filter { i, d in i == 0 || d.dailyMg != days[i - 1].dailyMg }.map(\.element)
        let startDate = MedicationSchedule.startOfDay(terms.taper?.startDay ?? "", state.calendar)
        let perRow = s.width >= 120 ? 2 : 1
        let colW = (s.width - 2) / perRow
        var col = 0
        for d in changes {
            guard y <= last else { break }
            let when = startDate.flatMap { state.calendar.date(byAdding: .day, value: d.day, to: $0) }
                .map { Format.dayClock($0, state.calendar).prefix(6).trimmingCharacters(in: .whitespaces) } ?? ""
            let de = (try? state.wardProtocol.equivalence.convert(drug: terms.drug, mg: d.dailyMg))?.diazepamMgHigh
            let split = d.doses.map { MARScreen.mg($0.mg) }.joined(separator: "+")
            let t = "Day \(d.day) (\(when)): \(MARScreen.mg(d.dailyMg)) mg = \(split)  DE \(de.map { MARScreen.mg($0) } ?? "?") mg"
            s.put(fit: t, x: 1 + col * colW, y: y, width: colW - 1, role: .text)
            col += 1
            if col == perRow { col = 0; y += 1 }
        }
    }

    static func drawPRNPreview(_ s: inout Surface, y: Int, state: AppState, terms: OrderTerms) {
        guard let p = terms.prn else { return }
        let de = (try? state.wardProtocol.equivalence.convert(drug: terms.drug, mg: p.doseMg))?.diazepamMgHigh
        let scale = ScaleKind(rawValue: p.scale)?.displayName ?? p.scale
        s.put(fit: "\(terms.drug) \(MARScreen.mg(p.doseMg)) mg \(terms.route) PRN when \(scale) ≥ \(p.threshold); at least \(p.minIntervalMinutes) min apart; at most \(MARScreen.mg(p.maxPer24hDiazepamMg)) mg diazepam-eq. in 24 h.",
              x: 1, y: y, width: s.width - 2, role: .text)
        s.put(fit: "Each dose = \(de.map { MARScreen.mg($0) } ?? "?") mg diazepam-eq. Hold rules: the protocol's [hold] section (\(state.wardProtocol.hold.provenance.status.rawValue)).",
              x: 1, y: y + 1, width: s.width - 2, role: .muted)
        if let t = state.wardProtocol.prn.template(p.template) {
            s.put(fit: "Template \(t.name): \(t.provenance.status.rawValue) — \(t.provenance.source)", x: 1, y: y + 2, width: s.width - 2, role: .alertWarning)
        }
    }
}
