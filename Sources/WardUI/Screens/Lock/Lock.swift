import Foundation
import WardCore

public struct UnlockForm: Sendable, Hashable {
    public var pin: String = ""
    public var pending: Bool = false
    public var message: Flash?
    public init() {}
}
