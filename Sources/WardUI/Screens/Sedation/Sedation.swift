import WardCore

/// A sedation score being chosen: one key, labels shown.
public struct SedationForm: Sendable, Hashable {
    public var patientID: PatientID
    public var scale: ScaleKind
    public var choice: SedationScore?
    /// "-" was typed: the next digit is a negative RASS.
    public var minus: Bool = false
    public var message: Flash?
    public var saving: Bool = false
    /// Last step of an obs round.
    public var round: Bool = false
    public init(patientID: PatientID, scale: ScaleKind, round: Bool = false) {
        self.patientID = patientID; self.scale = scale; self.round = round
    }
    /// Set when the form corrects an existing score (amend): Enter hands the
    /// new score back to the amend dialog instead of saving.
    public var amendingFrom: SedationScore?
    public var levels: [SedationLevel] { (scale == .poss ? SedationScale.poss : SedationScale.rass).levels }
}

extension SedationForm: SavingScreen {
    var screen: Screen { .sedation(self) }
    var keyContext: KeyContext { .sedation }
    var unsavedWorkName: String? { choice != nil ? "sedation score" : nil }

    mutating func update(_ action: Action?, _ event: InputEvent, _ app: inout AppState) -> [Effect] {
        app.handleSedation(action, event, &self)
    }

    func draw(_ s: inout Surface, _ app: AppState, below: ArraySlice<Screen>) { SedationView.draw(&s, app, self) }

    mutating func saved(_ saved: Saved, _ app: inout AppState) -> AfterSave {
        guard case .sedation(let e) = saved else { return .unasked(saved, app) }
        return AfterSave(flash: Flash("\(round ? "Obs round complete. " : "")\(e.score.display) saved\(app.forWhom(e.stamp.patientID)) "
                                      + "\(Format.clock(e.stamp.recordedAt, app.calendar)).", role: .saved))
    }
}
