import Foundation
import WardCore

public struct SignInForm: Sendable, Hashable {
    public enum Field: Sendable, Hashable { case staffID, pin }
    public var staffID: String = ""
    public var pin: String = ""
    public var field: Field = .staffID
    /// A sign-in is being checked; keys wait.
    public var pending: Bool = false
    public var message: Flash?
    /// Set when this sign-in replaces a locked user (switch user).
    public var switchingFrom: StaffMember?
    public init(switchingFrom: StaffMember? = nil) { self.switchingFrom = switchingFrom }
}
