import Foundation
import WardCore

public struct WardListState: Sendable, Hashable {
    /// Index into the ward's beds.
    public var selected: Int
    /// Typing a bed number or `/` and a name.
    public var finder = BedFinder()
    public init(selected: Int = 0) { self.selected = selected }
}

extension WardListState: ScreenComponent {
    var screen: Screen { .wardList(self) }
    var keyContext: KeyContext { .wardList }
    /// While a name is being typed after `/`, every key is the search's.
    func appKeysFirst(_ action: Action?, _ event: InputEvent) -> Bool { finder.search == nil }

    mutating func update(_ action: Action?, _ event: InputEvent, _ app: inout AppState) -> [Effect] {
        if let labels = app.ward?.ward.beds.map(\.label) {
            var bed = labels.indices.contains(selected) ? labels[selected] : nil
            if app.findBed(event, &finder, selected: &bed, labels: labels) {
                if let bed, let i = labels.firstIndex(of: bed) { selected = i }
                return []
            }
        }
        guard let action else { return [] }
        return app.handleWardList(action, &self)
    }

    func draw(_ s: inout Surface, _ app: AppState, below: ArraySlice<Screen>) { WardListView.draw(&s, app, self) }
}
