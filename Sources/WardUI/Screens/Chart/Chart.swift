import Foundation
import WardCore

public struct ChartState: Sendable, Hashable {
    public var patientID: PatientID
    /// First history line shown.
    public var scroll: Int
    /// Which pane the chart shows (scores, vitals, sedation).
    public var pane: ChartPane = .scores
    /// The selected history row (↑/↓), index into the pane's lines; `e` amends it.
    public var selected: Int = 0
    public init(patientID: PatientID, scroll: Int = 0) { self.patientID = patientID; self.scroll = scroll }
}

extension ChartState: ScreenComponent {
    var screen: Screen { .chart(self) }
    var keyContext: KeyContext { .chart }

    mutating func update(_ action: Action?, _ event: InputEvent, _ app: inout AppState) -> [Effect] {
        guard let action else { return [] }
        return app.handleChart(action, &self)
    }

    func draw(_ s: inout Surface, _ app: AppState, below: ArraySlice<Screen>) { ChartView.draw(&s, app, self) }
}
