import Foundation
import WardCore

/// The charge nurse's ward overview: one row per bed, risk-sorted, with the
/// ward's open alerts underneath.
enum OverviewView {
    static func draw(_ s: inout Surface, _ state: AppState, _ os: OverviewState) {
        let layout = OverviewLayout(size: s.size)
        let rows = state.overviewRows(os)
        let occupied = rows.filter { !$0.isEmpty }.count
        let nurse = os.nurseFilter.flatMap { k in state.ward?.assignments.first { $0.staff == k }?.staffName }
        let sel = rows.firstIndex { $0.bed == os.selectedBed } ?? 0
        let page = layout.bedRows > 0 ? sel / layout.bedRows : 0
        let pages = max(1, (rows.count + layout.bedRows - 1) / layout.bedRows)
        var sub = "Overview"
        if pages > 1 { sub += " p\(page + 1)/\(pages)" }
        // Patients sent here from another ward come first: the title bar is tight at 80 columns.
        if let n = state.ward?.arriving.count, n > 0 { sub += " · \(n) arriving (A)" }
        if let n = state.ward?.waitingForBed.count, n > 0 { sub += " · \(n) need a bed (A)" }
        if let n = state.ward?.pasNotices.count, n > 0 { sub += " · \(n) PAS discharge\(n == 1 ? "" : "s")" }
        sub += " · by \(AppState.sortName(os.sortFirst))"
        if let nurse { sub += " · \(nurse)" }
        sub += " · \(occupied)/\(rows.count) beds"
        Chrome.titleBar(&s, state, subtitle: sub)
        guard state.ward != nil else { s.put("Loading the ward…", x: 1, y: 2, role: .muted); return }
        // Header
        s.fill(Rect(x: 0, y: 1, width: s.width, height: 1), role: .header)
        var x = 2
        for c in layout.columns {
            let w = layout.widths[c] ?? c.width
            s.put(c.rightAligned ? Text.right(c.title, w) : Text.pad(c.title, w), x: x, y: 1, role: .header, emphasis: .bold)
            x += w + 1
        }
        // Rows, one page
        let names = OverviewLayout.names(rows, width: layout.widths[.patient] ?? 18)
        let shift = state.handoverShift  // once a frame, not once a row
        for (n, row) in rows.enumerated().dropFirst(page * layout.bedRows).prefix(layout.bedRows) {
            drawRow(&s, y: 2 + n - page * layout.bedRows, row: row, name: names[row.bed], layout: layout, state: state,
                    shift: shift, selected: n == sel)
        }
        if rows.isEmpty {
            s.put(os.nurseFilter == nil ? "This ward has no beds." : "No bed is assigned to this nurse.", x: 2, y: 2, role: .muted)
        }
        // The selected bed's alerts lead the pane, so every alert can be read: move to its bed.
        let chosen = rows.indices.contains(sel) ? rows[sel].patient?.id : nil
        let ordered = state.openAlerts.filter { $0.patientID == chosen } + state.openAlerts.filter { $0.patientID != chosen }
        AlertPane.draw(&s, state, alerts: ordered, top: 2 + layout.bedRows, lines: layout.alertLines,
                       title: "Open alerts", note: pages > 1 ? "beds page \(page + 1)/\(pages), PgDn" : nil,
                       moreHint: "the selected bed's first")
    }

