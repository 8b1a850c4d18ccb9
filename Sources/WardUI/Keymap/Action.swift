import WardCore
/// Everything a key can ask the app to do. The words the legend and the help overlay show belong
/// to each `KeyBinding` (what the key does on that screen); an action offers default words only
/// where they are right on every screen it is bound on.
public enum Action: String, Sendable, Hashable, CaseIterable {
    case moveUp, moveDown, open, back, quit, help, lock
    case newCIWAB, score, previousItem, save, discard
    case nextField, submit, unlock, erase, clearField, switchUser, cancelSwitch
    case confirmYes, confirmNo, closeHelp
    case newCIWAAr, newVitals, newSedation, newException, obsRound, nextPane
    case newEvent
    case gateYes, gateNo, observerScale, fieldChar, fieldNext, fieldPrevious, switchScale
    // Medication (issue 5).
    case openMAR, prnEffect, give, hold, refuse, omit, newOrder, changeOrder, cosignOverride, spo2Scale, chooseReason, fieldDone, cancel, previousField
    case openHandover, nextPatient, previousPatient, pageUp, pageDown, first, last
    case acceptPatient, handOverPatient, printHandover, writeNote, overrideSeverity, cycleLevel, saveEntry, cancelEntry
    case earlierHandover, laterHandover
    // Amending a chart entry (issue 4).
    case amendEntry
    // Wasted part-dose on the give confirmation (issue 5).
    case withWastage
    case acknowledge, escalate, cycleSort, cycleFilter, myPatients, admit, assignNurse
    case transfer, discharge, overview
    /// Send the selected patient to another ward of the hospital (issue 19).
    case sendToWard
    // Finding a bed (issue 17).
    case findPatient, jumpToBed, showPane1, showPane2, showPane3, taperPlan
    /// On the taper plan: a prescriber holds the taper at today's step.
    case holdTaperStep
    case nextTheme

    /// The permission an action needs, when only some roles may do it: the
    /// legend leaves out what the signed-in role may not do (the store still
    /// checks every command; the help overlay lists every key).
    public var permission: StaffAction? {
        switch self {
        case .newOrder, .changeOrder, .cosignOverride, .spo2Scale, .holdTaperStep: .writeOrder
        case .give, .hold, .refuse, .omit: .giveDose
        case .newCIWAB, .newCIWAAr, .newVitals, .newSedation, .newException, .obsRound, .newEvent, .amendEntry: .recordObservation
        case .acknowledge, .escalate: .handleAlert
        case .admit, .discharge, .transfer: .admitPatient
        case .sendToWard: .dischargePatient
        case .assignNurse: .assignNurse
        case .acceptPatient, .handOverPatient, .writeNote, .overrideSeverity: .handOver
        default: nil
        }
    }

    /// Short word for the status-line legend (a binding may name it otherwise for its screen).
    public var defaultLegend: String {
        switch self {
        case .moveUp, .moveDown: "move"
        case .open: "open"
        case .back: "back"
        case .quit: "quit"
        case .help: "help"
        case .lock: "lock"
        case .newCIWAB: "CIWA-B"
        case .score: "score"
        case .previousItem: "back 1 item"
        case .save: "save"
        case .discard: "leave"
        case .nextField: "next field"
        case .submit: "sign in"
        case .unlock: "unlock"
        case .erase: "delete"
        case .clearField: "clear"
        case .switchUser: "switch user"
        case .cancelSwitch: "back to lock"
        case .confirmYes: "yes"
        case .confirmNo: "no"
        case .closeHelp: "close help"
        case .newCIWAAr: "CIWA-Ar"
        case .newVitals: "vitals"
        case .newSedation: "sedation"
        case .newException: "not done"
        case .newEvent: "event"
        case .obsRound: "round"
        case .nextPane: "pane"
        case .gateYes: "gate yes"
        case .gateNo: "gate no"
        case .observerScale: "RASS instead"
        case .fieldChar: "type"
        case .fieldNext: "next"
        case .fieldPrevious: "previous"
        case .switchScale: "RASS/POSS"
        case .openMAR: "MAR"
        case .prnEffect: "PRN effect"
        case .give: "give"
        case .hold: "hold"
        case .holdTaperStep: "hold step"
        case .refuse: "refused"
        case .omit: "omit"
        case .newOrder: "new order"
        case .changeOrder: "change order"
        case .cosignOverride: "co-sign override"
        case .spo2Scale: "SpO2 scale"
        case .chooseReason: "reason"
        case .fieldDone: "OK"
        case .cancel: "cancel"
        case .previousField: "previous field"
        case .openHandover: "handover"
        case .nextPatient, .previousPatient: "patient"
        case .pageUp, .pageDown: "page"
        case .first, .last: "top/end"
        case .acceptPatient: "accept"
        case .handOverPatient: "hand over"
        case .printHandover: "print"
        case .earlierHandover: "earlier"
        case .laterHandover: "later"
        case .writeNote: "note"
        case .overrideSeverity: "severity"
        case .cycleLevel: "level"
        case .saveEntry: "save"
        case .cancelEntry: "cancel"
        case .amendEntry: "amend"
        case .withWastage: "with wastage"
        case .acknowledge: "ack"
        case .escalate: "escalate"
        case .cycleSort: "sort"
        case .cycleFilter: "nurse"
        case .myPatients: "my pts"
        case .findPatient: "find"
        case .jumpToBed: "bed no."
        case .showPane1, .showPane2, .showPane3: "pane"
        case .taperPlan: "taper plan"
        case .admit: "admit"
        case .assignNurse: "assign"
        case .transfer: "transfer"
        case .discharge: "discharge"
        case .sendToWard: "to ward"
        case .overview: "overview"
        case .nextTheme: "theme"
        }
    }

