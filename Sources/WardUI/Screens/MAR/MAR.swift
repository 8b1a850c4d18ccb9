import Foundation
import WardCore

/// The MAR screen: today's scheduled doses, then the PRN orders; a dose
/// being recorded walks list → reason (when needed) → note (when needed)
/// → confirm (`w`: → wastage amount → confirm) → witness (when needed) → saving.
public struct MARState: Sendable, Hashable {
    public enum Step: Sendable, Hashable { case list, reason, note, override, confirm, witness, effect, wastage }

    public var patientID: PatientID
    /// Index over `MARScreen.rows` (scheduled doses, then PRN orders).
    public var selected: Int
    public var step: Step
    public var pending: PendingDose?
    public var witness: WitnessEntry
    public var saving: Bool
    public var message: Flash?
    /// The PRN follow-up whose effect is being recorded (step `.effect`).
    public var followUp: PRNFollowUp?
    /// Showing the taper as a calendar with its versions (`T`), and its first line shown.
    public var showingPlan = false
    public var planScroll = 0

    public init(patientID: PatientID) {
        self.patientID = patientID; selected = 0; step = .list; pending = nil; witness = WitnessEntry()
        saving = false; message = nil
    }

    /// Back to the list, forgetting the dose being prepared (and any PIN typed).
    mutating func reset() { step = .list; pending = nil; witness = WitnessEntry(); saving = false; followUp = nil }
}

/// The dose being prepared.
public struct PendingDose: Sendable, Hashable {
    public var orderID: OrderID
    public var scheduledFor: Date?
    public var status: AdministrationStatus
    /// "08:00 diazepam 5 mg oral"
    public var label: String
    /// The kind of reason needed (nil: none).
    public var reasonUse: ReasonCode.Use?
    /// Why a reason is needed, shown over the choices.
    public var reasonWhy: String
    public var reason: ReasonCode?
    public var note: String
    public var needsWitness: Bool
    public var witnessWhy: String
    /// The dispensed dose (mg): a wasted part must be less than this.
    public var doseMg: Double = 0
    /// The part-dose wasted (mg), nil when none.
    public var wastedMg: Double? = nil
    /// The wasted amount as typed (step `.wastage`).
    public var wasteText: String = ""
    /// Why wasting this drug needs a witness (the protocol's schedule), nil when it does not.
    public var wastageWitnessWhy: String? = nil
    /// What the dose-safety rules said when the dose was prepared (shown; the store decides again).
    public var safety: DoseSafetyDecision? = nil
    /// The prescriber's override being typed (step `.override`), kept once complete.
    public var override: OverrideEntry? = nil

    /// A witness signs for giving the drug, or for the wastage recorded with it.
    public var witnessNeeded: Bool { needsWitness || (wastedMg != nil && wastageWitnessWhy != nil) }
    public var witnessReason: String { needsWitness ? witnessWhy : (wastedMg != nil ? wastageWitnessWhy ?? "" : "") }
}

/// A prescriber's override as the nurse types it: who, how the instruction
/// came, the read-back for a telephone instruction, and why.
public struct OverrideEntry: Sendable, Hashable {
    public enum Field: Sendable, Hashable { case prescriber, instruction, readBack, reason }
    public var field = Field.prescriber
    public var prescriber = ""
    public var instruction: OverrideInstruction? = nil
    public var readBack = false
    public var reason = ""
    public init() {}

    public var value: DoseOverride? {
        guard let instruction, !prescriber.isEmpty, !reason.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return DoseOverride(prescriberStaffID: prescriber, instruction: instruction, readBack: readBack,
                            reason: reason.trimmingCharacters(in: .whitespaces))
    }
}

/// The second person's ID and PIN; the PIN is never drawn.
public struct WitnessEntry: Sendable, Hashable {
    public enum Field: Sendable, Hashable { case staffID, pin }
    public var staffID = ""
    public var pin = ""
    public var field = Field.staffID
    public init() {}
}

extension WitnessEntry: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String { "WitnessEntry(staffID: \(staffID), pin: <\(pin.count) chars>)" }
    public var debugDescription: String { description }
}

/// One selectable MAR line.
enum MARLine: Hashable {
    case scheduled(MARRow)
    case prn(MedicationOrder)
    /// A taper order with nothing scheduled today (held, not started, finished).
    case taperOrder(MedicationOrder)
}

