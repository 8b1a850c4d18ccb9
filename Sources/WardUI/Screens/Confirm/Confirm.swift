import Foundation
import WardCore

/// A yes/no question over the screen beneath.
public enum Confirm: Sendable, Hashable {
    /// Leave a started CIWA-B or CIWA-Ar (the scale named) without saving its scores.
    case discardScores(ScaleKind)
    /// Leave a started bedside form ("CIWA-Ar", "vital signs", …) without saving.
    case discardForm(String)
    /// Quit with unsaved work, one name per piece ("CIWA-Ar", "set of vital signs").
    case quit(unsaved: [String])
    /// Send a patient to another ward of the hospital (they are discharged here).
    case sendToWard(patientID: PatientID, name: String, ward: HospitalWard)

    /// What each answer does, in words.
    public var choices: String {
        switch self {
        case .discardScores: "y: throw the scores away    n: keep scoring"
        case .discardForm: "y: throw it away    n: keep going"
        case .quit: "y: quit now    n: stay"
        case .sendToWard: "y: send (discharged here, record goes too)    n: stay"
        }
    }

    public var question: String {
        switch self {
        case .discardScores(let scale): "Discard this \(scale.displayName)? y/n"
        case .discardForm(let what): "Discard this \(what)? y/n"
        case .quit(let work):
            "\(AppState.draftsPhrase(work)) will be lost. Quit anyway? y/n"
        case .sendToWard(_, let name, let ward): "Send \(name) to \(ward.name)? y/n"
        }
    }
}

extension Confirm: ScreenComponent {
    var screen: Screen { .confirm(self) }
    var keyContext: KeyContext { .confirm }
    var isModal: Bool { true }

    func update(_ action: Action?, _ event: InputEvent, _ app: inout AppState) -> [Effect] {
        switch action {
        case .confirmYes:
            app.stack.removeLast()
            switch self {
            case .discardScores(let scale):
                app.closeAskingForm()
                app.flash = Flash("\(scale.displayName) discarded (nothing was saved).", role: .alertWarning)
            case .discardForm(let what):
                app.closeAskingForm()
                app.flash = Flash("\(what.prefix(1).uppercased() + what.dropFirst()) discarded (nothing was saved).", role: .alertWarning)
            case .quit:
                app.quitting = true
                return [.quit]
            case .sendToWard(let pid, let name, let ward):
                guard let session = app.session else { return [] }
                app.flash = Flash("Sending \(name) to \(ward.name)…", role: .alertInfo)
                return [.sendToWard(patientID: pid, ward: ward.code, session: session)]
            }
        case .confirmNo:
            app.stack.removeLast()
        default:
            break
        }
        return []
    }

    /// The question in a box over the screen beneath.
    func draw(_ s: inout Surface, _ app: AppState, below: ArraySlice<Screen>) {
        let r = Chrome.centered(s, width: max(Text.width(question), Text.width(choices)) + 8, height: 6)
        Chrome.box(&s, r, role: .alertWarning, ascii: app.asciiOnly, title: "Please confirm")
        s.put(centered: question, in: r, y: r.y + 2, role: .alertWarning, emphasis: .bold)
        s.put(centered: choices, in: r, y: r.y + 3, role: .alertWarning)
    }
}

extension AppState {
    /// "Discard …? y": the form that asked (it holds the unsaved work) closes.
    mutating func closeAskingForm() {
        if stack.last?.unsavedWorkName != nil { stack.removeLast() }
    }
}
