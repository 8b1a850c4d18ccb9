import Foundation
import Logging
import Synchronization
import WardCore
import WardStore
import WardUI

/// Carries out the screens' effects against the store, one at a time and in
/// order, on a background queue, and posts each result back to the UI inbox.
/// Nothing here touches the terminal.
///
/// Reloads: a command's result is posted as soon as it commits (so "Saved"
/// shows without waiting for a reload), then one reload is asked for. Reload
/// requests — after a command, from the screens, from the change feed — are
/// coalesced, and a reload whose data version is the one last loaded is
/// skipped: a save makes exactly one new snapshot, and this terminal's own
/// commit, seen again by the change feed, makes none.
final class EffectRunner: Sendable {
    private let reloadQueued = Atomic<Bool>(false)
    /// Commands and reloads queued or running.
    private let busy = Atomic<Int>(0)
    private let loadedVersion = Atomic<Int>(-1)
    private let loadedClinicalVersion = Atomic<Int>(-1)
    /// The data version of the newest snapshot posted (the change feed ignores commits up to it).
    var knownVersion: Int { loadedVersion.load(ordering: .acquiring) }
    private let store: Store
    /// The site view's snapshots of every ward, kept between its one-second reads.
    private let site = SiteReader()
    private let wardProtocol: WardProtocol
    private let policy: SecurityPolicy
    private let terminalName: String
    private let inbox: Inbox<Msg>
    private let queue = DispatchQueue(label: "wardline.effects")
    private let log: Logger

    init(store: Store, wardProtocol: WardProtocol, policy: SecurityPolicy, terminalName: String,
         inbox: Inbox<Msg>, log: Logger) {
        self.store = store; self.wardProtocol = wardProtocol; self.policy = policy
        self.terminalName = terminalName; self.inbox = inbox; self.log = log
    }

    /// Called on the UI thread; returns at once.
    func perform(_ effect: Effect) {
        if case .loadWard = effect { requestReload(); return }
        busy.add(1, ordering: .acquiringAndReleasing)
        queue.async { [self] in
            for m in run(effect) { inbox.post(m) }
            requestReload()
            busy.subtract(1, ordering: .acquiringAndReleasing)
        }
    }

    /// One reload after whatever is queued now, unless one is already waiting; skipped when
    /// nothing was committed since the last snapshot.
    func requestReload() {
        guard !reloadQueued.exchange(true, ordering: .acquiringAndReleasing) else { return }
        busy.add(1, ordering: .acquiringAndReleasing)
        queue.async { [self] in
            defer { busy.subtract(1, ordering: .acquiringAndReleasing) }
            reloadQueued.store(false, ordering: .releasing)
            guard let v = try? store.dataVersion(), v != knownVersion else { return }
            if let m = loadWard() { inbox.post(m) }
            // A commit elsewhere while this reload read (the change feed stayed quiet: we were busy)
            // is read by one more reload.
            if let now = try? store.clinicalVersion(), now != loadedClinicalVersion.load(ordering: .acquiring) {
                requestReload()
            }
        }
    }

    /// Whether a commit seen by the change feed needs telling: not while a command or a reload
    /// is queued or running here (a reload follows each of them and reads every commit up to then),
    /// and not for the version already loaded.
    /// `version` is the change feed's: the newest event that is not alert-log upkeep.
    func isNews(_ version: Int) -> Bool {
        busy.load(ordering: .acquiring) == 0 && version != loadedClinicalVersion.load(ordering: .acquiring)
    }

