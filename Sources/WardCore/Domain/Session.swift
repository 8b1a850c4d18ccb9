/// Who is acting, and from which terminal. Every command carries one.
public struct Session: Sendable, Hashable {
    public var staff: StaffMember
    /// The terminal's name (tty path or SSH client), for the audit trail.
    public var terminal: String
    public init(staff: StaffMember, terminal: String) { self.staff = staff; self.terminal = terminal }
}
