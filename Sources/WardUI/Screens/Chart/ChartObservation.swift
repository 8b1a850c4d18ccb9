import Foundation
import WardCore

extension AppState {
    /// Chart keys that open the bedside forms or switch panes.
    mutating func handleChartObservation(_ action: Action, _ s: inout ChartState) -> [Effect] {
        guard let p = ward?.patient(s.patientID) else {
            flash = Flash("This patient is no longer on the ward list.", role: .error)
            return []
        }
        switch action {
        case .newCIWAAr: stack.append(.withdrawalScore(WithdrawalScoreForm(patientID: p.id, scale: .ciwaAr)))
        case .newVitals: stack.append(.vitals(VitalsForm(patientID: p.id, scale2: p.spo2Scale2)))
        case .newSedation: stack.append(.sedation(SedationForm(patientID: p.id, scale: wardProtocol.appropriateness.observerScale)))
        case .newException: stack.append(.exception(ExceptionForm(patientID: p.id)))
        case .newEvent: stack.append(.clinicalEvent(EventForm(patientID: p.id)))
        case .obsRound:
            var f = WithdrawalScoreForm(patientID: p.id, scale: roundScale(p.id) == .ciwaAr ? .ciwaAr : .ciwaB)
            f.round = true
            stack.append(.withdrawalScore(f))
        case .nextPane:
            s.pane = s.pane.next
            s.scroll = 0
            s.selected = 0
        case .showPane1, .showPane2, .showPane3:
            // The panes are labelled 1 / 2 / 3 on screen: the digit shows that pane.
            let pane = ChartPane.allCases[action == .showPane1 ? 0 : action == .showPane2 ? 1 : 2]
            if pane != s.pane { s.pane = pane; s.scroll = 0; s.selected = 0 }
        default:
            break
        }
        return []
    }

    /// The withdrawal scale of an obs round: the patient's most recent one (CIWA-B when none).
    func roundScale(_ id: PatientID) -> ScaleKind {
        let b = ward?.latest(.ciwaB, for: id)?.recordedAt, a = ward?.latest(.ciwaAr, for: id)?.recordedAt
        if let a, a > (b ?? .distantPast) { return .ciwaAr }
        return .ciwaB
    }
}
