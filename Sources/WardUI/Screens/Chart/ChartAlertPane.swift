import WardCore

/// A patient's open alerts above the message line of the patient screens (only when there are some).
enum PatientAlertPane {
    /// Returns the pane's top row (the message line's row when there is no alert).
    @discardableResult
    static func draw(_ s: inout Surface, _ state: AppState, patient: PatientID) -> Int {
        let alerts = state.alerts(for: patient)
        guard !alerts.isEmpty else { return s.height - 2 }
        let lines = min(alerts.count, 3)
        let top = s.height - 2 - lines - 1
        s.fill(Rect(x: 0, y: top, width: s.width, height: lines + 1), role: .text)
        AlertPane.draw(&s, state, alerts: alerts, top: top, lines: lines, title: "Alerts for this patient", showPatient: false,
                       keys: "ack on overview (o from ward list)")
        return top
    }
}
