import WardCore

/// The patient banner: who this is, on every patient screen (2 rows; a 3rd
/// with substances when the screen is tall enough).
enum PatientBanner {
    static func rows(for size: Size) -> Int { size.rows >= 40 ? 3 : 2 }

    static func draw(_ s: inout Surface, y: Int, patient: Patient, state: AppState) {
        let w = s.width
        let rows = rows(for: s.size)
        s.fill(Rect(x: 0, y: y, width: w, height: rows), role: .banner)
        let age = patient.dateOfBirth.age(on: state.now, calendar: state.calendar)
        let day = patient.detoxDay(at: state.now, calendar: state.calendar)
        var x = 1
        x += s.put("Bed \(patient.bed ?? "–")", x: x, y: y, role: .banner, emphasis: .bold)
        x += 2
        let tail = "  \(age)y \(patient.sex.letter)  MRN \(patient.mrn)  Detox day \(day)"
        let nameWidth = max(8, w - x - Text.width(tail) - 1)
        x += s.put(fit: patient.name, x: x, y: y, width: nameWidth, role: .banner, emphasis: .bold)
        s.put(fit: tail, x: x, y: y, width: max(0, w - x), role: .banner)

        // Row 2: allergies, then seizure risk (words, not only colour).
        x = 1
        if patient.allergies.isEmpty {
            x += s.put("Allergies: NKDA", x: x, y: y + 1, role: .banner)
        } else {
            x += s.put("ALLERGIES: ", x: x, y: y + 1, role: .alertWarning, emphasis: .bold)
            let list = patient.allergies.joined(separator: ", ")
            x += s.put(fit: list, x: x, y: y + 1, width: max(10, w / 2 - x), role: .alertWarning, emphasis: .bold)
        }
        x += 3
        if patient.hasSeizureRisk {
            var why: [String] = []
            if patient.seizureHistory { why.append("seizure history") }
            why += patient.riskFlags
            let mark = state.asciiOnly ? "!!" : "⚠"
            s.put(fit: "\(mark) SEIZURE RISK: " + why.joined(separator: ", "), x: x, y: y + 1,
                  width: max(0, w - x - 1), role: .alertCritical, emphasis: .bold)
        } else {
            s.put("Seizure risk: none recorded", x: x, y: y + 1, role: .banner)
        }
        if rows >= 3 {
            let use = patient.substances.map { "\($0.substance) \($0.dailyAmount)/day for \($0.duration)" }
            let text = use.isEmpty ? "Substances: none recorded" : "Substances: " + use.joined(separator: "; ")
            s.put(fit: text, x: 1, y: y + 2, width: w - 2, role: .banner)
        }
    }
}
