import WardCore

extension Confirm {
    /// The keys of a yes/no question.
    static let keys: [KeyBinding] = [
        KeyBinding(chars("yY"), .confirmYes, label: "y", help: "Yes: do what the question asks"),
        KeyBinding(chars("nN") + [.key(.escape)], .confirmNo, label: "n", help: "No, go back"),
    ]
}
