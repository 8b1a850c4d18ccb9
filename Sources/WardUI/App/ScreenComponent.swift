import WardCore

/// A screen: its own state (the conforming value), the context its keys are read in, what a key
/// does to it, how it is drawn, and what it does when a command it started finishes.
///
/// The app keeps screens on a stack of `Screen` values and reaches each through one table,
/// `Screen.component`; nothing else switches over the kinds of screen. Its keys — each binding
/// with its legend word and help sentence — are `KeyContext.bindings` of its `keyContext`.
/// docs/architecture.md ("Adding a screen") walks through making one.
protocol ScreenComponent: Sendable, Hashable {
    /// This value as an entry of the screen stack.
    var screen: Screen { get }
    /// Where its keys are read: the bindings, the legend and the help of that context apply.
    var keyContext: KeyContext { get }
    /// A dialog over the screen beneath it (which stays drawn).
    var isModal: Bool { get }
    /// Whether the app-wide help and lock keys act before the screen sees the key: false while it
    /// reads typed text (a reason, a note, a witness's PIN) in which those keys are letters.
    func appKeysFirst(_ action: Action?, _ event: InputEvent) -> Bool
    /// What a key does. `action` is the key's meaning in `keyContext` (nil: not bound there, a
    /// typed character perhaps); `app` is everything else (the ward, the session, the stack: the
    /// screen may open another or close). The app writes the changed value back unless the
    /// screen left its place.
    mutating func update(_ action: Action?, _ event: InputEvent, _ app: inout AppState) -> [Effect]
    /// Draws it into the whole window; `below` is the stack beneath it.
    func draw(_ s: inout Surface, _ app: AppState, below: ArraySlice<Screen>)
    /// What its message line says (a flash takes its place).
    var message: Flash? { get }
    /// The unsaved work it holds, named as the nurse knows it ("CIWA-Ar", "set of vital signs");
    /// nil when it holds none. Such work is kept for its author when someone else signs in here.
    var unsavedWorkName: String? { get }
    /// A command it started is running: the answer (`Msg.finished`) comes back to it.
    var saving: Bool { get }
    /// A key came while its command runs (keys wait for the answer): it says so.
    mutating func waitForAnswer()
    /// Its command was refused: it shows `text` ("Not recorded: …") and lets the user try again.
    mutating func refused(_ text: String)
    /// Its command was saved: it says so, and closes (by default) or stays.
    mutating func saved(_ saved: Saved, _ app: inout AppState) -> AfterSave
}

/// What follows a screen's saved command.
struct AfterSave {
    /// The message line: what was saved and for whom.
    var flash: Flash
    /// The screen closes (with anything opened above it); false: it stays, reset by `saved`.
    var closes = true
    /// A screen to open next (an obs round's next form).
    var next: Screen? = nil

    /// The screen closes and the message line says what any save says (`Saved.unaskedText`).
    static func unasked(_ saved: Saved, _ app: AppState) -> AfterSave {
        AfterSave(flash: Flash(saved.unaskedText(app) ?? "Saved.", role: .saved))
    }
}

extension ScreenComponent {
    var isModal: Bool { false }
    func appKeysFirst(_ action: Action?, _ event: InputEvent) -> Bool { true }
    var message: Flash? { nil }
    var unsavedWorkName: String? { nil }
    var saving: Bool { false }
    mutating func waitForAnswer() {}
    mutating func refused(_ text: String) {}
    mutating func saved(_ saved: Saved, _ app: inout AppState) -> AfterSave { .unasked(saved, app) }
}

/// A screen that saves something: it holds its own message and "saving" mark, and a refusal is
/// shown on it (the user corrects what it says, and saves again).
protocol SavingScreen: ScreenComponent {
    var saving: Bool { get set }
    var message: Flash? { get set }
}

extension SavingScreen {
    mutating func waitForAnswer() {
        message = Flash("Saving… please wait for the store to confirm.", role: .alertInfo)
    }

    mutating func refused(_ text: String) {
        saving = false
        message = Flash(text, role: .error)
    }
}
