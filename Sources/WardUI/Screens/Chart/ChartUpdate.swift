import WardCore

extension AppState {
    mutating func handleChart(_ action: Action, _ s: inout ChartState) -> [Effect] {
        switch action {
        case .newCIWAB:
            guard ward?.patient(s.patientID) != nil else {
                flash = Flash("This patient is no longer on the ward list.", role: .error)
                return []
            }
            stack.append(.withdrawalScore(WithdrawalScoreForm(patientID: s.patientID)))
        case .openMAR:
            guard ward?.patient(s.patientID) != nil else {
                flash = Flash("This patient is no longer on the ward list.", role: .error)
                return []
            }
            stack.append(.mar(MARState(patientID: s.patientID)))
        case .moveUp:
            ChartSelection.move(self, &s, by: -1, rows: ChartView.historyRows(self, s))
        case .moveDown:
            ChartSelection.move(self, &s, by: 1, rows: ChartView.historyRows(self, s))
        case .pageUp, .pageDown:
            let rows = ChartView.historyRows(self, s)
            for _ in 0..<rows { ChartSelection.move(self, &s, by: action == .pageUp ? -1 : 1, rows: rows) }
        case .first, .last:
            ChartSelection.jump(self, &s, toLast: action == .last, rows: ChartView.historyRows(self, s))
        case .amendEntry:
            return openAmend(s)
        case .back:
            stack.removeLast()
        case .openHandover:
            return openHandover(on: s.patientID)
        case .spo2Scale:
            guard let session, session.staff.role.may(.writeOrder) else {
                flash = Flash(StaffRole.refusalText(.writeOrder, role: session?.staff.role ?? .nurse), role: .alertWarning)
                return []
            }
            guard let p = ward?.patient(s.patientID) else { return [] }
            stack.append(.spo2Scale(SpO2ScaleForm(patientID: p.id, toScale2: !p.spo2Scale2)))
            return []
        case .writeNote, .overrideSeverity:
            // From the chart: the handover this shift is preparing.
            guard let shift = currentShift ?? handoverShift else { return [] }
            return openEntry(action == .writeNote ? .note : .severity, patient: s.patientID, shift: shift)
        default:
            return handleChartObservation(action, &s)
        }
        return []
    }
}
