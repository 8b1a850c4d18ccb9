import WardCore

/// A small form of text fields (acknowledge, escalate, admit).
public struct TextFields: Sendable, Hashable {
    public var labels: [String]
    public var values: [String]
    public var field: Int = 0
    public init(_ labels: [String], values: [String]? = nil) {
        self.labels = labels; self.values = values ?? labels.map { _ in "" }
    }
    public subscript(_ label: String) -> String {
        labels.firstIndex(of: label).map { values[$0] } ?? ""
    }
}