    static func drawRow(_ s: inout Surface, y: Int, row: OverviewRow, name: String?, layout: OverviewLayout,
                        state: AppState, shift: ShiftOccurrence?, selected: Bool) {
        let base: SemanticRole = selected ? .selection : .text
        let em: Emphasis = selected ? [.bold, .reverse] : []
        if selected {
            s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .selection)
            s.put(state.asciiOnly ? ">" : "▶", x: 0, y: y, role: .selection, emphasis: .bold)
        }
        var x = 2
        for c in layout.columns {
            let w = layout.widths[c] ?? c.width
            defer { x += w + 1 }
            if c == .bed { s.put(Text.pad(row.bed, w), x: x, y: y, role: base, emphasis: .bold); continue }
            if row.isEmpty {
                if c == .patient { s.put(Text.pad("(empty bed)", w), x: x, y: y, role: selected ? .selection : .muted) }
                if c == .nurse, let a = row.assigned { s.put(fit: a.staffName, x: x, y: y, width: w, role: base) }
                continue
            }
            let (text, role) = cell(c, row, name: name, state: state, shift: shift)
            let r = role ?? base
            s.put(c.rightAligned ? Text.right(text, w) : Text.pad(text, w), x: x, y: y, role: selected && role == nil ? .selection : r,
                  emphasis: role != nil ? em.union(.bold) : [])
        }
    }

    static let dash = "—"

    /// The text of one cell and its role (nil = plain text).
    static func cell(_ c: OverviewColumn, _ r: OverviewRow, name: String?, state: AppState,
                     shift: ShiftOccurrence?) -> (String, SemanticRole?) {
        switch c {
        case .bed: return (r.bed, nil)
        case .handover:
            // The nearest handover: "✓" accepted, "H" handed over and awaiting acceptance.
            guard let shift, let w = state.ward, let p = r.patient else { return ("", nil) }
            switch w.handover.status(for: p.id, shiftStart: shift.start) {
            case .accepted: return (state.asciiOnly ? "ok" : "✓", .saved)
            case .handedOver: return ("H", .alertInfo)
            case .none: return ("", nil)
            }
        case .patient:
            // The PAS discharged them (or cancelled the admission): the charge nurse confirms with D.
            if let p = r.patient, state.ward?.pasNotices[p.id] != nil { return ("d/c? " + (name ?? p.name), .alertInfo) }
            return (name ?? r.patient?.name ?? "", nil)
        case .day: return (r.detoxDay.map(String.init) ?? dash, nil)
        case .de: return (r.diazepamEquivalent24hMg.map { "\(mg($0))mg" } ?? dash, r.diazepamEquivalent24hMg == nil ? .muted : nil)
        case .withdrawal:
            guard let w = r.withdrawal else { return ("not scored", .muted) }
            let scale = w.scale == .ciwaB ? "" : w.scale == .ciwaAr ? "Ar " : "\(w.scale.displayName) "
            if w.stale { return ("STALE \(scale)\(w.total)", .stale) }
            return ("\(scale)\(w.total) \(w.band)", SemanticRole.score(level: w.level))
        case .age:
            guard let w = r.withdrawal else { return (dash, .muted) }
            return (compactAge(w.takenAt, now: state.now), w.stale ? .stale : nil)
        case .trend:
            guard r.trend.count > 1, let scale = r.withdrawal?.scale,
                  let range = state.wardProtocol.scales[scale].map({ $0.bands.map(\.min).min()!...$0.bands.map(\.max).max()! })
            else { return (r.trend.isEmpty ? dash : "", .muted) }
            return (Sparkline.render(r.trend, range: range, width: OverviewColumn.trend.width, asciiOnly: state.asciiOnly), nil)
        case .news2:
            guard let n = r.news2 else { return (dash, .muted) }
            let t = "\(n.total)\(n.singleRed ? " R" : "")"
            if n.stale { return ("old \(n.total)", .stale) }
            let critical = n.total >= state.wardProtocol.alerts.news2AtOrAbove
            return (t, critical ? .alertCritical : n.singleRed ? .alertWarning : nil)
        case .sedation:
            guard let sd = r.sedation else { return (dash, .muted) }
            if sd.stale { return ("old", .stale) }
            return (sd.short, sd.overSedated ? .alertCritical : nil)
        case .next:
            guard let d = r.nextCheck else { return (dash, .muted) }
            switch d.status {
            case .overdue, .stale: return ("OVERDUE", .doseOverdue)
            case .due: return ("due now", .doseDue)
            case .continuous: return ("CONTINUOUS", .alertCritical)
            case .deferred: return ("deferred", .muted)
            case .suspended: return ("suspended", .muted)
            case .upcoming: return ("in " + compactAge(state.now, now: d.dueAt), nil)
            }
        case .doses:
            guard let d = r.doses else { return (dash, .muted) }
            if d.overdue > 0 { return ("\(d.overdue) late", .doseOverdue) }
            if d.due > 0 { return ("\(d.due) due", .doseDue) }
            return ("none", .muted)
        case .alerts:
            guard let top = r.topSeverity else { return ("", nil) }
            let log = state.ward?.alertLog ?? AlertLog()
            let open = r.alerts.filter { log.acknowledgement($0) == nil }
            if open.isEmpty { return ("\(r.alerts.count) ack'd", .muted) }
            let sev = open.map(\.severity).max() ?? top
            let word = sev == .critical ? "CRIT" : sev == .warning ? "warn" : "info"
            // The number counts the worst severity ("1 CRIT" is one critical alert, never three alerts
            // of which one is critical); "+" says lesser ones are open too.
            let worst = open.filter { $0.severity == sev }.count
            return ("\(worst) \(word)" + (worst < open.count ? "+" : ""),
                    sev == .critical ? .alertCritical : sev == .warning ? .alertWarning : .alertInfo)
        case .nurse:
            return (r.assigned?.staffName ?? dash, r.assigned == nil ? .muted : nil)
        }
    }

    static func mg(_ d: Double) -> String { DoseText.mg(d) }

    /// "45m", "2h05", "3d4h"; "0m" for the future.
    static func compactAge(_ then: Date, now: Date) -> String {
        let m = max(0, Int(now.timeIntervalSince(then)) / 60), h = m / 60, d = h / 24
        if h < 1 { return "\(m)m" }
        if d < 1 { return "\(h)h\(Format.two(m % 60))" }
        return "\(d)d\(h % 24)h"
    }
}

