import WardCore

/// The patient banner: who this is, on every patient screen (2 rows; a 3rd
/// with substances when the screen is tall enough). Allergies are never cut:
/// a list too long to share its row with the risk flags takes rows of its own
/// (wrapped whole), and the flags move to the row under it.
enum PatientBanner {
    static func rows(for size: Size) -> Int { size.rows >= 40 ? 3 : 2 }

    /// The rows this patient's banner takes (the standard rows plus any the allergies need).
    static func rows(for size: Size, patient: Patient?, state: AppState) -> Int {
        rows(for: size) + (patient.map { extraRows($0, width: size.cols) } ?? 0)
    }

    /// The known allergies as written on the banner.
    static func allergyText(_ list: [String]) -> String { "ALLERGIES: " + list.joined(separator: ", ") }

    /// Allergy lines when the list does not fit the left half of the row whole; nil when it does.
    static func allergyLines(_ patient: Patient, width: Int) -> [String]? {
        guard case .known(let list) = patient.allergyStatus else { return nil }
        let text = allergyText(list)
        guard Text.width(text) > max(10, width / 2 - 1) else { return nil }
        return Text.wrap(text, width: max(1, width - 2))
    }

    /// Rows added for a long allergy list: its lines, less the row it would have shared.
    static func extraRows(_ patient: Patient, width: Int) -> Int { allergyLines(patient, width: width)?.count ?? 0 }

    static func draw(_ s: inout Surface, y top: Int, patient: Patient, state: AppState) {
        let w = s.width
        let rows = rows(for: s.size)
        let longAllergies = allergyLines(patient, width: w)
        s.fill(Rect(x: 0, y: top, width: w, height: rows + (longAllergies?.count ?? 0)), role: .banner)
        var y = top
        let age = patient.dateOfBirth.age(on: state.now, calendar: state.calendar)
        let day = patient.detoxDay(at: state.now, calendar: state.calendar)
        var x = 1
        x += s.put("Bed \(patient.bed ?? "–")", x: x, y: y, role: .banner, emphasis: .bold)
        x += 2
        let tail = "  \(age)y \(patient.sex.letter)  MRN \(patient.mrn)  Detox day \(day)"
        let nameWidth = max(8, w - x - Text.width(tail) - 1)
        x += s.put(fit: patient.name, x: x, y: y, width: nameWidth, role: .banner, emphasis: .bold)
        s.put(fit: tail, x: x, y: y, width: max(0, w - x), role: .banner)

        // Row 2: allergies, then the derived risk flags (words, not only colour). A long list of
        // allergies has rows of its own first.
        x = 1
        if let lines = longAllergies {
            for (i, line) in lines.enumerated() {
                s.put(fit: line, x: 1, y: y + 1 + i, width: w - 2, role: .alertWarning, emphasis: .bold)
            }
            y += lines.count
        } else {
        switch patient.allergyStatus {
        case .nkda:
            x += s.put("Allergies: NKDA", x: x, y: y + 1, role: .banner)
        case .notYetKnown:
            x += s.put("ALLERGIES NOT YET KNOWN", x: x, y: y + 1, role: .alertWarning, emphasis: .bold)
        case .known(let list):
            x += s.put("ALLERGIES: ", x: x, y: y + 1, role: .alertWarning, emphasis: .bold)
            x += s.put(list.joined(separator: ", "), x: x, y: y + 1, role: .alertWarning, emphasis: .bold)
        }
        x += 3
        }
        let orders = (state.ward?.orders[patient.id] ?? []).map(\.terms)
        let p = state.wardProtocol
        var shown = p.riskFlags(patient, orders: orders, now: state.now, calendar: state.calendar)
            .filter { $0.kind != .allergiesUnknown }.map(\.text)
        if let rec = p.reconcile(patient, orders: orders, calendar: state.calendar), rec.warns {
            shown.insert("DOSE CUT \(Int((rec.cut * 100).rounded())) % vs admission", at: 0)
        }
        if shown.isEmpty {
            s.put("Risk flags: none", x: x, y: y + 1, role: .banner)
        } else {
            let mark = state.asciiOnly ? "!!" : "⚠"
            s.put(fit: "\(mark) " + shown.joined(separator: " · "), x: x, y: y + 1,
                  width: max(0, w - x - 1), role: .alertCritical, emphasis: .bold)
        }
        if rows >= 3 {
            let use = patient.substances.map(\.summary)
            let text = use.isEmpty ? "Substances: none recorded" : "Substances: " + use.joined(separator: "; ")
            s.put(fit: text, x: 1, y: y + 2, width: w - 2, role: .banner)
        }
    }
}
