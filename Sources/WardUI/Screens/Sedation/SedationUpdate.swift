import Foundation
import WardCore

extension AppState {
    // MARK: sedation

    mutating func handleSedation(_ action: Action?, _ event: InputEvent, _ f: inout SedationForm) -> [Effect] {
        f.message = nil
        switch action {
        case .discard:
            stack.removeLast()
            return []
        case .switchScale:
            f.scale = f.scale == .rass ? .poss : .rass
            f.choice = nil; f.minus = false
            return []
        case .save:
            guard let choice = f.choice else {
                f.message = Flash("Choose a level first: press the key shown beside it.", role: .error)
                return []
            }
            if let old = f.amendingFrom {
                guard choice != old else {
                    f.message = Flash("No change yet: choose the right level, then Enter; Esc goes back.", role: .alertWarning)
                    return []
                }
                finishCorrection(.correctedSedation(choice), note: "Corrected \(old.display) → \(choice.display). Now type the reason.")
                return []
            }
            guard let session else { return [] }
            f.saving = true
            f.message = Flash("Saving…", role: .alertInfo)
            return [.recordSedation(RecordSedation(patientID: f.patientID, score: choice), session: session)]
        case .fieldNext:
            let levels = f.levels
            let i = f.choice.flatMap { c in levels.firstIndex { $0.score == c } }
            let next: Int
            if case .key(.up) = event { next = max(0, (i ?? 1) - 1) } else { next = min(levels.count - 1, (i ?? -1) + 1) }
            f.choice = levels[next].score
            f.minus = false
            return []
        default:
            break
        }
        guard case .char(let c) = event else { return [] }
        if f.scale == .poss {
            if let level = POSSLevel(rawValue: String(c).uppercased()) { f.choice = .poss(level) } else {
                f.message = Flash("POSS: press s, 1, 2, 3 or 4.", role: .error)
            }
            return []
        }
        if c == "-" { f.minus = true; f.choice = nil; return [] }
        guard let d = c.wholeNumberValue else {
            f.message = Flash("RASS: press 0 to 4, or - then 1 to 5 for sedation (-1 to -5).", role: .error)
            return []
        }
        let v = f.minus ? -d : d
        guard SedationScore.rassRange.contains(v) else {
            f.message = Flash("RASS \(v) does not exist: the scale runs from -5 to +4.", role: .error)
            f.minus = false
            return []
        }
        f.choice = .rass(v)
        f.minus = false
        return []
    }
}
