import WardCore

/// A withdrawal score being taken: CIWA-B or CIWA-Ar (`kind`), one optional score per item,
/// a cursor that may sit on the summary line (index == item count), and the form's own message.
public struct WithdrawalScoreForm: Sendable, Hashable {
    public var patientID: PatientID
    /// The withdrawal scale being scored (CIWA-B or CIWA-Ar).
    public var kind: ScaleKind = .ciwaB
    /// Part of an obs round: vital signs follow the save.
    public var round: Bool = false
    /// The dose-gate answers given on the summary line.
    public var gate: GateStep = .unanswered
    public var scores: [Int?]
    /// 0..<items = an item; == items.count = the summary line.
    public var cursor: Int
    public var message: Flash?
    /// Sent to the store; waiting for `.saved`.
    public var saving: Bool
    /// Set when the form corrects an existing entry (amend, "corrected value"):
    /// Enter hands the new scores back to the amend dialog instead of saving.
    public var amending: Amending?

    /// The entry being corrected: its ID, item scores and total.
    public struct Amending: Sendable, Hashable {
        public var entryID: EntryID
        public var items: [Int]
        public var total: Int
    }

    public init(patientID: PatientID, scale: ScaleDefinition = .ciwaB) {
        self.patientID = patientID
        self.kind = scale.kind
        self.scores = Array(repeating: nil, count: scale.items.count)
        self.cursor = 0
        self.message = nil
        self.saving = false
    }

    /// The definition of the scale being scored.
    public var definition: ScaleDefinition { ScaleDefinition.catalog[kind] ?? .ciwaB }
    public var summaryIndex: Int { scores.count }
    public var onSummary: Bool { cursor == summaryIndex }
    public var isStarted: Bool { scores.contains { $0 != nil } }
    public var scoredCount: Int { scores.count { $0 != nil } }
    public var firstUnscored: Int? { scores.firstIndex { $0 == nil } }
    public var runningTotal: Int { scores.reduce(0) { $0 + ($1 ?? 0) } }
    public var isComplete: Bool { firstUnscored == nil }

    /// "item 14 “Did not get enough sleep last night”"
    func itemName(_ i: Int) -> String {
        "item \(i + 1) “\(definition.items[i].label)”"
    }
}

extension AppState {
}

extension WithdrawalScoreForm: SavingScreen {
    var screen: Screen { .withdrawalScore(self) }
    var keyContext: KeyContext { kind == .ciwaB ? .ciwaB : .ciwaAr }
    var unsavedWorkName: String? { isStarted ? kind.displayName : nil }

    mutating func update(_ action: Action?, _ event: InputEvent, _ app: inout AppState) -> [Effect] {
        guard let action else { return [] }
        return app.handleWithdrawalScore(action, event, &self)
    }

    func draw(_ s: inout Surface, _ app: AppState, below: ArraySlice<Screen>) { WithdrawalScoreView.draw(&s, app, self) }

    /// Says what was saved and for whom, so a slip onto the wrong chart shows at once; in an obs
    /// round, vital signs come next.
    mutating func saved(_ saved: Saved, _ app: inout AppState) -> AfterSave {
        guard case .assessment(let a) = saved else { return .unasked(saved, app) }
        let at = Format.clock(a.recordedAt, app.calendar)
        if round, let p = app.ward?.patient(a.patientID) {
            return AfterSave(flash: Flash("\(a.scale.displayName) saved \(at). Obs round: vital signs next.", role: .saved),
                             next: .vitals(VitalsForm(patientID: p.id, scale2: p.spo2Scale2, round: true)))
        }
        return AfterSave(flash: Flash("Saved \(at): \(a.scale.displayName) \(a.total) \(a.band)\(app.forWhom(a.patientID)).", role: .saved))
    }
}
