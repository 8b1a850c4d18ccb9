import WardCore

extension CommandRefusal {
    /// The refusal as a screen says it: "Not saved: …" once, whether or not the store's
    /// message already begins so (the store's messages often do; a doubled prefix reads badly).
    public var notSavedText: String {
        message.hasPrefix("Not saved") || message.hasPrefix("Not recorded") ? message : "Not saved: \(message)"
    }
}
