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
    /// Keys on the withdrawal-score form, CIWA-B or CIWA-Ar (top of the stack).
    mutating func handleWithdrawalScore(_ action: Action, _ event: InputEvent, _ form: inout WithdrawalScoreForm) -> [Effect] {
        if form.saving {
            form.message = Flash("Saving… please wait for the store to confirm.", role: .alertInfo)
            return []
        }
        form.message = nil
        let items = form.definition.items
        if form.onSummary, form.amending == nil, let fx = handleGate(action, event, &form) { return fx }
        switch action {
        case .score:
            guard case .char(let c) = event, let d = c.wholeNumberValue else { return [] }
            guard !form.onSummary else {
                form.message = Flash("You are on the summary line: ↑ to an item to change a score, Enter to save.", role: .alertWarning)
                return []
            }
            let item = items[form.cursor]
            guard item.range.contains(d) else {
                form.message = Flash("Item \(form.cursor + 1): \(d) is not a \(form.kind.displayName) score. Type \(item.range.lowerBound) to \(item.range.upperBound).", role: .error)
                return []
            }
            form.scores[form.cursor] = d
            form.cursor += 1
        case .moveUp, .previousItem:
            form.cursor = max(0, form.cursor - 1)
        case .moveDown:
            form.cursor = min(form.summaryIndex, form.cursor + 1)
        case .save:
            if let missing = form.firstUnscored {
                form.message = Flash("Not saved: \(form.itemName(missing)) has no score yet.", role: .error)
                form.cursor = missing
                return []
            }
            guard form.onSummary else {
                // Enter on an item goes to the summary first: a save is a clinical
                // entry, so it is only made from the line that shows the total.
                form.cursor = form.summaryIndex
                return []
            }
            if let old = form.amending {
                guard form.scores.map({ $0 ?? 0 }) != old.items else {
                    form.message = Flash("No score changed yet: ↑/↓ to the wrong item, type the right score; Esc cancels.", role: .alertWarning)
                    return []
                }
                finishCorrection(form)
                return []
            }
            guard let session else { return [] }
            form.saving = true
            form.message = Flash("Saving…", role: .alertInfo)
            let cmd = RecordAssessment(patientID: form.patientID, scale: form.kind, items: form.scores.map { $0 ?? 0 })
            if let answers = form.gate.answers { return [.recordGated(RecordGatedAssessment(cmd, gate: answers), session: session)] }
            return [.record(cmd, session: session)]
        case .discard:
            if form.amending != nil {
                stack.removeLast()   // back to the amend dialog: the old entry is unchanged
                return []
            }
            if form.isStarted {
                stack.append(.confirm(.discardScores(form.kind)))
            } else {
                stack.removeLast()
            }
        default:
            break
        }
        return []
    }
}
