/// Bedside entry settings: the "usual" range of each vital sign (a value
/// inside [entryLimits] but outside this asks the nurse to confirm it), and
/// how long after a monitoring exception the check is due again.
public struct BedsideRules: Sendable, Hashable {
    /// Same shape as the plausible limits; a typing check, not a clinical threshold.
    public var usual: EntryLimits
    /// Minutes until the next attempt, per exception reason.
    public var recheckMinutes: [ExceptionReason: Int]
    public var provenance: Provenance
    public init(usual: EntryLimits, recheckMinutes: [ExceptionReason: Int], provenance: Provenance) {
        self.usual = usual; self.recheckMinutes = recheckMinutes; self.provenance = provenance
    }
}