    /// Full sentence for the help overlay, when it is right wherever the action is bound
    /// (nil: each binding says what the key does on its screen).
    public var defaultHelp: String? {
        switch self {
        case .open: "Open the selected patient's chart"
        case .help: "Show this help"
        case .lock: "Lock the terminal now (patient data hidden)"
        case .newCIWAB: "Start a new CIWA-B assessment for this patient"
        case .submit: "Sign in (after the PIN)"
        case .unlock: "Unlock with your PIN"
        case .clearField: "Clear what was typed"
        case .switchUser: "Sign in as someone else (the locked user's work is kept for them)"
        case .cancelSwitch: "Go back to the lock screen"
        case .closeHelp: "Close this help"
        case .newCIWAAr: "Start a new CIWA-Ar assessment for this patient"
        case .newVitals: "Record vital signs (NEWS2 shown as you type)"
        case .newSedation: "Record a sedation score (RASS or POSS)"
        case .newException: "Note a check not done: asleep, refused, off the ward"
        case .newEvent: "Record a seizure or delirium (critical alert)"
        case .obsRound: "Obs round: CIWA, then vital signs, then sedation"
        case .nextPane: "Next chart pane: scores, vital signs, sedation"
        case .gateYes: "Summary: use confirmed and can talk: save, may guide dose"
        case .gateNo: "Summary: not both: the score is for monitoring only"
        case .observerScale: "Summary: score the observer scale the protocol names (RASS or POSS) instead"
        case .fieldPrevious: "Go back to the previous field"
        case .switchScale: "Switch between RASS and POSS"
        case .openMAR: "Open the medication administration record (MAR)"
        case .prnEffect: "Record the follow-up re-assessment of the last PRN dose: effective, partial or none"
        case .give: "Give the selected dose (a reason is asked outside the window; a witness where the protocol needs one)"
        case .hold: "Hold the selected scheduled dose, with a reason"
        case .holdTaperStep: "Hold the taper at today's step (asks for the reason)"
        case .refuse: "Record that the patient refused the selected dose"
        case .omit: "Omit the selected scheduled dose, with a reason"
        case .newOrder: "Write a new taper or PRN order (prescribers)"
        case .changeOrder: "Change the selected dose's order: a new version with a reason (prescribers)"
        case .cosignOverride: "Co-sign the oldest dose override on this MAR that names you (prescribers)"
        case .spo2Scale: "Set NEWS2 SpO2 scale 2 or 1, with a reason (prescribers)"
        case .cancel: "Cancel (nothing is recorded)"
        case .previousField: "Previous field"
        case .openHandover: "Preview the handover printout: read, print, accept"
        case .nextPatient: "Go to the next patient in the handover"
        case .previousPatient: "Go to the previous patient in the handover"
        case .acceptPatient: "Accept the selected patient (incoming nurse; audited)"
        case .handOverPatient: "Mark the selected patient handed over (outgoing nurse)"
        case .printHandover: "Print the handover (saved first; the path is shown)"
        case .earlierHandover: "Show the handover of the shift before"
        case .laterHandover: "Show the handover of the shift after (up to the shift on now)"
        case .writeNote: "Write an \"if … then …\" handover note for this shift"
        case .overrideSeverity: "Override illness severity for this shift (with a reason)"
        case .saveEntry: "Save what was typed"
        case .cancelEntry: "Leave without saving"
        case .withWastage: "Giving: part of the dispensed dose is wasted (amount in mg, witnessed)"
        case .acknowledge: "Acknowledge the bed's most serious open alert (optional note)"
        case .escalate: "Record an escalation of the bed's alert (to whom, outcome)"
        case .cycleSort: "Next sort: risk, bed, withdrawal, NEWS2, sedation, overdue, alerts"
        case .cycleFilter: "Show one assigned nurse's beds (again: next nurse, then all)"
        case .myPatients: "My patients: critical alerts, then all due this shift"
        case .findPatient: "Find a patient by part of the name or MRN"
        case .jumpToBed: "Go to a bed: type its number (1, 2 is bed 12)"
        case .showPane1: "Show pane 1: scores"
        case .showPane2: "Show pane 2: vital signs"
        case .showPane3: "Show pane 3: sedation"
        case .taperPlan: "The taper as a calendar, day by day, with its versions"
        case .admit: "Admit a patient to the selected empty bed"
        case .assignNurse: "Assign a nurse to the selected bed for this shift"
        case .transfer: "Move the selected patient to an empty bed"
        case .discharge: "Discharge the selected patient (shows the taper summary first)"
        case .sendToWard: "Send the selected patient to another ward of the hospital, with their record"
        case .overview: "Open the ward overview (risk board)"
        case .nextTheme: "Next colour theme (this terminal remembers it)"
        case .moveUp, .moveDown, .score, .previousItem, .save, .discard, .nextField, .fieldChar, .fieldNext,
             .pageUp, .pageDown, .first, .last, .fieldDone, .chooseReason, .amendEntry, .back, .quit, .erase,
             .confirmYes, .confirmNo, .cycleLevel: nil
        }
    }
}
