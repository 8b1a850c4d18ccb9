/// A ward (or the site) as the hospital's register lists it (issue 19).
public struct HospitalWard: Sendable, Hashable, Identifiable {
    /// The ward code: its schema is `ward_<code>`.
    public var code: String
    public var name: String
    /// The site view's own schema (site and bed managers), not a ward with patients.
    public var isSite: Bool
    /// The database role its terminals sign in as.
    public var appRole: String
    public var id: String { code }
    public init(code: String, name: String, isSite: Bool, appRole: String) {
        self.code = code; self.name = name; self.isSite = isSite; self.appRole = appRole
    }
}
