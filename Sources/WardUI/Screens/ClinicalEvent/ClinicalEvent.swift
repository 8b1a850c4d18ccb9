import Foundation
import WardCore

/// Record a seizure or delirium from the chart: which, a short note, and when
/// it happened (blank = now; Tab reaches the time from the note).
public struct EventForm: Sendable, Hashable {
    public enum Step: Sendable, Hashable { case kind, note, when }
    public var patientID: PatientID
    public var kind: ClinicalEvent.Kind?
    public var note: String = ""
    /// The time as typed ("21:40"); empty means now.
    public var when: String = ""
    public var step: Step = .kind
    public var message: Flash?
    public var saving: Bool = false
    public init(patientID: PatientID) { self.patientID = patientID }
    public var isStarted: Bool { kind != nil }
    static let maxNote = 200

    /// The most recent moment at or before `now` whose clock reads `text`
    /// ("HH:MM" or "HHMM"): today, or yesterday when that is still to come.
    /// nil when `text` is not a time of day.
    static func resolve(_ text: String, now: Date, calendar: Calendar) -> Date? {
        let digits = text.filter(\.isNumber)
        guard text.allSatisfy({ $0.isNumber || $0 == ":" }), text.filter({ $0 == ":" }).count <= 1,
              (3...4).contains(digits.count), let n = Int(digits) else { return nil }
        let (h, m) = (n / 100, n % 100)
        guard h < 24, m < 60,
              let today = calendar.date(bySettingHour: h, minute: m, second: 0, of: now) else { return nil }
        return today <= now ? today : calendar.date(byAdding: .day, value: -1, to: today)
    }
}

extension EventForm: SavingScreen {
    var screen: Screen { .clinicalEvent(self) }
    var keyContext: KeyContext { .clinicalEvent }
    var unsavedWorkName: String? { isStarted ? "seizure/delirium record" : nil }
    /// While the note is typed, help and lock keys are letters (F9 still locks).
    func appKeysFirst(_ action: Action?, _ event: InputEvent) -> Bool { step != .note || event == .key(.f9) }

    mutating func update(_ action: Action?, _ event: InputEvent, _ app: inout AppState) -> [Effect] {
        app.handleEvent(action, event, &self)
    }

    func draw(_ s: inout Surface, _ app: AppState, below: ArraySlice<Screen>) { EventView.draw(&s, app, self) }

    /// Says it was recorded (and when it was entered, if later) and what to do now.
    mutating func saved(_ saved: Saved, _ app: inout AppState) -> AfterSave {
        guard case .event(let e) = saved else { return .unasked(saved, app) }
        let late = app.now.timeIntervalSince(e.recordedAt) >= 60 ? " (entered \(Format.clock(app.now, app.calendar)))" : ""
        return AfterSave(flash: Flash("\(e.kind == .seizure ? "Seizure" : "Delirium") recorded\(app.forWhom(e.patientID)) "
                                      + "\(Format.clock(e.recordedAt, app.calendar))\(late). Call the medical team now.", role: .saved))
    }
}
