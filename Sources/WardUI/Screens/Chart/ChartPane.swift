import WardCore

/// Which pane the patient chart shows.
public enum ChartPane: String, Sendable, Hashable, CaseIterable {
    case scores, vitals, sedation

    public var title: String {
        switch self {
        case .scores: "Scores"
        case .vitals: "Vital signs"
        case .sedation: "Sedation"
        }
    }
    var next: ChartPane { Self.allCases[(Self.allCases.firstIndex(of: self)! + 1) % Self.allCases.count] }
}
