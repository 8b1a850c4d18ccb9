import WardCore

/// The patient banner: who this is, on every patient screen (2 rows; a 3rd
/// with substances when the screen is tall enough). Allergies and risk flags are
/// never cut: when they do not share one row whole, the allergies take rows of
/// their own (wrapped) and the flags the rows under them.
enum PatientBanner {
    static func rows(for size: Size) -> Int { size.rows >= 40 ? 3 : 2 }

    /// The rows this patient's banner takes (the standard rows plus any the allergies and flags need).
    static func rows(for size: Size, patient: Patient?, state: AppState, compact: Bool = false) -> Int {
        rows(for: size) + (patient.map { extraRows($0, state: state, width: size.cols, compact: compact) } ?? 0)
    }

    /// The known allergies as written on the banner.
    static func allergyText(_ list: [String]) -> String { "ALLERGIES: " + list.joined(separator: ", ") }

    /// The allergy part of the banner, as written.
    static func allergyPart(_ patient: Patient) -> String {
        switch patient.allergyStatus {
        case .nkda: "Allergies: NKDA"
        case .notYetKnown: "ALLERGIES NOT YET KNOWN"
        case .known(let list): allergyText(list)
        }
    }

    /// The derived risk flags in words (a dose cut against the admission use first); empty: none.
    static func flags(_ patient: Patient, state: AppState) -> [String] {
        let orders = (state.ward?.orders[patient.id] ?? []).map(\.terms)
        let p = state.wardProtocol
        var shown = p.riskFlags(patient, orders: orders, now: state.now, calendar: state.calendar)
            .filter { $0.kind != .allergiesUnknown }.map(\.text)
        if let rec = p.reconcile(patient, orders: orders, calendar: state.calendar), rec.warns {
            shown.insert("DOSE CUT \(Int((rec.cut * 100).rounded())) % vs admission", at: 0)
        }
        return shown
    }

    /// The flags as written: whole, or (`compact`, on the bedside forms) by name only
    /// ("SEIZURE RISK", not its reasons, which the chart and the MAR show).
    static func flagText(_ flags: [String], ascii: Bool, compact: Bool = false) -> String {
        let shown = compact ? flags.map { $0.components(separatedBy: ": ").first ?? $0 } : flags
        return flags.isEmpty ? "Risk flags: none" : "\(ascii ? "!!" : "⚠") " + shown.joined(separator: " · ")
    }

    /// The allergy and flag lines when they do not share one row whole; nil when they do.
    static func stackedLines(_ patient: Patient, state: AppState, width: Int, compact: Bool = false) -> (allergies: [String], flags: [String])? {
        let allergies = allergyPart(patient), flags = flagText(flags(patient, state: state), ascii: state.asciiOnly, compact: compact)
        if Text.width(allergies) <= max(10, width / 2 - 1), 1 + Text.width(allergies) + 3 + Text.width(flags) <= width - 1 { return nil }
        return (Text.wrap(allergies, width: max(1, width - 2)), Text.wrap(flags, width: max(1, width - 2)))
    }

    /// Rows added when the allergies and flags are stacked: their lines, less the row they would have shared.
    static func extraRows(_ patient: Patient, state: AppState, width: Int, compact: Bool = false) -> Int {
        stackedLines(patient, state: state, width: width, compact: compact).map { $0.allergies.count + $0.flags.count - 1 } ?? 0
    }

    static func draw(_ s: inout Surface, y top: Int, patient: Patient, state: AppState, compact: Bool = false) {
        let w = s.width
        let rows = rows(for: s.size)
        let stacked = stackedLines(patient, state: state, width: w, compact: compact)
        let extra = stacked.map { $0.allergies.count + $0.flags.count - 1 } ?? 0
        s.fill(Rect(x: 0, y: top, width: w, height: rows + extra), role: .banner)
        let y = top
        let age = patient.dateOfBirth.age(on: state.now, calendar: state.calendar)
        let day = patient.detoxDay(at: state.now, calendar: state.calendar)
        var x = 1
        x += s.put("Bed \(patient.bed ?? "–")", x: x, y: y, role: .banner, emphasis: .bold)
        x += 2
        let tail = "  \(age)y \(patient.sex.letter)  MRN \(patient.mrn)  Detox day \(day)"
        let nameWidth = max(8, w - x - Text.width(tail) - 1)
        x += s.put(fit: patient.name, x: x, y: y, width: nameWidth, role: .banner, emphasis: .bold)
        s.put(fit: tail, x: x, y: y, width: max(0, w - x), role: .banner)

        // Then the allergies and the derived risk flags (words, not only colour).
        let allergyRole: SemanticRole = patient.allergyStatus == .nkda ? .banner : .alertWarning
        let allergyEmphasis: Emphasis = patient.allergyStatus == .nkda ? [] : .bold
        let flagList = flags(patient, state: state)
        let flagRole: SemanticRole = flagList.isEmpty ? .banner : .alertCritical
        let flagEmphasis: Emphasis = flagList.isEmpty ? [] : .bold
        var row = y + 1
        if let (allergies, flags) = stacked {
            for line in allergies { s.put(fit: line, x: 1, y: row, width: w - 2, role: allergyRole, emphasis: allergyEmphasis); row += 1 }
            for line in flags { s.put(fit: line, x: 1, y: row, width: w - 2, role: flagRole, emphasis: flagEmphasis); row += 1 }
        } else {
            x = 1 + s.put(allergyPart(patient), x: 1, y: row, role: allergyRole, emphasis: allergyEmphasis) + 3
            s.put(fit: flagText(flagList, ascii: state.asciiOnly, compact: compact), x: x, y: row, width: max(0, w - x - 1), role: flagRole, emphasis: flagEmphasis)
            row += 1
        }
        if rows >= 3 {
            let use = patient.substances.map(\.summary)
            let text = use.isEmpty ? "Substances: none recorded" : "Substances: " + use.joined(separator: "; ")
            s.put(fit: text, x: 1, y: row, width: w - 2, role: .banner)
        }
    }
}
