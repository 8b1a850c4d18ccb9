import Foundation
import Logging
import WardCore
import WardReports
import WardStore
import WardUI

/// The handover effects of the TUI: render the preview, save and print,
/// and the store writes (notes, severity overrides, handed over / accepted).
/// Runs on the effect runner's background queue, never on the UI thread.
struct HandoverEffects {
    let store: Store
    let wardProtocol: WardProtocol
    let log: Logger

    /// Result messages, or nil for an effect that is not a handover one.
    func run(_ effect: Effect) -> [Msg]? {
        switch effect {
        case .renderHandover(let shift, let columns):
            guard let snapshot = load() else { return [.handoverPrinted(message: "Could not read the ward for the handover; try again.", ok: false)] }
            return [.handoverRendered(document(shift, columns: columns, snapshot: snapshot))]
        case .printHandover(let shift, let session):
            return [print(shift, by: session)]
        case .addHandoverNote(let patientID, let shiftStart, let text, let session):
            return saved { () throws(CommandRefusal) -> String in
                try store.addHandoverNote(patientID: patientID, shiftStart: shiftStart, text: text, session: session)
                return "Note saved for the handover."
            }
        case .withdrawHandoverNote(let noteID, let reason, let session):
            return saved { () throws(CommandRefusal) -> String in
                try store.amendHandoverNote(noteID, text: nil, reason: reason, session: session)
                return "Note withdrawn (it stays on record with your reason)."
            }
        case .overrideSeverity(let patientID, let shiftStart, let level, let reason, let session):
            return saved { () throws(CommandRefusal) -> String in
                try store.overrideSeverity(patientID: patientID, shiftStart: shiftStart, level: level, reason: reason, session: session)
                return level.map { "Severity set to \($0.rawValue.uppercased()) for this shift." } ?? "Severity back to the rule for this shift."
            }
        case .markHandover(let kind, let patientID, let shiftStart, let session):
            return saved { () throws(CommandRefusal) -> String in
                let m = try store.markHandover(kind, patientID: patientID, shiftStart: shiftStart, session: session)
                let name = (try? store.loadWard(protocol: wardProtocol))?.patient(patientID)?.name ?? "The patient"
                let clock = ReportTime(timeZone: .current).time(m.at)
                return kind == .accepted ? "\(name) accepted by \(m.byName) at \(clock)." : "\(name) handed over by \(m.byName) at \(clock)."
            }
        default:
            return nil
        }
    }

    private func load() -> WardSnapshot? {
        do { return try store.loadWard(protocol: wardProtocol) } catch {
            log.error("handover: ward load failed", metadata: ["error": "\(type(of: error))"])
            return nil
        }
    }

    private func saved(_ body: () throws(CommandRefusal) -> String) -> [Msg] {
        log.finish("handover saved", Saved.done, { _ in [:] }, body)
    }

    func input(_ shift: ShiftOccurrence, snapshot: WardSnapshot, printedBy: String) -> HandoverInput {
        HandoverInput.forShift(shift, snapshot: snapshot, protocol: wardProtocol, printedBy: printedBy, now: Date())
    }

    func document(_ shift: ShiftOccurrence, columns: Int, snapshot: WardSnapshot) -> HandoverDocument {
        let text = HandoverTextRenderer(columns: Columns(rawValue: columns) ?? .c80)
            .screenText(input(shift, snapshot: snapshot, printedBy: "on-screen preview"))
        let ids = Dictionary(snapshot.patients.map { ($0.mrn, $0.id) }, uniquingKeysWith: { a, _ in a })
        return HandoverDocument(shift: shift, columns: columns, lines: text.lines,
                                anchors: text.anchors.compactMap { a in ids[a.mrn].map { HandoverAnchor(patientID: $0, line: a.line) } })
    }

    /// Saves the 80-column text in the ward's folder (handovers/), then sends it to CUPS.
    func print(_ shift: ShiftOccurrence, by session: Session) -> Msg {
        guard let snapshot = load() else { return .handoverPrinted(message: "Not printed: could not read the ward; try again.", ok: false) }
        let doc = input(shift, snapshot: snapshot, printedBy: session.staff.name)
        let text = HandoverTextRenderer(columns: .c80).render(doc)
        let dir = StorePaths.wardDirectory(database: store.path).appendingPathComponent("handovers")
        let name = "handover-\(Self.stamp(shift.start))-\(shift.name ?? "custom").txt"
        let old = umask(0o027)
        defer { umask(old) }
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let r = try Printer().saveAndPrint(Data(text.utf8), to: dir.appendingPathComponent(name), printer: nil,
                                               title: "Handover \(doc.shiftLabel)", options: Printer.textOptions(columns: .c80))
            log.info("handover printed", metadata: ["queued": "\(r.outcome.isQueued)"])
            // The path first: a one-line message may be cut at the screen's edge.
            switch r.outcome {
            case .queued(let job):
                return .handoverPrinted(message: "Saved at \(r.savedAt.path); sent to the printer (job \(job)).", ok: true)
            case .failed(let why):
                return .handoverPrinted(message: "Saved at \(r.savedAt.path); NOT printed: \(why)", ok: false)
            }
        } catch {
            return .handoverPrinted(message: "Not saved or printed: \(error)", ok: false)
        }
    }

    static func stamp(_ d: Date) -> String {
        let c = Calendar.wardDefault.dateComponents([.year, .month, .day, .hour, .minute], from: d)
        return String(format: "%04d%02d%02d-%02d%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
