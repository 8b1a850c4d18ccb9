import WardCore

/// The sedation form: every level of the scale with its key and label.
enum SedationView {
    static func key(_ score: SedationScore) -> String {
        switch score {
        case .rass(let v): v < 0 ? "-\(-v)" : "\(v)"
        case .poss(let l): l.rawValue.lowercased()
        }
    }

    static func draw(_ s: inout Surface, _ state: AppState, _ f: SedationForm) {
        Chrome.titleBar(&s, state, subtitle: f.amendingFrom == nil ? "New sedation score" : "Correcting sedation score")
        var y = 1
        if let p = state.ward?.patient(f.patientID) {
            PatientBanner.draw(&s, y: 1, patient: p, state: state, compact: true)
            y += PatientBanner.rows(for: s.size, patient: p, state: state, compact: true)
        }
        s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .header)
        let name = f.scale == .poss ? "POSS" : "RASS"
        var x = 1
        x += s.put(f.round ? "OBS ROUND 3/3: SEDATION (\(name))  " : "SEDATION (\(name))  ", x: x, y: y, role: .header, emphasis: .bold)
        let chosen = f.choice.map { "chosen: \($0.display)" } ?? (f.minus ? "minus typed: now 1-5" : "press the key beside a level")
        s.put(fit: chosen + (f.saving ? " · Saving…" : ""), x: x, y: y, width: max(0, s.width - x - 1), role: .header, emphasis: .bold)
        y += 1
        let scale = f.scale == .poss ? SedationScale.poss : SedationScale.rass
        let hold = state.wardProtocol.hold
        for level in scale.levels where y < s.height - 3 {
            let current = f.choice == level.score
            let role: SemanticRole = current ? .fieldActive : .text
            if current { s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .fieldActive) }
            var x = 0
            x += s.put(current ? "▶ " : "  ", x: x, y: y, role: role, emphasis: .bold)
            x += s.put(Text.right(key(level.score), 3), x: x, y: y, role: current ? role : .keyHint, emphasis: .bold) + 2
            let held: Bool
            switch level.score {
            case .rass(let v): held = v <= hold.rassAtOrBelow
            case .poss(let l): held = l.rank >= hold.possAtOrAbove
            }
            x += s.put(Text.pad(level.label, s.width >= 120 ? 70 : 44), x: x, y: y, role: role, emphasis: current ? .bold : []) + 1
            if held { s.put(fit: "HOLD doses (protocol)", x: x, y: y, width: max(0, s.width - x - 1), role: current ? role : .alertWarning) }
            y += 1
        }
        if y < s.height - 3 {
            let d = f.choice.flatMap { scale.level(for: $0)?.description } ?? ""
            s.put(fit: f.amendingFrom.map { "Correcting \($0.display): choose the right level; Enter: the reason next." }
                  ?? (d.isEmpty ? "Enter saves the chosen level. Tab switches RASS/POSS." : d), x: 1, y: y + 1, width: s.width - 2, role: .muted)
        }
    }
}
