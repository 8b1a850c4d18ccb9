import Foundation
import WardCore

extension AppState {
    // MARK: vital signs

    mutating func handleVitals(_ action: Action?, _ event: InputEvent, _ f: inout VitalsForm) -> [Effect] {
        if f.confirming { return confirmUnusual(event, &f) }
        f.message = nil
        switch action {
        case .discard:
            if f.amendingFrom != nil { stack.removeLast(); return [] }   // back to the amend dialog
            if f.isStarted { stack.append(.confirm(.discardForm("set of vital signs"))) } else { stack.removeLast() }
            return []
        case .fieldPrevious:
            if let prev = VitalsForm.Field(rawValue: f.field.rawValue - 1) { f.field = prev }
            return []
        case .erase:
            if f.field.numeric != nil, var t = f.text[f.field], !t.isEmpty {
                t.removeLast(); f.text[f.field] = t
            } else if f.field == .oxygen, f.onOxygen != nil { f.onOxygen = nil
            } else if f.field == .acvpu, f.acvpu != nil { f.acvpu = nil
            } else if let prev = VitalsForm.Field(rawValue: f.field.rawValue - 1) { f.field = prev }
            return []
        case .fieldNext:
            return commitField(&f)
        default:
            break
        }
        guard case .char(let c) = event else { return [] }
        switch f.field {
        case .oxygen:
            switch c {
            case "a": f.onOxygen = false; f.field = .systolic
            case "o": f.onOxygen = true; f.field = .systolic
            default: f.message = Flash("Air or oxygen: press a for air, o for oxygen.", role: .error)
            }
        case .acvpu:
            if let level = ACVPU(rawValue: String(c).uppercased()), "acvpu".contains(c) {
                f.acvpu = level; f.field = .temperature
            } else {
                f.message = Flash("Consciousness: press a Alert, c new Confusion, v Voice, p Pain, u Unresponsive.", role: .error)
            }
        case .summary:
            f.message = Flash("You are on the summary: Enter saves, ↑ goes back to change a value.", role: .alertWarning)
        default:
            guard let n = f.field.numeric else { return [] }
            var t = f.text[f.field] ?? ""
            if c == "." {
                guard n.allowsDecimal else {
                    f.message = Flash("\(n.label) is a whole number: digits only.", role: .error); return []
                }
                guard !t.contains("."), !t.isEmpty else {
                    f.message = Flash("\(n.label): one decimal point only, after the whole degrees (e.g. 37.2).", role: .error); return []
                }
            } else if c.isASCII, c.isNumber {
                if let dot = t.firstIndex(of: ".") , t[t.index(after: dot)...].count >= 1 {
                    f.message = Flash("\(n.label): one decimal place only (e.g. 37.2).", role: .error); return []
                }
                if !t.contains("."), t.count >= 3 {
                    f.message = Flash("\(n.label): at most 3 digits; Bksp to correct.", role: .error); return []
                }
            } else {
                f.message = Flash("\(n.label): type digits\(n.allowsDecimal ? " and one decimal point" : ""), then Enter.", role: .error)
                return []
            }
            t.append(c)
            f.text[f.field] = t
        }
        return []
    }

    mutating func commitField(_ f: inout VitalsForm) -> [Effect] {
        if f.field == .summary {
            if let missing = f.firstMissing {
                f.field = missing
                f.message = Flash("Not saved: \(missing.label) has no value yet.", role: .error)
                return []
            }
            if let old = f.amendingFrom, let v = f.vitals {
                guard v != old else {
                    f.message = Flash("No value changed yet: ↑ to the wrong field and retype it; Esc goes back.", role: .alertWarning)
                    return []
                }
                finishCorrection(.correctedVitals(v), note: "Corrected vital signs ready. Now type the reason.")
                return []
            }
            guard let v = f.vitals, let session else { return [] }
            f.saving = true
            f.message = Flash("Saving…", role: .alertInfo)
            return [.recordVitals(RecordVitals(patientID: f.patientID, vitals: v), session: session)]
        }
        if let n = f.field.numeric {
            let t = f.text[f.field] ?? ""
            if t.isEmpty {
                if f.field == .diastolic { advance(&f); return [] }
                let r = wardProtocol.entryLimits.range(n)
                f.message = Flash("\(n.label): type a value (\(Format.number(r.lowerBound))–\(Format.number(r.upperBound)) \(n.unit)), then Enter.", role: .error)
                return []
            }
            guard let v = f.value(f.field) else {
                f.message = Flash("\(n.label): finish the number (e.g. 37.2).", role: .error); return []
            }
            switch wardProtocol.checkVital(n, v) {
            case .refused(let why):
                f.message = Flash(why, role: .error)
                return []
            case .unusual(let why):
                if f.confirmed[f.field] != t {
                    f.confirming = true
                    f.message = Flash(why, role: .alertWarning)
                    return []
                }
            case .ok:
                break
            }
        } else if f.field == .oxygen, f.onOxygen == nil {
            f.message = Flash("Air or oxygen: press a for air, o for oxygen.", role: .error); return []
        } else if f.field == .acvpu, f.acvpu == nil {
            f.message = Flash("Consciousness: press a, c, v, p or u.", role: .error); return []
        }
        advance(&f)
        return []
    }

    func advance(_ f: inout VitalsForm) {
        f.field = VitalsForm.Field(rawValue: f.field.rawValue + 1) ?? .summary
    }

    mutating func confirmUnusual(_ event: InputEvent, _ f: inout VitalsForm) -> [Effect] {
        switch event {
        case .char("y"), .char("Y"):
            f.confirming = false
            f.confirmed[f.field] = f.text[f.field]
            f.message = nil
            advance(&f)
        case .char("n"), .char("N"), .key(.escape):
            f.confirming = false
            f.text[f.field] = ""
            f.message = Flash("Cleared: type the \(f.field.label.lowercased()) again.", role: .alertInfo)
        default:
            f.message = Flash((f.message?.text ?? "Confirm?").replacingOccurrences(of: " (press y or n)", with: "") + " (press y or n)",
                              role: .alertWarning)
        }
        return []
    }
}
