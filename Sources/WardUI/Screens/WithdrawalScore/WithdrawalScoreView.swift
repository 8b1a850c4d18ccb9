import WardCore

/// The CIWA-B entry form: every item on one screen (scrolling when short),
/// the current one highlighted with its anchors, the total and band live.
enum WithdrawalScoreView {
    static func draw(_ s: inout Surface, _ state: AppState, _ f: WithdrawalScoreForm) {
        Chrome.titleBar(&s, state, subtitle: (f.amending == nil ? "New " : "Correcting ") + f.kind.displayName)
        let bannerRows: Int
        if let p = state.ward?.patient(f.patientID) {
            PatientBanner.draw(&s, y: 1, patient: p, state: state, compact: true)
            bannerRows = PatientBanner.rows(for: s.size, patient: p, state: state, compact: true)
        } else {
            s.put("Patient not on the current ward list (form kept).", x: 1, y: 1, role: .alertWarning)
            bannerRows = 1
        }
        let headerY = 1 + bannerRows
        drawHeader(&s, y: headerY, state: state, f: f)
        // Anchors panel above the message line: the rule, the item, and its
        // anchors wrapped to the width (one line for CIWA-B).
        let top = headerY + 1
        let wanted = f.onSummary ? 1 : anchorLines(f, width: s.width - 2).count
        let room = max(1, s.height - 2 - top - min(f.scores.count + 1, 6) - 2)
        let anchorsY = s.height - 2 - 1 - titleLines(f, width: s.width - 2).count - min(max(1, wanted), room)
        let rows = max(1, anchorsY - top)
        drawItems(&s, top: top, rows: rows, state: state, f: f)
        drawAnchors(&s, y: anchorsY, state: state, f: f)
    }