enum MARScreen {
    static func lines(_ state: AppState, _ id: PatientID) -> [MARLine] {
        guard let w = state.ward else { return [] }
        let sched = w.marRows(for: id, now: state.now, protocol: state.wardProtocol, calendar: state.calendar).map(MARLine.scheduled)
        let scheduledOrders = Set(sched.compactMap { if case .scheduled(let r) = $0 { r.dose.orderID } else { nil } })
        let quiet = w.orders(.taper, for: id).filter { $0.terms.status == .held || ($0.terms.status == .active && !scheduledOrders.contains($0.id)) }
            .map(MARLine.taperOrder)
        let prn = w.orders(.prn, for: id).filter { $0.terms.status != .stopped }.map(MARLine.prn)
        return sched + quiet + prn
    }

    /// Whether the drug's schedule or the giver's role needs a witness for a given dose.
    static func witnessNeed(_ state: AppState, drug: String) -> String? {
        let s = state.wardProtocol.witness.schedule(for: drug)
        if s.administration { return "\(s.label): a second person witnesses" }
        if let r = state.session?.staff.role, !r.may(.giveControlledDrugAlone) { return "a \(r.title.lowercased()) gives only with a witness" }
        return nil
    }

    /// Why wasting part of a dose of `drug` needs a witness (the protocol's schedule), nil when it does not.
    static func wastageWitnessNeed(_ state: AppState, drug: String) -> String? {
        let s = state.wardProtocol.witness.schedule(for: drug)
        return s.wastage ? "wasting \(s.label) needs a witness" : nil
    }

    static func mg(_ v: Double) -> String { DoseText.mg(v) }

    /// A dose's diazepam equivalent for a `width`-column cell: the table in force's value, and where
    /// the protocol's tables disagree (CONFLICT) the range across them too, when that fits ("40 (20–40)").
    static func deText(_ state: AppState, drug: String, mg dose: Double, de: Double?, width: Int) -> String {
        guard let de else { return "?" }
        let point = mg(de)
        guard let s = state.wardProtocol.equivalence.acrossTables(drug: drug, mg: dose), s.isConflict else { return point }
        let ranged = "\(point) (\(mg(s.diazepamMgLow))–\(mg(s.diazepamMgHigh)))"
        return Text.width(ranged) <= width ? ranged : point
    }
}

extension MARState: ScreenComponent {
    var screen: Screen { .mar(self) }
    var keyContext: KeyContext {
        if showingPlan { return .taperPlan }
        return switch step {
        case .list: .mar
        case .reason, .effect: .marReason
        case .confirm: .marConfirm
        case .note, .witness, .wastage, .override: .marText
        }
    }
    /// Recording a dose reads typed text (a note, a witness's PIN, an override) and choices.
    func appKeysFirst(_ action: Action?, _ event: InputEvent) -> Bool { step == .list }

    mutating func update(_ action: Action?, _ event: InputEvent, _ app: inout AppState) -> [Effect] {
        if step == .list, action == nil { return [] }
        return app.handleMAR(action, event, &self)
    }

    func draw(_ s: inout Surface, _ app: AppState, below: ArraySlice<Screen>) { MARView.draw(&s, app, self) }

    /// The dialog stays where it was and says why: a witness refused (wrong PIN, a student, locked)
    /// types again or Esc closes it. Nothing the witness types next can reach the MAR's commands.
    mutating func refused(_ text: String) {
        if step == .effect { reset() } else { saving = false; witness = WitnessEntry() }
        message = Flash(text + (step == .list ? "" : " — Esc closes"), role: .error)
    }

    /// The MAR stays, back on its list; the message line says what was recorded, when and for whom.
    mutating func saved(_ saved: Saved, _ app: inout AppState) -> AfterSave {
        let label = pending?.label
        reset()
        switch saved {
        case .dose(let a):
            let w = a.witness.map { ", witness \($0.name)" } ?? ""
            let wasted = a.wastedMg.map { ", \(MARScreen.mg($0)) mg wasted" } ?? ""
            return AfterSave(flash: Flash("\(a.statusWord.prefix(1).uppercased() + a.statusWord.dropFirst()): \(label ?? a.drug) at "
                                          + "\(Format.clock(a.at, app.calendar))\(app.forWhom(a.patientID))\(wasted)\(w)", role: .saved),
                             closes: false)
        case .prnEffect(let f):
            return AfterSave(flash: Flash("PRN effect recorded\(app.forWhom(f.patientID)): \(f.result?.rawValue ?? "")", role: .saved),
                             closes: false)
        default:
            return AfterSave(flash: AfterSave.unasked(saved, app).flash, closes: false)
        }
    }
}
