/// Everything a key can ask the app to do. Each action carries the words the
/// status-line legend and the help overlay show for it, so neither can drift
/// from what the keys really do.
public enum Action: String, Sendable, Hashable, CaseIterable {
    case moveUp, moveDown, open, back, quit, help, lock
    case newCIWAB, score, previousItem, save, discard
    case nextField, submit, unlock, erase, clearField, switchUser, cancelSwitch
    case confirmYes, confirmNo, closeHelp
    case newCIWAAr, newVitals, newSedation, newException, obsRound, nextPane
    case gateYes, gateNo, observerScale, fieldChar, fieldNext, fieldPrevious, switchScale
    // Medication (issue 5).
    case openMAR, prnEffect, give, hold, refuse, omit, newOrder, changeOrder, chooseReason, fieldDone, cancel, previousField
    case openHandover, nextPatient, previousPatient, pageUp, pageDown
    case acceptPatient, handOverPatient, printHandover, writeNote, overrideSeverity, cycleLevel, saveEntry, cancelEntry
    // Amending a chart entry (issue 4).
    case amendEntry

    /// Short word for the status-line legend.
    public var legend: String {
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
        case .refuse: "refused"
        case .omit: "omit"
        case .newOrder: "new order"
        case .changeOrder: "change order"
        case .chooseReason: "reason"
        case .fieldDone: "OK"
        case .cancel: "cancel"
        case .previousField: "previous field"
        case .openHandover: "handover"
        case .nextPatient, .previousPatient: "patient"
        case .pageUp, .pageDown: "page"
        case .acceptPatient: "accept"
        case .handOverPatient: "hand over"
        case .printHandover: "print"
        case .writeNote: "note"
        case .overrideSeverity: "severity"
        case .cycleLevel: "level"
        case .saveEntry: "save"
        case .cancelEntry: "cancel"
        case .amendEntry: "amend"
        }
    }

    /// Full sentence for the help overlay.
    public var help: String {
        switch self {
        case .moveUp: "Move up one row / item"
        case .moveDown: "Move down one row / item"
        case .open: "Open the selected patient's chart"
        case .back: "Go back to the previous screen"
        case .quit: "Quit Wardline (asks first if unsaved work exists)"
        case .help: "Show this help"
        case .lock: "Lock the terminal now (patient data hidden)"
        case .newCIWAB: "Start a new CIWA-B assessment for this patient"
        case .score: "Score the current item: 0 none … 4 very severe"
        case .previousItem: "Go back one item to change its score"
        case .save: "On the summary line: save the CIWA-B"
        case .discard: "Leave the form (asks before throwing away scores)"
        case .nextField: "Move between Staff ID and PIN"
        case .submit: "Sign in (after the PIN)"
        case .unlock: "Unlock with your PIN"
        case .erase: "Delete the last character typed"
        case .clearField: "Clear what was typed"
        case .switchUser: "Sign in as someone else (the locked user's work is kept for them)"
        case .cancelSwitch: "Go back to the lock screen"
        case .confirmYes: "Yes"
        case .confirmNo: "No, go back"
        case .closeHelp: "Close this help"
        case .newCIWAAr: "Start a new CIWA-Ar assessment for this patient"
        case .newVitals: "Record vital signs (NEWS2 shown as you type)"
        case .newSedation: "Record a sedation score (RASS or POSS)"
        case .newException: "Note a check not done: asleep, refused, off the ward"
        case .obsRound: "Obs round: CIWA, then vital signs, then sedation"
        case .nextPane: "Next chart pane: scores, vital signs, sedation"
        case .gateYes: "Summary: use confirmed and can talk: save, may guide dose"
        case .gateNo: "Summary: not both: the score is for monitoring only"
        case .observerScale: "Score the observer scale (RASS) instead"
        case .fieldChar: "Type the value, or the letter shown for the field"
        case .fieldNext: "Keep the value, next field (on the summary: save)"
        case .fieldPrevious: "Go back to the previous field"
        case .switchScale: "Switch between RASS and POSS"
        case .openMAR: "Open the medication administration record (MAR)"
        case .prnEffect: "Record the follow-up re-assessment of the last PRN dose: effective, partial or none"
        case .give: "Give the selected dose (a reason is asked outside the window; a witness where the protocol needs one)"
        case .hold: "Hold the selected scheduled dose, with a reason"
        case .refuse: "Record that the patient refused the selected dose"
        case .omit: "Omit the selected scheduled dose, with a reason"
        case .newOrder: "Write a new taper or PRN order (prescribers)"
        case .changeOrder: "Change the selected dose's order: a new version with a reason (prescribers)"
        case .chooseReason: "Choose the numbered reason"
        case .fieldDone: "Accept this step / next field; on an order: check, then sign"
        case .cancel: "Cancel (nothing is recorded)"
        case .previousField: "Previous field"
        case .openHandover: "Preview the handover printout: read, print, accept"
        case .nextPatient: "Go to the next patient in the handover"
        case .previousPatient: "Go to the previous patient in the handover"
        case .pageUp: "Scroll up one screen"
        case .pageDown: "Scroll down one screen"
        case .acceptPatient: "Accept the selected patient (incoming nurse; audited)"
        case .handOverPatient: "Mark the selected patient handed over (outgoing nurse)"
        case .printHandover: "Print the handover (saved first; the path is shown)"
        case .writeNote: "Write an \"if … then …\" handover note for this shift"
        case .overrideSeverity: "Override illness severity for this shift (with a reason)"
        case .cycleLevel: "Change severity: unstable, watcher, stable, or the rule"
        case .saveEntry: "Save what was typed"
        case .cancelEntry: "Leave without saving"
        case .amendEntry: "Amend the entry selected with ↑↓ (in error / corrected value)"
        }
    }
}
