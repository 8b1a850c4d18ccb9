import Foundation
import WardCore

/// The chart entry an amendment is about.
public enum AmendTarget: Sendable, Hashable {
    /// A CIWA-B or CIWA-Ar assessment.
    case assessment(Assessment)
    /// A vital-signs set, sedation score or check-not-done note; `summary` says what it held.
    case observation(AmendObservation.Table, EntryStamp, summary: String)
    /// A dose record (MAR): it can only be marked entered in error (then recorded again); `summary` says which.
    case dose(Administration, summary: String)

    public var entryID: EntryID {
        switch self {
        case .assessment(let a): a.id
        case .observation(_, let st, _): st.id
        case .dose(let a, _): a.id
        }
    }
    public var patientID: PatientID {
        switch self {
        case .assessment(let a): a.patientID
        case .observation(_, let st, _): st.patientID
        case .dose(let a, _): a.patientID
        }
    }
    var recordedBy: StaffKey {
        switch self {
        case .assessment(let a): a.recordedBy
        case .observation(_, let st, _): st.recordedBy
        case .dose(let a, _): a.by
        }
    }
    var recordedAt: Date {
        switch self {
        case .assessment(let a): a.recordedAt
        case .observation(_, let st, _): st.recordedAt
        case .dose(let a, _): a.at
        }
    }
    var recordedByName: String {
        switch self {
        case .assessment(let a): a.recordedByName
        case .observation(_, let st, _): st.recordedByName
        case .dose(let a, _): a.byName
        }
    }
    /// "CIWA-B 12 mild", "RASS 0 alert and calm", …
    func what(_ p: WardProtocol) -> String {
        switch self {
        case .assessment(let a):
            "\(a.scale.displayName) \(a.total) \(p.band(a.scale, total: a.total)?.name ?? a.band)"
        case .observation(_, _, let summary): summary
        case .dose(_, let summary): summary
        }
    }
}

/// "Entered in error" or "corrected value", a mandatory reason, then a
/// confirmation: an amendment of one chart entry being prepared. Saving
/// writes a new entry that supersedes the old one; the old one is kept.
public struct AmendForm: Sendable, Hashable {
    public enum Step: Sendable, Hashable { case choose, reason, confirm }
    public enum Change: Sendable, Hashable {
        case enteredInError
        /// The corrected item scores of a CIWA-B / CIWA-Ar.
        case correctedItems([Int])
        /// The right vital-signs set.
        case correctedVitals(VitalSigns)
        /// The right sedation score.
        case correctedSedation(SedationScore)
    }
    public var target: AmendTarget
    public var step: Step = .choose
    public var change: Change?
    public var reason: String = ""
    public var message: Flash?
    /// Sent to the store; waiting for `.amended`.
    public var saving: Bool = false
    public init(target: AmendTarget) {
        self.target = target
        // A dose record has one amendment: entered in error (a correction is a new record).
        if case .dose = target { step = .reason; change = .enteredInError }
    }

    var isDose: Bool { if case .dose = target { true } else { false } }

    /// Input buffer bound (the store also limits the reason).
    static let maxReason = 200

    /// The new total of a corrected assessment.
    var correctedTotal: Int? {
        if case .correctedItems(let items) = change { items.reduce(0, +) } else { nil }
    }
}

extension AppState {
}

extension AmendForm: SavingScreen {
    var screen: Screen { .amend(self) }
    var keyContext: KeyContext { .amend }
    var unsavedWorkName: String? { "amendment" }

    mutating func update(_ action: Action?, _ event: InputEvent, _ app: inout AppState) -> [Effect] {
        app.handleAmend(action, event, &self)
    }

    func draw(_ s: inout Surface, _ app: AppState, below: ArraySlice<Screen>) { AmendView.draw(&s, app, self, below: Array(below)) }

    /// Says what was amended and that the history keeps both entries.
    mutating func saved(_ saved: Saved, _ app: inout AppState) -> AfterSave {
        if case .dose(let a, _) = target { return AfterSave(flash: app.doseVoidedFlash(a, reason: reason)) }
        let what = change == .enteredInError ? "marked entered in error" : "corrected"
        return AfterSave(flash: Flash("Amended: \(target.what(app.wardProtocol)) \(what); the history keeps both.", role: .saved))
    }
}
