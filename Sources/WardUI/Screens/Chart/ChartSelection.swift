import WardCore

/// The selected history row of a chart pane (↑/↓), and what `e` would amend there.
enum ChartSelection {
    enum Choice: Sendable, Hashable {
        case entry(AmendTarget)
        /// Why this row cannot be amended, in a sentence.
        case refused(String)
    }

    /// Which display lines of the pane can carry the selection (reason lines cannot).
    static func selectable(_ state: AppState, _ cs: ChartState) -> [Bool] {
        switch cs.pane {
        case .scores: ChartHistory.lines(state.ward, cs.patientID).map { $0.kind != .reason }
        case .vitals: ChartPanes.vitalsRows(state, cs.patientID, wide: false).map { _ in true }
        case .sedation: ChartPanes.sedationRows(state, cs.patientID, wide: false).map { _ in true }
        }
    }

    /// The selected line, kept inside the pane and off reason lines.
    static func clamped(_ state: AppState, _ cs: ChartState) -> Int? {
        let ok = selectable(state, cs)
        guard !ok.isEmpty else { return nil }
        var i = max(0, min(cs.selected, ok.count - 1))
        while i > 0, !ok[i] { i -= 1 }
        return ok[i] ? i : ok.firstIndex(of: true)
    }

    /// Selects the first (or last) selectable row and scrolls it into view.
    static func jump(_ state: AppState, _ cs: inout ChartState, toLast: Bool, rows: Int) {
        let ok = selectable(state, cs)
        guard let target = toLast ? ok.lastIndex(of: true) : ok.firstIndex(of: true) else { return }
        cs.selected = target
        cs.scroll = toLast ? max(0, ok.count - rows) : 0
    }

    /// Moves the selection one selectable row and scrolls it into view.
    static func move(_ state: AppState, _ cs: inout ChartState, by step: Int, rows: Int) {
        let ok = selectable(state, cs)
        guard var i = clamped(state, cs) else { return }
        var j = i + step
        while ok.indices.contains(j), !ok[j] { j += step }
        if ok.indices.contains(j) { i = j }
        cs.selected = i
        // Keep the row (and a reason line under it) on screen.
        if i < cs.scroll { cs.scroll = i }
        if i >= cs.scroll + rows { cs.scroll = i - rows + 1 }
        cs.scroll = max(0, min(cs.scroll, max(0, ok.count - rows)))
    }

    /// What the selected row holds, for the amend dialog.
    static func target(_ state: AppState, _ cs: ChartState) -> Choice? {
        guard let i = clamped(state, cs) else { return nil }
        switch cs.pane {
        case .scores:
            let line = ChartHistory.lines(state.ward, cs.patientID)[i]
            switch line.kind {
            case .current: return .entry(.assessment(line.entry))
            case .replaced:
                return .refused("Already corrected (see the row above): it cannot be amended again.")
            case .enteredInError:
                return .refused("Already marked entered in error: it cannot be amended again.")
            case .reason: return nil
            }
        case .vitals, .sedation:
            let rows = cs.pane == .vitals ? ChartPanes.vitalsRows(state, cs.patientID, wide: false)
                                          : ChartPanes.sedationRows(state, cs.patientID, wide: false)
            guard let t = rows[i].target, case .observation(_, let st, _) = t else { return nil }
            if st.enteredInError { return .refused("Already marked entered in error: it cannot be amended again.") }
            if st.supersededBy != nil {
                return .refused("Already amended (a newer entry replaces it): it cannot be amended again.")
            }
            return .entry(t)
        }
    }

    /// The marker at the start of the selected row.
    static func drawMarker(_ s: inout Surface, y: Int, state: AppState) {
        s.put(state.asciiOnly ? ">" : "▶", x: 0, y: y, role: .selection, emphasis: .bold)
    }
}
