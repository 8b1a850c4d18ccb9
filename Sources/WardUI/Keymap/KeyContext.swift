/// Where a key is pressed: each screen has its own bindings.
public enum KeyContext: String, Sendable, Hashable, CaseIterable {
    case signIn, lock, wardList, chart, ciwaB, confirm, help
    case ciwaAr, vitals, sedation, exception
    case clinicalEvent
    case mar, marReason, marConfirm, marText, orderEntry
    /// The taper shown as a calendar on the MAR (`T`).
    case taperPlan
    case handover, handoverEntry
    case amend
    case overview, worklist, textForm, picker
    /// The hospital's site view (site and bed managers).
    case site

    /// Contexts where the work-screen globals (help, lock) also apply.
    public var takesGlobals: Bool {
        switch self {
        case .wardList, .chart, .ciwaB, .mar, .taperPlan, .handover, .overview, .worklist, .picker, .site: true
        case .ciwaAr, .vitals, .sedation, .exception: true
        case .clinicalEvent: true
        case .signIn, .lock, .confirm, .help, .marReason, .marConfirm, .marText, .orderEntry, .handoverEntry, .amend, .textForm: false
        }
    }
}
