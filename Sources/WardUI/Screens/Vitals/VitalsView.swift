import WardCore

/// The vital-signs form: one field per row, each with its NEWS2 score as
/// soon as it is typed; the total, risk and the protocol's response live.
enum VitalsView {
    static func draw(_ s: inout Surface, _ state: AppState, _ f: VitalsForm) {
        Chrome.titleBar(&s, state, subtitle: f.amendingFrom == nil ? "New vital signs" : "Correcting vital signs")
        var y = 1
        if let p = state.ward?.patient(f.patientID) {
            PatientBanner.draw(&s, y: 1, patient: p, state: state, compact: true)
            y += PatientBanner.rows(for: s.size, patient: p, state: state, compact: true)
        } else {
            s.put("Patient not on the current ward list (form kept).", x: 1, y: 1, role: .alertWarning)
            y += 1
        }
        let live = LiveNEWS2(f, state.wardProtocol.news2)
        drawHeader(&s, y: y, state: state, f: f, live: live)
        y += 1
        for field in VitalsForm.Field.allCases {
            drawField(&s, y: y, state: state, f: f, field: field, live: live)
            y += 1
        }
        drawResponse(&s, y: y, state: state, f: f, live: live)
    }

    static func drawHeader(_ s: inout Surface, y: Int, state: AppState, f: VitalsForm, live: LiveNEWS2) {
        s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .header)
        var x = 1
        x += s.put(f.round ? "OBS ROUND 2/3: VITAL SIGNS  " : "VITAL SIGNS  ", x: x, y: y, role: .header, emphasis: .bold)
        let role = live.full.map { SemanticRole.score(level: $0.risk.level) } ?? .header
        if let full = live.full {
            x += s.put("NEWS2 \(full.total) \(full.risk.upper)\(full.singleRed ? " (red score)" : "")", x: x, y: y, role: role, emphasis: .bold)
        } else {
            x += s.put("NEWS2 so far \(live.total) (\(live.count) of 7 scored)", x: x, y: y, role: .header, emphasis: .bold)
        }
        s.put(fit: " · SpO2 scale \(f.scale2 ? "2 (this patient)" : "1")", x: x, y: y, width: max(0, s.width - x), role: .header)
    }

    static func drawField(_ s: inout Surface, y: Int, state: AppState, f: VitalsForm, field: VitalsForm.Field, live: LiveNEWS2) {
        let current = f.field == field
        let role: SemanticRole = current ? .fieldActive : .text
        if current { s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .fieldActive) }
        var x = 0
        x += s.put(current ? "▶ " : "  ", x: x, y: y, role: role, emphasis: .bold)
        if field == .summary {
            let text: String
            if let missing = f.firstMissing {
                text = "SUMMARY: \(missing.label) not entered yet"
            } else if let full = live.full {
                text = "SUMMARY: NEWS2 \(full.total) \(full.risk.upper)"
                    + (f.saving ? " · Saving…" : f.amendingFrom != nil ? " · correcting: ↑ to the wrong value; Enter: reason next" : " · press Enter to save")
            } else { text = "SUMMARY" }
            s.put(fit: text, x: x, y: y, width: s.width - x - 1, role: current ? role : .muted, emphasis: .bold)
            return
        }
        x += s.put(Text.pad(field.label, 22), x: x, y: y, role: role, emphasis: current ? .bold : []) + 1
        let shown: String
        switch field {
        case .oxygen: shown = f.onOxygen.map { $0 ? "oxygen" : "air" } ?? (current ? "_  a air · o oxygen" : "–")
        case .acvpu: shown = f.acvpu.map { "\($0.rawValue) \($0.label)" } ?? (current ? "_  a c v p u" : "–")
        default:
            let t = f.text[field] ?? ""
            let unit = field.numeric?.unit ?? ""
            shown = t.isEmpty ? (current ? "_" : "–") : "\(t)\(current ? "_" : "") \(unit)"
        }
        let invalid = current && f.message?.role == .error
        x += s.put(Text.pad(shown, 22), x: x, y: y, role: invalid ? .fieldInvalid : (current ? role : .fieldDone), emphasis: .bold) + 1
        if let sc = live.scores[field] {
            x += s.put(Text.pad("score \(sc)", 9), x: x, y: y, role: current ? role : .score(level: min(3, sc)), emphasis: .bold)
        } else if field == .diastolic {
            x += s.put(Text.pad("not scored", 11), x: x, y: y, role: current ? role : .muted)
        } else { x += 9 }
        if current, let n = field.numeric {
            let r = state.wardProtocol.entryLimits.range(n)
            s.put(fit: "  accepts \(Format.number(r.lowerBound))–\(Format.number(r.upperBound))\(field == .diastolic ? ", optional" : "")",
                  x: x, y: y, width: max(0, s.width - x - 1), role: role)
        }
    }

    static func drawResponse(_ s: inout Surface, y: Int, state: AppState, f: VitalsForm, live: LiveNEWS2) {
        let bottom = s.height - 3
        guard y <= bottom else { return }
        s.put(String(repeating: "─", count: s.width), x: 0, y: y, role: .border)
        guard let full = live.full else {
            s.put(fit: "Enter or Tab keeps a value and moves on; ↑ goes back. NEWS2 risk and the protocol's response appear when all 7 are in.",
                  x: 1, y: y + 1, width: s.width - 2, role: .muted)
            return
        }
        let r = full.response
        let role = SemanticRole.score(level: full.risk.level)
        var lines = ["NEWS2 \(full.total) \(full.risk.upper) · monitoring: \(r.monitoring)"]
        lines += Text.wrap("Response: \(r.response).", width: s.width - 2)
        for (n, line) in lines.enumerated() where y + 1 + n <= bottom {
            s.put(fit: line, x: 1, y: y + 1 + n, width: s.width - 2, role: n == 0 ? role : .text, emphasis: n == 0 ? .bold : [])
        }
    }
}

/// NEWS2 as far as the form is filled in: each parameter's score once typed.
struct LiveNEWS2 {
    var scores: [VitalsForm.Field: Int] = [:]
    var full: NEWS2Score?
    var total: Int { scores.values.reduce(0, +) }
    var count: Int { scores.count }

    init(_ f: VitalsForm, _ rules: NEWS2Rules) {
        if let v = f.value(.respirationRate) { scores[.respirationRate] = rules.respirationRate.score(v) }
        if let v = f.value(.spo2) {
            let p = f.scale2 ? (f.onOxygen == true ? rules.spo2Scale2OnOxygen : rules.spo2Scale2OnAir) : rules.spo2Scale1
            if !f.scale2 || f.onOxygen != nil { scores[.spo2] = p.score(v) }
        }
        if let o = f.onOxygen { scores[.oxygen] = o ? rules.oxygenScore : rules.airScore }
        if let v = f.value(.systolic) { scores[.systolic] = rules.systolicBP.score(v) }
        if let v = f.value(.pulse) { scores[.pulse] = rules.pulse.score(v) }
        if let a = f.acvpu { scores[.acvpu] = a == .alert ? rules.alertScore : rules.confusionVPUScore }
        if let v = f.value(.temperature) { scores[.temperature] = rules.temperature.score(v) }
        full = f.vitals.map { rules.score($0, scale2: f.scale2) }
    }
}
