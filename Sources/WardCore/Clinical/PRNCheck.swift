import Foundation

/// A withdrawal-scale total with when it was taken.
public struct TimedTotal: Sendable, Hashable {
    public var scale: ScaleKind
    public var total: Int
    public var takenAt: Date
    public init(scale: ScaleKind, total: Int, takenAt: Date) { self.scale = scale; self.total = total; self.takenAt = takenAt }
}