    static func drawHeader(_ s: inout Surface, y: Int, state: AppState, f: WithdrawalScoreForm) {
        s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .header)
        var x = 1
        x += s.put((f.round ? "OBS ROUND 1/3: " : "") + (f.amending == nil ? "" : "CORRECTING ") + "\(f.kind.displayName)  ",
                   x: x, y: y, role: .header, emphasis: .bold)
        x += s.put("\(f.scoredCount) of \(f.scores.count) scored · ", x: x, y: y, role: .header)
        let total = f.runningTotal
        let band = state.wardProtocol.band(f.kind, total: total)
        let role = band.map { SemanticRole.score(level: $0.level) } ?? .alertWarning
        let label = f.isComplete ? "TOTAL \(total)" : "total so far \(total)"
        x += s.put(label, x: x, y: y, role: role, emphasis: .bold)
        x += s.put(" · ", x: x, y: y, role: .header)
        x += s.put((band?.name ?? "no band") + (f.isComplete ? "" : " so far"), x: x, y: y, role: role, emphasis: .bold)
        if f.saving { s.put(" · Saving…", x: x, y: y, role: .alertInfo, emphasis: .bold) }
    }

    static func drawItems(_ s: inout Surface, top: Int, rows: Int, state: AppState, f: WithdrawalScoreForm) {
        let items = f.definition.items
        let lineCount = items.count + 1   // + summary
        let first = lineCount <= rows ? 0 : max(0, min(f.cursor - rows / 2, lineCount - rows))
        let labelWidth = s.width >= 120 ? 46 : 40
        for i in first..<min(lineCount, first + rows) {
            let y = top + i - first
            let current = i == f.cursor
            if i == items.count {
                drawSummary(&s, y: y, state: state, f: f, current: current)
                continue
            }
            let item = items[i]
            let role: SemanticRole = current ? .fieldActive : .text
            if current { s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .fieldActive) }
            var x = 0
            x += s.put(current ? (state.asciiOnly ? "> " : "▶ ") : "  ", x: x, y: y, role: role, emphasis: .bold)
            x += s.put(Text.right("\(i + 1).", 3) + " ", x: x, y: y, role: current ? role : .muted)
            let label = item.status.hasPrefix("UNCONFIRMED") ? item.label + " †" : item.label
            x += s.put(Text.pad(label, labelWidth), x: x, y: y, role: role, emphasis: current ? .bold : []) + 1
            x += s.put(Text.pad(item.rater == .observer ? "observed" : "patient", 9), x: x, y: y,
                       role: current ? role : .muted) + 1
            if let v = f.scores[i] {
                let word = item.anchors[v] ?? ""
                x += s.put(Text.pad("\(v) \(word)", 14), x: x, y: y, role: current ? role : .fieldDone, emphasis: .bold)
            } else {
                x += s.put(Text.pad(current ? "_  type \(item.range.lowerBound)-\(item.range.upperBound)" : "–", 14), x: x, y: y, role: current ? role : .muted)
            }
        }
        if first > 0 { s.put("▲ more", x: s.width - 7, y: top, role: .muted) }
        if first + rows < lineCount { s.put("▼ more", x: s.width - 7, y: top + rows - 1, role: .muted) }
    }

    static func drawSummary(_ s: inout Surface, y: Int, state: AppState, f: WithdrawalScoreForm, current: Bool) {
        let role: SemanticRole = current ? .fieldActive : .text
        if current { s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .fieldActive) }
        var x = 0
        x += s.put(current ? (state.asciiOnly ? "> " : "▶ ") : "  ", x: x, y: y, role: role, emphasis: .bold)
        let max = f.definition.totalRange.upperBound
        if let missing = f.firstUnscored {
            let n = f.scores.count - f.scoredCount
            s.put(fit: "SUMMARY: \(n) item\(n == 1 ? "" : "s") not scored yet (first: \(missing + 1). \(f.definition.items[missing].label))",
                  x: x, y: y, width: s.width - x - 8, role: current ? role : .muted, emphasis: .bold)
        } else {
            let band = state.wardProtocol.band(f.kind, total: f.runningTotal)
            if let old = f.amending {
                x += s.put("SUMMARY: total was \(old.total) → now \(f.runningTotal) of \(max) · ", x: x, y: y, role: role, emphasis: .bold)
                x += s.put(band?.name ?? "no band", x: x, y: y,
                           role: band.map { SemanticRole.score(level: $0.level) } ?? .alertWarning, emphasis: .bold)
                s.put(" · Enter: reason next", x: x, y: y, role: role, emphasis: .bold)
                return
            }
            x += s.put("SUMMARY: total \(f.runningTotal) of \(max) · ", x: x, y: y, role: role, emphasis: .bold)
            x += s.put(band?.name ?? "no band", x: x, y: y,
                       role: band.map { SemanticRole.score(level: $0.level) } ?? .alertWarning, emphasis: .bold)
            // Enter before the dose gate saves the score for monitoring only: the summary says so, not just "save".
            let next = f.saving ? " · Saving…" : f.gate == .unanswered ? " · y/n dose gate, then Enter saves" : " · press Enter to save"
            s.put(fit: next, x: x, y: y, width: Swift.max(0, s.width - x - 1), role: role, emphasis: .bold)
        }
    }

    static func drawAnchors(_ s: inout Surface, y: Int, state: AppState, f: WithdrawalScoreForm) {
        let items = f.definition.items
        let rule = String(repeating: state.asciiOnly ? "-" : "─", count: s.width)
        s.put(rule, x: 0, y: y, role: .border)
        if f.onSummary, let old = f.amending {
            s.put(fit: "Correcting: was \(old.total), now \(f.runningTotal). Enter: type the reason next. Esc: back.",
                  x: 1, y: y + 1, width: s.width - 2, role: .text)
            return
        }
        guard !f.onSummary else {
            s.put(fit: f.gate == .unanswered ? "Answer the dose gate (y/n); Enter alone saves for monitoring only."
                                             : "Check the total, then Enter saves. ↑ or Backspace goes back to change a score.",
                  x: 1, y: y + 1, width: s.width - 2, role: .text)
            GateView.draw(&s, y: y + 2, state: state, f: f)
            return
        }
        let item = items[f.cursor]
        // The item's whole wording, wrapped (never cut at 80 columns), then its anchors.
        let title = titleLines(f, width: s.width - 2)
        for (n, line) in title.enumerated() where y + 1 + n < s.height - 2 {
            s.put(fit: line, x: 1, y: y + 1 + n, width: s.width - 2, role: .text, emphasis: .bold)
        }
        let y = y + title.count - 1
        for (n, line) in anchorLines(f, width: s.width - 2).enumerated() where y + 2 + n < s.height - 2 {
            var x = 1
            for v in line {
                let text = "\(v) \(item.anchors[v] ?? "")"
                let chosen = f.scores[f.cursor] == v
                x += s.put(fit: text, x: x, y: y + 2 + n, width: max(0, s.width - x - 1), role: chosen ? .fieldActive : .keyHint,
                           emphasis: chosen ? [.bold, .reverse] : .bold)
                x += 3
            }
        }
    }

    /// The current item's wording, who rates it, and the † note for wording not yet confirmed, wrapped to `width`.
    static func titleLines(_ f: WithdrawalScoreForm, width: Int) -> [String] {
        guard !f.onSummary else { return [""] }
        let item = f.definition.items[f.cursor]
        let who = item.rater == .observer ? "nurse observes" : "patient reports"
        let note = item.status.hasPrefix("UNCONFIRMED") ? "  † item wording not yet confirmed against the published form" : ""
        return Text.wrap("\(f.cursor + 1). \(item.label) (\(who)):" + note, width: width)
    }

    /// The current item's points, grouped into lines that fit `width`.
    static func anchorLines(_ f: WithdrawalScoreForm, width: Int) -> [[Int]] {
        guard !f.onSummary else { return [] }
        let item = f.definition.items[f.cursor]
        var lines: [[Int]] = [[]], used = 0
        for v in item.range {
            let w = Text.width("\(v) \(item.anchors[v] ?? "")") + 3
            if used + w > width, !lines[lines.count - 1].isEmpty { lines.append([]); used = 0 }
            lines[lines.count - 1].append(v)
            used += w
        }
        return lines
    }
}
