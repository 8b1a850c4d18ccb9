import Foundation
import WardCore

extension AppState {
    /// The shift whose handover the ward is at now (nearest in time), by the protocol's shifts.
    public var handoverShift: ShiftOccurrence? {
        HandoverShift.nearest(wardProtocol.shifts, at: now, calendar: calendar)
    }

    /// The shift on now: the handover its nurses are preparing (notes and
    /// severity written from the chart go to it).
    public var currentShift: ShiftOccurrence? {
        HandoverShift.current(wardProtocol.shifts, at: now, calendar: calendar)
    }

    /// Printout width the preview is laid out for: 132 when the terminal is that wide.
    var handoverColumns: Int { size.cols >= 132 ? 132 : 80 }

    /// Opens the preview of the nearest handover, on `patient` if given.
    mutating func openHandover(on patient: PatientID?) -> [Effect] {
        guard let shift = handoverShift else {
            flash = Flash("The ward protocol lists no shifts; ask ward IT to set [shifts].", role: .error)
            return []
        }
        stack.append(.handover(HandoverPreviewState(shift: shift, selected: patient)))
        return [.renderHandover(shift, columns: handoverColumns)]
    }

    /// A fresh rendering for a preview on top (after the ward changed or the window was resized).
    func refreshHandover() -> [Effect] {
        guard case .handover(let h)? = stack.last else { return [] }
        return [.renderHandover(h.shift, columns: handoverColumns)]
    }

    /// Rows of document shown under the title and status rows, above message and legend.
    static func handoverRows(_ size: Size) -> Int { max(1, size.rows - 4) }

    mutating func handleHandover(_ action: Action, _ h: inout HandoverPreviewState) -> [Effect] {
        let rows = Self.handoverRows(size)
        let count = h.document?.lines.count ?? 0
        let maxScroll = max(0, count - rows)
        switch action {
        case .back:
            stack.removeLast()
        case .moveUp: scroll(&h, to: h.scroll - 1, max: maxScroll)
        case .moveDown: scroll(&h, to: h.scroll + 1, max: maxScroll)
        case .pageUp: scroll(&h, to: h.scroll - rows, max: maxScroll)
        case .pageDown: scroll(&h, to: h.scroll + rows, max: maxScroll)
        case .first: scroll(&h, to: 0, max: maxScroll)
        case .last: scroll(&h, to: maxScroll, max: maxScroll)
        case .nextPatient, .previousPatient:
            guard let anchors = h.document?.anchors, !anchors.isEmpty else { return [] }
            let i = anchors.firstIndex { $0.patientID == h.selected }
            let next: Int
            if let i { next = action == .nextPatient ? min(anchors.count - 1, i + 1) : max(0, i - 1) }
            else { next = action == .nextPatient ? 0 : anchors.count - 1 }
            h.selected = anchors[next].patientID
            h.scroll = min(anchors[next].line, maxScroll)
        case .acceptPatient, .handOverPatient:
            guard let session else { return [] }
            guard let id = h.selected, let p = ward?.patient(id) else {
                flash = Flash("Choose a patient first: Tab goes to the next one.", role: .alertWarning)
                return []
            }
            guard session.staff.role.may(.handOver) else {
                flash = Flash(StaffRole.refusalText(.handOver, role: session.staff.role), role: .error)
                return []
            }
            let kind: HandoverMarkKind = action == .acceptPatient ? .accepted : .handedOver
            if let done = ward?.handover.mark(kind, for: id, shiftStart: h.shift.start) {
                flash = Flash("\(p.name) was already \(kind == .accepted ? "accepted" : "handed over") by \(done.byName) at \(Format.clock(done.at, calendar)).",
                              role: .alertInfo)
                return []
            }
            return [.markHandover(kind, patientID: id, shiftStart: h.shift.start, session: session)]
        case .printHandover:
            guard let session else { return [] }
            guard !h.printing else { return [] }
            h.printing = true
            flash = Flash("Saving and printing the handover…", role: .alertInfo)
            return [.printHandover(h.shift, session: session)]
        case .earlierHandover, .laterHandover:
            let other = action == .earlierHandover
                ? HandoverShift.previous(wardProtocol.shifts, before: h.shift, calendar: calendar)
                : HandoverShift.next(wardProtocol.shifts, after: h.shift, calendar: calendar)
            guard let other, other.start <= now else {
                flash = Flash(action == .laterHandover ? "This is the shift on now: there is no later handover yet."
                                                       : "No earlier shift in the ward protocol.", role: .alertInfo)
                return []
            }
            h = HandoverPreviewState(shift: other, selected: h.selected)
            return [.renderHandover(other, columns: handoverColumns)]
        case .writeNote, .overrideSeverity:
            guard let id = h.selected else {
                flash = Flash("Choose a patient first: Tab goes to the next one.", role: .alertWarning)
                return []
            }
            return openEntry(action == .writeNote ? .note : .severity, patient: id, shift: h.shift)
        default:
            break
        }
        return []
    }

    private func scroll(_ h: inout HandoverPreviewState, to line: Int, max maxScroll: Int) {
        h.scroll = Swift.max(0, Swift.min(line, maxScroll))
        // The selected patient is the one whose block is at the top of the view; above the first
        // patient (the ward summary) it is the first patient whose block starts on screen, or none, so
        // `a` and `g` never act on a patient scrolled out of sight.
        if let anchors = h.document?.anchors {
            h.selected = (anchors.last { $0.line <= h.scroll }
                          ?? anchors.first { $0.line < h.scroll + Self.handoverRows(size) })?.patientID
        }
    }

    mutating func handleHandoverRendered(_ doc: HandoverDocument) -> [Effect] {
        guard let i = stack.lastIndex(where: { if case .handover(let h) = $0 { h.shift == doc.shift } else { false } }),
              case .handover(var h) = stack[i] else { return [] }
        let old = h.document
        h.document = doc
        let maxScroll = max(0, doc.lines.count - Self.handoverRows(size))
        let anchor = doc.anchors.first { $0.patientID == h.selected }
        if old == nil, let a = anchor {
            h.scroll = min(a.line, maxScroll)
        } else if let a = anchor, let was = old?.anchors.first(where: { $0.patientID == h.selected }) {
            // The patient may have moved (risk order, a new note): keep their block where it was on screen.
            h.scroll = max(0, min(a.line + (h.scroll - was.line), maxScroll))
        } else {
            h.scroll = min(h.scroll, maxScroll)
        }
        if h.selected == nil || !doc.anchors.contains(where: { $0.patientID == h.selected }) {
            h.selected = doc.anchors.first?.patientID
        }
        stack[i] = .handover(h)
        return []
    }

    mutating func handleHandoverPrinted(_ message: String, ok: Bool) -> [Effect] {
        for i in stack.indices {
            if case .handover(var h) = stack[i], h.printing { h.printing = false; stack[i] = .handover(h) }
        }
        flash = Flash(message, role: ok ? .saved : .alertWarning)
        return []
    }
}
