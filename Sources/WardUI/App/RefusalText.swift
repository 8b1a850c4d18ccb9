import WardCore

extension CommandRefusal {
    /// The refusal as a screen says it, "Not recorded: …", with the prefix once: the store's own
    /// messages often begin "Not saved" or "Not recorded" already, and a doubled prefix reads badly.
    public func text(_ verb: CommandVerb) -> String {
        CommandVerb.allCases.contains { message.hasPrefix("Not \($0.rawValue)") } ? message : "Not \(verb.rawValue): \(message)"
    }

    /// `text(.saved)`: a refusal of a command that saves an entry.
    public var notSavedText: String { text(.saved) }
}
