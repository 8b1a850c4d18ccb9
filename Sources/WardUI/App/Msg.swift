import Foundation
import WardCore

/// Everything that can happen to the app: keys, time, and results of effects.
public enum Msg: Sendable {
    case input(InputEvent)
    case tick(Date)
    case signInResult(Result<StaffMember, CommandRefusal>)
    case wardLoaded(WardSnapshot)
    /// Every ward of the hospital, read for the site view.
    case siteLoaded([SiteRow])
    /// A ward opened from the site view, read (again): its snapshot and the protocol it has in force.
    case viewedWardLoaded(HospitalWard, WardSnapshot, WardProtocol)
    /// A ward opened from the site view could not be read.
    case viewedWardRefused(String)
    /// A command that writes to the record finished: what it saved, or why not. `verb` names it in a
    /// refusal ("Not recorded: …"). The screen that started it (on screen, or parked in a colleague's
    /// drafts) takes the answer; see `AppState.handleFinished`.
    case finished(Result<Saved, CommandRefusal>, verb: CommandVerb)
    /// Another terminal committed something: reload.
    case storeChanged
    /// The ward's database server was lost (`false`) or is reachable again (`true`).
    case connection(reachable: Bool)
    /// The handover document for the preview.
    case handoverRendered(HandoverDocument)
    /// A print finished: what happened, always with the saved path; `ok` false when not printed.
    case handoverPrinted(message: String, ok: Bool)
    /// The terminal now shows theme `name`; `notRemembered` says why it will not start with it next time (nil: it will).
    case themeApplied(name: String, notRemembered: String?)
}

/// What a finished command saved, for the screen that started it.
public enum Saved: Sendable {
    case assessment(Assessment)
    case vitals(VitalSignsEntry)
    case sedation(SedationEntry)
    case exception(MonitoringExceptionEntry)
    /// A seizure or delirium.
    case event(ClinicalEventEntry)
    /// A dose event (given, held, refused, omitted).
    case dose(Administration)
    /// A prescriber's co-signature of a dose override.
    case cosigned(RecordedOverride)
    /// An order, new or a new version.
    case order(MedicationOrder)
    /// A PRN dose's follow-up (its effect).
    case prnEffect(PRNFollowUp)
    /// An amendment: the new, superseding entry's ID.
    case amendment(EntryID)
    /// A ward-board or handover command: what was done, in words.
    case done(String)
}

/// How a refused command is named on screen: "Not recorded: …".
public enum CommandVerb: String, Sendable, Hashable, CaseIterable {
    case saved, recorded, signed, amended
    case coSigned = "co-signed"
}

/// Work for the run loop to do outside `update`; results come back as `Msg`s (a command that
/// writes: `.finished`, with what it saved; the entry named in brackets).
public enum Effect: Sendable, Hashable {
    /// Check a staff ID and secret; answer with `.signInResult`.
    case signIn(staffID: String, secret: String)
    /// Read a fresh ward snapshot; answer with `.wardLoaded`.
    case loadWard
    /// Read every ward of the hospital for the site view; answer with `.siteLoaded`.
    case loadSite(session: Session)
    /// Read one ward of the hospital for a site or bed manager (read-only); answer with `.viewedWardLoaded`.
    case loadViewedWard(HospitalWard, session: Session)
    /// Record an assessment as `session`; answer with `.finished` (`.assessment`).
    case record(RecordAssessment, session: Session)
    /// Amend a CIWA-B / CIWA-Ar entry as `session`; answer with `.finished` (`.amendment`).
    case amend(AmendEntry, session: Session)
    /// Amend a vital-signs, sedation or check-not-done entry as `session`; answer with `.finished` (`.amendment`).
    case amendObservation(AmendObservation, session: Session)
    /// Mark a dose record entered in error as `session`; answer with `.finished` (`.amendment`) (the record's ID).
    case markDoseEnteredInError(MarkDoseEnteredInError, session: Session)
    /// Record an assessment with its dose-gate answers; answer with `.finished` (`.assessment`).
    case recordGated(RecordGatedAssessment, session: Session)
    case recordVitals(RecordVitals, session: Session)
    case recordSedation(RecordSedation, session: Session)
    case recordException(RecordMonitoringException, session: Session)
    /// Record a seizure or delirium; answer with `.finished` (`.event`).
    case recordEvent(RecordClinicalEvent, session: Session)
    /// Record a dose event as `session` (the witness's PIN travels in the command); answer with `.finished` (`.dose`).
    case recordDose(RecordDose, session: Session)
    /// Co-sign a dose override; answer with `.finished` (`.cosigned`).
    case cosignOverride(CosignOverride, session: Session)
    /// Sign a new order; answer with `.finished` (`.order`).
    case writeOrder(WriteOrder, session: Session)
    /// Sign a new version of an order; answer with `.finished` (`.order`).
    case changeOrder(ChangeOrder, session: Session)
    /// Record a PRN follow-up's result (the dose's effectiveness); answer with `.finished` (`.prnEffect`).
    case recordPRNEffect(RecordPRNEffect, session: Session)
    case quit
    /// Render the handover of `shift` as text `columns` wide; answer with `.handoverRendered`.
    case renderHandover(ShiftOccurrence, columns: Int)
    /// Save and print the handover of `shift`; answer with `.handoverPrinted`.
    case printHandover(ShiftOccurrence, session: Session)
    /// Add an "if … then …" note; answer with `.finished` (`.done`).
    case addHandoverNote(patientID: PatientID, shiftStart: Date, text: String, session: Session)
    /// Withdraw a note, with the reason; answer with `.finished` (`.done`).
    case withdrawHandoverNote(noteID: Int64, reason: String, session: Session)
    /// Override (or return to the rule) the illness severity; answer with `.finished` (`.done`).
    case overrideSeverity(patientID: PatientID, shiftStart: Date, level: SeverityLevel?, reason: String, session: Session)
    /// Hand over / accept a patient; answer with `.finished` (`.done`).
    case markHandover(HandoverMarkKind, patientID: PatientID, shiftStart: Date, session: Session)
    case acknowledgeAlert(WardAlert, note: String?, session: Session)
    /// A prescriber moves a patient to SpO2 scale 2 (or back), with the reason; answer with `.finished` (`.done`).
    case setSpO2Scale(patientID: PatientID, scale2: Bool, reason: String, session: Session)
    case escalateAlert(WardAlert, to: String, outcome: String, session: Session)
    /// Log the alerts open at this terminal's `now` (raised/cleared) against the snapshot evaluated; no answer.
    case syncAlerts(AlertSync)
    case admit(AdmissionRequest, session: Session)
    /// The charge nurse's answers to an admission the ADT feed made (the bed field is ignored).
    case completeAdmission(patientID: PatientID, AdmissionRequest, session: Session)
    case assignNurse(bed: String, staff: StaffKey?, session: Session)
    case transfer(patientID: PatientID, toBed: String, session: Session)
    case discharge(patientID: PatientID, session: Session)
    /// Send a patient to another ward of the hospital with their record; answer with `.finished` (`.done`).
    case sendToWard(patientID: PatientID, ward: String, session: Session)
    /// Accept a patient sent to this ward into a free bed; answer with `.finished` (`.done`).
    case acceptTransfer(id: Int64, bed: String, session: Session)
    /// Draw this terminal in the named shipped theme and remember it for this terminal; answer with `.themeApplied`.
    case useTheme(String)
}