/// A list of alerts: severity, bed, patient, what and why, since, acknowledgement.
enum AlertPane {
    static func draw(_ s: inout Surface, _ state: AppState, alerts: [WardAlert], top: Int, lines: Int, title: String,
                     showPatient: Bool = true, note: String? = nil, keys: String = "a ack · e escalate",
                     moreHint: String? = nil) {
        guard top < s.height - 2 else { return }
        let crit = alerts.filter { $0.severity == .critical }.count
        s.fill(Rect(x: 0, y: top, width: s.width, height: 1), role: .header)
        let log = state.ward?.alertLog ?? AlertLog()
        let cal = state.calendar
        let room = min(lines, s.height - 2 - top - 1)
        // Right: "+N more" and the page note; left: the title and keys, cut before they run into the right.
        // The counts are never cut: the hint after "+N more" gives way first.
        let counts = " \(title): \(alerts.count) (\(crit) critical)"
        var rightText = ""
        for hint in [moreHint, nil] {
            var right = [String]()
            if alerts.count > room, room > 0 { right.append("+\(alerts.count - room) more" + (hint.map { " (\($0))" } ?? "")) }
            if let note { right.append(note) }
            rightText = right.isEmpty ? "" : " " + right.joined(separator: " · ") + " "
            if Text.width(counts) + Text.width(rightText) + 1 <= s.width { break }
        }
        let leftWidth = s.width - Text.width(rightText) - 1
        let left = Text.width(counts + " · " + keys) <= leftWidth ? counts + " · " + keys : counts
        s.put(fit: left, x: 0, y: top, width: max(0, leftWidth), role: .header, emphasis: .bold)
        if !rightText.isEmpty {
            s.put(rightText, x: max(0, s.width - Text.width(rightText) - 1), y: top, role: .header, emphasis: .bold)
        }
        if alerts.isEmpty, room > 0 { s.put("No open alerts.", x: 2, y: top + 1, role: .muted) }
        for (i, a) in alerts.prefix(room).enumerated() {
            let y = top + 1 + i
            let role: SemanticRole = a.severity == .critical ? .alertCritical : a.severity == .warning ? .alertWarning : .alertInfo
            var x = 1
            x += s.put(Text.pad(a.severity == .critical ? "CRIT" : a.severity == .warning ? "warn" : "info", 4), x: x, y: y,
                       role: role, emphasis: .bold) + 1
            if showPatient {
                x += s.put(Text.pad(a.bed ?? "—", 4), x: x, y: y, role: .text, emphasis: .bold) + 1
                x += s.put(Text.pad(a.patientName, 16), x: x, y: y, role: .text) + 1
            }
            var tail = " since " + Format.clock(a.since, cal)
            if let ack = log.acknowledgement(a) { tail += " ✓\(ack.by.split(separator: ",").first.map(String.init) ?? ack.by) \(Format.clock(ack.at, cal))" }
            if let esc = log.escalations(a).last { tail += " → \(esc.to)" }
            let tw = Text.width(tail)
            let mw = max(0, s.width - x - tw - 1)
            x += s.put(fit: a.message, x: x, y: y, width: mw, role: role)
            s.put(fit: tail, x: max(x, s.width - tw - 1), y: y, width: tw, role: .muted)
        }
    }
}
