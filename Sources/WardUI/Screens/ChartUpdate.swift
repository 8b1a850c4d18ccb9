import WardCore

extension AppState {
    mutating func handleChart(_ action: Action, _ s: inout ChartState) -> [Effect] {
        switch action {
        case .newCIWAB:
            guard ward?.patient(s.patientID) != nil else {
                flash = Flash("This patient is no longer on the ward list.", role: .error)
                return []
            }
            stack.append(.ciwaB(CIWABForm(patientID: s.patientID)))
        case .openMAR:
            guard ward?.patient(s.patientID) != nil else {
                flash = Flash("This patient is no longer on the ward list.", role: .error)
                return []
            }
            stack.append(.mar(MARState(patientID: s.patientID)))
        case .moveUp:
            s.scroll = max(0, s.scroll - 1)
        case .moveDown:
            let count = ChartPanes.lineCount(self, s)
            s.scroll = min(s.scroll + 1, max(0, count - ChartView.historyRows(size)))
        case .back:
            stack.removeLast()
        case .openHandover:
            return openHandover(on: s.patientID)
        case .writeNote, .overrideSeverity:
            guard let shift = handoverShift else { return [] }
            return openEntry(action == .writeNote ? .note : .severity, patient: s.patientID, shift: shift)
        default:
            return handleChartObservation(action, &s)
        }
        return []
    }
}
