import WardCore

/// One entry of the screen stack: which screen it is, with that screen's state.
///
/// Adding a screen: a case here and a line in `component` (the compiler asks for both: the
/// switch has no `default:`), and the screen's folder under Screens/ (docs/architecture.md).
public enum Screen: Sendable, Hashable {
    case wardList(WardListState)
    case chart(ChartState)
    /// A CIWA-B or CIWA-Ar being scored.
    case withdrawalScore(WithdrawalScoreForm)
    case vitals(VitalsForm)
    case sedation(SedationForm)
    /// A check attempted and not done.
    case exception(ExceptionForm)
    /// Record a seizure or delirium.
    case clinicalEvent(EventForm)
    case confirm(Confirm)
    /// The medication administration record of one patient.
    case mar(MARState)
    /// A prescriber writing or changing an order.
    case orderEntry(OrderEntryForm)
    case handover(HandoverPreviewState)
    case handoverEntry(HandoverEntryForm)
    /// Amending a chart entry: entered in error or corrected, with a reason.
    case amend(AmendForm)
    case overview(OverviewState)
    case worklist(WorklistState)
    case alertAction(AlertActionForm)
    case admit(AdmitForm)
    case picker(PickerState)
    case discharge(DischargeState)
    case spo2Scale(SpO2ScaleForm)
    /// The hospital's wards at a glance (site and bed managers).
    case site(SiteState)

    /// The routing table: the component each entry is. Keys, drawing, messages, unsaved work and
    /// command answers all reach a screen through it.
    var component: any ScreenComponent {
        switch self {
        case .wardList(let s): s
        case .chart(let s): s
        case .withdrawalScore(let s): s
        case .vitals(let s): s
        case .sedation(let s): s
        case .exception(let s): s
        case .clinicalEvent(let s): s
        case .confirm(let s): s
        case .mar(let s): s
        case .orderEntry(let s): s
        case .handover(let s): s
        case .handoverEntry(let s): s
        case .amend(let s): s
        case .overview(let s): s
        case .worklist(let s): s
        case .alertAction(let s): s
        case .admit(let s): s
        case .picker(let s): s
        case .discharge(let s): s
        case .spo2Scale(let s): s
        case .site(let s): s
        }
    }

    var isModal: Bool { component.isModal }
    /// The message a form or the MAR holds for the message line (a flash takes its place).
    var formMessage: Flash? { component.message }
    var unsavedWorkName: String? { component.unsavedWorkName }
}
