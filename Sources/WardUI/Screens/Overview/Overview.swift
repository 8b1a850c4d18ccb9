import WardCore

/// The charge nurse's ward overview: selection, page, chosen sort, nurse filter.
public struct OverviewState: Sendable, Hashable {
    /// Bed label of the selected row (kept across re-sorts).
    public var selectedBed: String?
    /// A sort chosen by key (nil = the protocol's risk order).
    public var sortFirst: WardSortKey?
    /// Show only the beds assigned to this staff member.
    public var nurseFilter: StaffKey?
    /// Typing a bed number or `/` and a name.
    public var finder = BedFinder()
    public init(selectedBed: String? = nil, sortFirst: WardSortKey? = nil, nurseFilter: StaffKey? = nil) {
        self.selectedBed = selectedBed; self.sortFirst = sortFirst; self.nurseFilter = nurseFilter
    }
}

extension OverviewState: ScreenComponent {
    var screen: Screen { .overview(self) }
    var keyContext: KeyContext { .overview }
    /// While a name is being typed after `/`, every key is the search's.
    func appKeysFirst(_ action: Action?, _ event: InputEvent) -> Bool { finder.search == nil }

    mutating func update(_ action: Action?, _ event: InputEvent, _ app: inout AppState) -> [Effect] {
        if app.ward != nil, app.findBed(event, &finder, selected: &selectedBed, labels: app.overviewRows(self).map(\.bed)) {
            return []
        }
        guard let action else { return [] }
        return app.handleOverview(action, &self)
    }

    func draw(_ s: inout Surface, _ app: AppState, below: ArraySlice<Screen>) { OverviewView.draw(&s, app, self) }
}
