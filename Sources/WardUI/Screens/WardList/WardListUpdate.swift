import WardCore

extension AppState {
    mutating func handleWardList(_ action: Action, _ s: inout WardListState) -> [Effect] {
        let beds = ward?.ward.beds ?? []
        switch action {
        case .moveUp:
            s.selected = max(0, s.selected - 1)
        case .moveDown:
            s.selected = max(0, min(beds.count - 1, s.selected + 1))
        case .pageUp, .pageDown, .first, .last:
            let page = WardListView.rows(size)
            let target = switch action {
            case .pageUp: s.selected - page
            case .pageDown: s.selected + page
            case .first: 0
            default: beds.count - 1
            }
            s.selected = max(0, min(beds.count - 1, target))
        case .open:
            guard beds.indices.contains(s.selected) else { return [] }
            let bed = beds[s.selected].label
            guard let p = ward?.patient(inBed: bed) else {
                flash = Flash("Bed \(bed) is empty.", role: .alertInfo)
                return []
            }
            stack.append(.chart(ChartState(patientID: p.id)))
        case .openHandover:
            let bed = beds.indices.contains(s.selected) ? beds[s.selected].label : nil
            return openHandover(on: bed.flatMap { ward?.patient(inBed: $0)?.id })
        case .overview:
            stack.append(.overview(OverviewState(selectedBed: beds.indices.contains(s.selected) ? beds[s.selected].label : nil)))
        case .myPatients:
            guard let me = session?.staff.id else { return [] }
            stack.append(.worklist(WorklistState(staff: me)))
        case .quit:
            let work = unsavedWork
            if !work.isEmpty {
                stack.append(.confirm(.quit(unsaved: work)))
                return []
            }
            quitting = true
            return [.quit]
        default:
            break
        }
        return []
    }
}
