import WardCore

extension AppState {
    mutating func handleWardList(_ action: Action, _ s: inout WardListState) -> [Effect] {
        let beds = ward?.ward.beds ?? []
        switch action {
        case .moveUp:
            s.selected = max(0, s.selected - 1)
        case .moveDown:
            s.selected = max(0, min(beds.count - 1, s.selected + 1))
        case .open:
            guard beds.indices.contains(s.selected) else { return [] }
            let bed = beds[s.selected].label
            guard let p = ward?.patient(inBed: bed) else {
                flash = Flash("Bed \(bed) is empty.", role: .alertInfo)
                return []
            }
            stack.append(.chart(ChartState(patientID: p.id)))
        case .quit:
            var n = drafts.count
            if AppState.startedForm(in: stack) != nil { n += 1 }
            if n > 0 {
                stack.append(.confirm(.quit(unsavedDrafts: n)))
                return []
            }
            quitting = true
            return [.quit]
        default:
            break
        }
        return []
    }

    mutating func handleChart(_ action: Action, _ s: inout ChartState) -> [Effect] {
        switch action {
        case .newCIWAB:
            guard ward?.patient(s.patientID) != nil else {
                flash = Flash("This patient is no longer on the ward list.", role: .error)
                return []
            }
            stack.append(.ciwaB(CIWABForm(patientID: s.patientID)))
        case .moveUp:
            s.scroll = max(0, s.scroll - 1)
        case .moveDown:
            let count = ChartHistory.lines(ward, s.patientID).count
            s.scroll = min(s.scroll + 1, max(0, count - ChartView.historyRows(size)))
        case .back:
            stack.removeLast()
        default:
            break
        }
        return []
    }
}
