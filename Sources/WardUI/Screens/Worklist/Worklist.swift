import WardCore

/// A nurse's "My patients" worklist.
public struct WorklistState: Sendable, Hashable {
    public var staff: StaffKey
    public var selected: Int
    public init(staff: StaffKey, selected: Int = 0) { self.staff = staff; self.selected = selected }
}

extension WorklistState: ScreenComponent {
    var screen: Screen { .worklist(self) }
    var keyContext: KeyContext { .worklist }

    mutating func update(_ action: Action?, _ event: InputEvent, _ app: inout AppState) -> [Effect] {
        guard let action else { return [] }
        return app.handleWorklist(action, &self)
    }

    func draw(_ s: inout Surface, _ app: AppState, below: ArraySlice<Screen>) { WorklistView.draw(&s, app, self) }
}
