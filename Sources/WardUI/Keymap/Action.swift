/// Everything a key can ask the app to do. Each action carries the words the
/// status-line legend and the help overlay show for it, so neither can drift
/// from what the keys really do.
public enum Action: String, Sendable, Hashable, CaseIterable {
    case moveUp, moveDown, open, back, quit, help, lock
    case newCIWAB, score, previousItem, save, discard
    case nextField, submit, unlock, erase, clearField, switchUser, cancelSwitch
    case confirmYes, confirmNo, closeHelp
    case pageUp, pageDown, acknowledge, escalate, cycleSort, cycleFilter, myPatients, admit, assignNurse
    case transfer, discharge, overview

    /// Short word for the status-line legend.
    public var legend: String {
        switch self {
        case .moveUp, .moveDown: "move"
        case .open: "open"
        case .back: "back"
        case .quit: "quit"
        case .help: "help"
        case .lock: "lock"
        case .newCIWAB: "new CIWA-B"
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
        case .pageUp, .pageDown: "page"
        case .acknowledge: "ack"
        case .escalate: "escalate"
        case .cycleSort: "sort"
        case .cycleFilter: "nurse"
        case .myPatients: "my pts"
        case .admit: "admit"
        case .assignNurse: "assign"
        case .transfer: "transfer"
        case .discharge: "discharge"
        case .overview: "overview"
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
        case .pageUp: "Previous page of beds"
        case .pageDown: "Next page of beds"
        case .acknowledge: "Acknowledge the bed's most serious open alert (optional note)"
        case .escalate: "Record an escalation of the bed's alert (to whom, outcome)"
        case .cycleSort: "Next sort: risk, bed, withdrawal, NEWS2, sedation, overdue, alerts"
        case .cycleFilter: "Show one assigned nurse's beds (again: next nurse, then all)"
        case .myPatients: "My patients: due and overdue tasks of the beds assigned to you"
        case .admit: "Admit a patient to the selected empty bed"
        case .assignNurse: "Assign a nurse to the selected bed for this shift"
        case .transfer: "Move the selected patient to an empty bed"
        case .discharge: "Discharge the selected patient (shows the taper summary first)"
        case .overview: "Open the ward overview (risk board)"
        }
    }
}