    /// The effect's result messages (synchronous; used by the queue and by tests).
    func run(_ effect: Effect) -> [Msg] {
        switch effect {
        case .signIn(let staffID, let secret):
            do {
                let staff = try store.signIn(staffID: staffID, secret: secret, terminal: terminalName, policy: policy)
                log.info("sign-in", metadata: ["staff": "\(staff.id)"])
                return [.signInResult(.success(staff))]
            } catch {
                log.info("sign-in refused")
                return [.signInResult(.failure(error))]
            }
        case .loadWard:
            return [loadWard()].compactMap { $0 }
        case .loadSite(let session):
            return [.siteLoaded(site.rows(store, session: session, fallback: wardProtocol, budget: SiteState.firstPaintSeconds))]
        case .loadViewedWard(let ward, let session):
            return [SiteLoad.viewed(ward, store, session: session, fallback: wardProtocol)]
        case .record(let cmd, let session):
            return finish("assessment recorded", Saved.assessment, { ["entry": "\($0.id)", "scale": "\($0.scale.rawValue)"] }) {
                () throws(CommandRefusal) in try store.record(cmd, session: session, protocol: wardProtocol)
            }
        case .amend(let cmd, let session):
            return finish("entry amended", Saved.amendment, verb: .amended, { ["entry": "\($0)", "supersedes": "\(cmd.entryID)"] }) {
                () throws(CommandRefusal) in try store.amend(cmd, session: session, protocol: wardProtocol).id
            }
        case .amendObservation(let cmd, let session):
            return finish("entry amended", Saved.amendment, verb: .amended,
                          { ["entry": "\($0)", "supersedes": "\(cmd.entryID)", "table": "\(cmd.table.rawValue)"] }) {
                () throws(CommandRefusal) in try store.amend(cmd, session: session, protocol: wardProtocol)
            }
        case .markDoseEnteredInError(let cmd, let session):
            return finish("dose record marked entered in error", Saved.amendment, verb: .amended, { ["administration": "\($0)"] }) {
                () throws(CommandRefusal) in
                try store.markDoseEnteredInError(administrationID: cmd.administrationID, reason: cmd.reason, session: session).id
            }
        case .recordGated(let cmd, let session):
            return finish("assessment recorded", Saved.assessment,
                          { ["entry": "\($0.id)", "scale": "\($0.scale.rawValue)", "gate": "\(cmd.gate != nil)"] }) {
                () throws(CommandRefusal) in try store.record(cmd, session: session, protocol: wardProtocol).0
            }
        case .recordVitals(let cmd, let session):
            return finish("vitals recorded", Saved.vitals, { ["entry": "\($0.id)"] }) {
                () throws(CommandRefusal) in try store.record(cmd, session: session, protocol: wardProtocol)
            }
        case .recordSedation(let cmd, let session):
            return finish("sedation recorded", Saved.sedation, { ["entry": "\($0.id)"] }) {
                () throws(CommandRefusal) in try store.record(cmd, session: session)
            }
        case .recordException(let cmd, let session):
            return finish("monitoring exception recorded", Saved.exception, { ["entry": "\($0.id)"] }) {
                () throws(CommandRefusal) in try store.record(cmd, session: session, protocol: wardProtocol)
            }
        case .recordEvent(let cmd, let session):
            return finish("seizure/delirium recorded", Saved.event, { ["entry": "\($0.id)"] }) {
                () throws(CommandRefusal) in try store.record(cmd, session: session)
            }
        case .recordDose(let cmd, let session):
            return finish("dose recorded", Saved.dose, verb: .recorded, { ["administration": "\($0.id)", "status": "\($0.status.rawValue)"] }) {
                () throws(CommandRefusal) in try store.recordDose(cmd, session: session, protocol: wardProtocol)
            }
        case .cosignOverride(let cmd, let session):
            return finish("override co-signed", Saved.cosigned, verb: .coSigned, { ["override": "\($0.id)"] }) {
                () throws(CommandRefusal) in try store.cosignOverride(cmd, session: session)
            }
        case .writeOrder(let cmd, let session):
            return finish("order written", Saved.order, verb: .signed, { ["order": "\($0.id)"] }) {
                () throws(CommandRefusal) in try store.writeOrder(cmd, session: session, protocol: wardProtocol)
            }
        case .changeOrder(let cmd, let session):
            return finish("order changed", Saved.order, verb: .signed, { ["order": "\($0.id)", "version": "\($0.version)"] }) {
                () throws(CommandRefusal) in try store.changeOrder(cmd, session: session, protocol: wardProtocol)
            }
        case .recordPRNEffect(let cmd, let session):
            return finish("PRN effect recorded", Saved.prnEffect, verb: .recorded, { ["follow-up": "\($0.id)"] }) {
                () throws(CommandRefusal) in try store.recordPRNEffect(cmd, session: session)
            }
        case .quit:
            return []
        case .useTheme:
            return []   // drawn on the UI thread by runWardApp (it changes the terminal)
        case .renderHandover, .printHandover, .addHandoverNote, .withdrawHandoverNote, .overrideSeverity, .markHandover:
            return HandoverEffects(store: store, wardProtocol: wardProtocol, log: log).run(effect) ?? []
        default:
            return runBoard(effect)
        }
    }

    private func finish<T>(_ what: String, _ saved: (T) -> Saved, verb: CommandVerb = .saved,
                           _ metadata: (T) -> Logger.Metadata,
                           _ body: () throws(CommandRefusal) -> T) -> [Msg] {
        log.finish(what, saved, verb: verb, metadata, body)
    }

