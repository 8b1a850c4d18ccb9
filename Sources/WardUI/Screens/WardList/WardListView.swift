import WardCore

/// One row per bed: who is in it and their last CIWA-B.
enum WardListView {
    struct Columns {
        var bed = 4, handover = 3, name = 21, age = 3, sex = 3, day = 4, seizure = 7, score = 15, when = 10
        var mrn = 0, allergies = 0
        static func forWidth(_ w: Int) -> Columns {
            var c = Columns()
            if w >= 120 {
                c.name = 32; c.mrn = 10; c.score = 16; c.when = 11
                c.allergies = max(0, w - 2 - (c.bed + c.handover + 1 + c.name + c.age + c.sex + c.day + c.seizure + c.score + c.when + c.mrn) - 10 - 1)
            }
            return c
        }
    }

    /// Bed rows shown (under the title and the column header, above the message and the legend).
    static func rows(_ size: Size) -> Int { max(1, size.rows - 4) }

    static func draw(_ s: inout Surface, _ state: AppState, _ ls: WardListState) {
        let count = state.ward?.patients.count ?? 0
        Chrome.titleBar(&s, state, subtitle: "Ward list · \(count) patient\(count == 1 ? "" : "s")")
        guard let ward = state.ward else {
            s.put("Loading the ward…", x: 1, y: 2, role: .muted)
            return
        }
        let c = Columns.forWidth(s.width)
        // Header
        var cells: [(String, Int, Bool)] = [("Bed", c.bed, false), ("H/O", c.handover, false), ("Patient", c.name, false), ("Age", c.age, true),
                                            ("Sex", c.sex, false), ("Day", c.day, true), ("Seizure", c.seizure, false)]
        if c.mrn > 0 { cells.append(("MRN", c.mrn, false)) }
        cells += [("Withdrawal", c.score, false), ("Scored", c.when, false)]
        if c.allergies > 0 { cells.append(("Allergies", c.allergies, false)) }
        var x = 2
        s.fill(Rect(x: 0, y: 1, width: s.width, height: 1), role: .header)
        for (t, w, r) in cells {
            s.put(r ? Text.right(t, w) : Text.pad(t, w), x: x, y: 1, role: .header, emphasis: .bold)
            x += w + 1
        }
        // Rows
        let top = 2, rows = Self.rows(s.size)
        let beds = ward.ward.beds
        let sel = max(0, min(ls.selected, beds.count - 1))
        let shift = state.handoverShift  // once a frame, not once a row
        let first = beds.count <= rows ? 0 : max(0, min(sel - rows / 2, beds.count - rows))
        for (i, bed) in beds.enumerated().dropFirst(first).prefix(rows) {
            let y = top + i - first
            let selected = i == sel
            drawRow(&s, y: y, bed: bed, state: state, ward: ward, shift: shift, c: c, selected: selected)
        }
        if first > 0 { s.put("▲", x: s.width - 1, y: top, role: .muted) }
        if first + rows < beds.count { s.put("▼", x: s.width - 1, y: top + rows - 1, role: .muted) }
    }

    static func drawRow(_ s: inout Surface, y: Int, bed: Bed, state: AppState, ward: WardSnapshot, shift: ShiftOccurrence?,
                        c: Columns, selected: Bool) {
        let base: SemanticRole = selected ? .selection : .text
        if selected {
            s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .selection)
            s.put(state.asciiOnly ? ">" : "▶", x: 0, y: y, role: .selection, emphasis: .bold)
        }
        var x = 2
        x += s.put(Text.pad(bed.label, c.bed), x: x, y: y, role: base, emphasis: .bold) + 1
        guard let p = ward.patient(inBed: bed.label) else {
            s.put("(empty bed)", x: x, y: y, role: selected ? .selection : .muted)
            return
        }
        let age = p.dateOfBirth.age(on: state.now, calendar: state.calendar)
        x += handoverMarker(&s, x: x, y: y, state: state, ward: ward, shift: shift, patient: p.id, width: c.handover,
                            selected: selected) + 1
        x += s.put(Text.pad(p.name, c.name), x: x, y: y, role: base) + 1
        x += s.put(Text.right("\(age)", c.age), x: x, y: y, role: base) + 1
        x += s.put(Text.pad(p.sex.letter, c.sex), x: x, y: y, role: base) + 1
        x += s.put(Text.right("\(p.detoxDay(at: state.now, calendar: state.calendar))", c.day), x: x, y: y, role: base) + 1
        let flags = state.wardProtocol.riskFlags(p, orders: (ward.orders[p.id] ?? []).map(\.terms), now: state.now, calendar: state.calendar)
        if flags.contains(where: { $0.kind == .seizure }) {
            s.put(state.asciiOnly ? "!! risk" : "⚠ risk", x: x, y: y, role: .alertCritical, emphasis: .bold)
        }
        x += c.seizure + 1
        if c.mrn > 0 { x += s.put(Text.pad(p.mrn, c.mrn), x: x, y: y, role: base) + 1 }
        if let a = ward.leadingAssessment(for: p.id) {
            // The overview's rule and marks: the leading scale (Ar for CIWA-Ar) and STALE when overdue for re-scoring.
            let band = state.wardProtocol.band(a.scale, total: a.total)
            let stale = WardOverview(state.wardProtocol).isStale(TimedTotal(scale: a.scale, total: a.total, takenAt: a.recordedAt),
                                                                   now: state.now)
            let role = stale ? SemanticRole.stale : band.map { SemanticRole.score(level: $0.level) } ?? .alertWarning
            let scale = a.scale == .ciwaB ? "" : a.scale == .ciwaAr ? "Ar " : "\(a.scale.displayName) "
            let text = stale ? "STALE \(scale)\(a.total)" : "\(scale)\(Text.right("\(a.total)", 2)) \(band?.name ?? "no band")"
            s.put(Text.pad(text, c.score), x: x, y: y, role: role, emphasis: selected ? [.bold, .reverse] : .bold)
            x += c.score + 1
            x += s.put(Text.pad(Format.ago(a.recordedAt, now: state.now), c.when), x: x, y: y, role: base) + 1
        } else {
            s.put(Text.pad("not scored", c.score), x: x, y: y, role: selected ? .selection : .muted)
            x += c.score + 1 + c.when + 1
        }
        if c.allergies > 0 {
            switch p.allergyStatus {
            case .nkda: s.put("NKDA", x: x, y: y, role: base)
            case .notYetKnown: s.put(fit: "NOT YET KNOWN", x: x, y: y, width: c.allergies, role: .alertWarning)
            case .known(let l): s.put(fit: l.joined(separator: ", "), x: x, y: y, width: c.allergies, role: .alertWarning)
            }
        }
    }

    /// The handover marker for the nearest handover: "✓" accepted, "H" handed over (awaiting acceptance).
    static func handoverMarker(_ s: inout Surface, x: Int, y: Int, state: AppState, ward: WardSnapshot, shift: ShiftOccurrence?,
                               patient: PatientID, width: Int, selected: Bool) -> Int {
        guard let shift else { return width }
        switch ward.handover.status(for: patient, shiftStart: shift.start) {
        case .accepted: s.put(Text.pad(state.asciiOnly ? "ok" : "✓", width), x: x, y: y, role: selected ? .selection : .saved, emphasis: .bold)
        case .handedOver: s.put(Text.pad("H", width), x: x, y: y, role: selected ? .selection : .alertInfo, emphasis: .bold)
        case .none: break
        }
        return width
    }
}
