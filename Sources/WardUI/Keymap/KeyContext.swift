/// Where a key is pressed: each screen has its own bindings.
public enum KeyContext: String, Sendable, Hashable, CaseIterable {
    case signIn, lock, wardList, chart, ciwaB, confirm, help
    case overview, worklist, textForm, picker

    /// Contexts where the work-screen globals (help, lock) also apply.
    public var takesGlobals: Bool {
        switch self {
        case .wardList, .chart, .ciwaB, .overview, .worklist, .picker: true
        case .textForm: false
        case .signIn, .lock, .confirm, .help: false
        }
    }
}