    /// The ward board's effects (issue 7).
    private func runBoard(_ effect: Effect) -> [Msg] {
        func done(_ text: String, _ body: () throws(CommandRefusal) -> Void) -> [Msg] {
            finish("board command", Saved.done, { _ in ["effect": "\(effect)"] }) { () throws(CommandRefusal) in
                try body(); return text
            }
        }
        switch effect {
        case .setSpO2Scale(let p, let two, let reason, let s):
            return done("SpO2 scale \(two ? 2 : 1) recorded; NEWS2 scores SpO2 on it from now.") { () throws(CommandRefusal) in
                try store.setSpO2Scale2(patientID: p, two, reason: reason, session: s)
            }
        case .acknowledgeAlert(let a, let note, let s):
            return done("Acknowledged: \(a.message)") { () throws(CommandRefusal) in try store.acknowledge(a, note: note, session: s) }
        case .escalateAlert(let a, let to, let outcome, let s):
            return done("Escalation to \(to) recorded.") { () throws(CommandRefusal) in
                try store.escalate(a, to: to, outcome: outcome, session: s)
            }
        case .syncAlerts(let sync):
            do { try store.syncAlerts(sync, terminal: terminalName) }
            catch { log.warning("alert log not updated", metadata: ["kind": "\(error.kind.rawValue)"]) }
            return []
        case .admit(let r, let s):
            return done("Admitted \(r.name) to bed \(r.bed).") { () throws(CommandRefusal) in
                _ = try store.admit(AdmitPatient(mrn: r.mrn, name: r.name, dateOfBirth: r.dateOfBirth, sex: r.sex, bed: r.bed,
                                                 substances: r.substances, allergies: r.allergies, seizureHistory: r.seizureHistory,
                                                 riskFlags: r.riskFlags, admissionFlags: r.admissionFlags),
                               session: s, protocol: wardProtocol)
            }
        case .completeAdmission(let id, let r, let s):
            return done("Admission of \(r.name) completed.") { () throws(CommandRefusal) in
                _ = try store.completeAdmission(patientID: id, AdmitPatient(mrn: r.mrn, name: r.name, dateOfBirth: r.dateOfBirth, sex: r.sex,
                                                                            bed: nil, substances: r.substances, allergies: r.allergies,
                                                                            seizureHistory: r.seizureHistory, riskFlags: r.riskFlags,
                                                                            admissionFlags: r.admissionFlags),
                                                session: s, protocol: wardProtocol)
            }
        case .assignNurse(let bed, let staff, let s):
            return done(staff == nil ? "Bed \(bed) unassigned." : "Nurse assigned to bed \(bed).") { () throws(CommandRefusal) in
                try store.assignNurse(bed: bed, staff: staff, protocol: wardProtocol, session: s)
            }
        case .transfer(let pid, let bed, let s):
            return done("Moved to bed \(bed).") { () throws(CommandRefusal) in try store.transfer(patientID: pid, toBed: bed, session: s) }
        case .discharge(let pid, let s):
            return done("Discharged; the record stays readable.") { () throws(CommandRefusal) in
                try store.discharge(patientID: pid, session: s)
            }
        case .sendToWard(let pid, let code, let s):
            return finish("board command", Saved.done, { _ in ["effect": "\(effect)"] }) { () throws(CommandRefusal) in
                let t = try store.transferOut(patientID: pid, to: code, session: s)
                return "\(t.patientName) sent to \(t.toWardName) with the record (transfer #\(t.id)); discharged here."
            }
        case .acceptTransfer(let id, let bed, let s):
            return finish("board command", Saved.done, { _ in ["effect": "\(effect)"] }) { () throws(CommandRefusal) in
                let a = try store.acceptTransfer(id, bed: bed, session: s)
                let held = a.heldOrders.isEmpty ? "" : "; \(a.heldOrders.count) order\(a.heldOrders.count == 1 ? "" : "s") held until a prescriber re-confirms"
                return "\(a.patient.name) admitted from \(a.fromWardName) to bed \(bed) with \(a.carriedTotal) entries\(held)."
            }
        default:
            return []   // every other effect is handled in run(_:)
        }
    }

    private func loadWard() -> Msg? {
        do {
            let snapshot = try store.loadWard(protocol: wardProtocol)
            loadedVersion.store(snapshot.version, ordering: .releasing)
            loadedClinicalVersion.store(snapshot.clinicalVersion, ordering: .releasing)
            return .wardLoaded(snapshot)
        } catch {
            log.error("ward load failed", metadata: ["error": "\(type(of: error))"])
            return nil
        }
    }
}
