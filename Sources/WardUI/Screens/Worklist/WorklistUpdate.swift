import Foundation
import WardCore

extension AppState {
    mutating func handleWorklist(_ action: Action, _ s: inout WorklistState) -> [Effect] {
        let tasks = worklistTasks(s)
        switch action {
        case .moveUp: s.selected = max(0, s.selected - 1)
        case .moveDown: s.selected = max(0, min(tasks.count - 1, s.selected + 1))
        case .pageUp: s.selected = max(0, s.selected - max(1, size.rows - 6))
        case .pageDown: s.selected = max(0, min(tasks.count - 1, s.selected + max(1, size.rows - 6)))
        case .first: s.selected = 0
        case .last: s.selected = max(0, tasks.count - 1)
        case .open:
            guard tasks.indices.contains(s.selected) else { break }
            let t = tasks[s.selected]
            stack.append(.chart(ChartState(patientID: t.patientID)))
            // A dose or a PRN effect is done on the MAR: open it over the chart (Esc comes back through the chart).
            switch t.kind {
            case .dose, .prnEffect, .cosign: stack.append(.mar(MARState(patientID: t.patientID)))
            case .observation, .alert: break
            }
        case .back: stack.removeLast()
        default: break
        }
        return []
    }

    func worklistTasks(_ s: WorklistState) -> [WorklistTask] {
        guard let ward, let input = boardInput else { return [] }
        return Worklist.tasks(for: s.staff, input: input, assignments: ward.assignments, alerts: openAlerts,
                              proto: wardProtocol, now: now, calendar: calendar)
    }
}
