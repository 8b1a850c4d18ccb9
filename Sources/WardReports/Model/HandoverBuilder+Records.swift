import Foundation
import WardCore

extension HandoverInput {
    /// The handover of one shift occurrence as Wardline prints it: `from(snapshot:…)`
    /// plus what nurses recorded for that shift in the store (their "if … then …"
    /// notes and severity overrides), the census from admissions and discharges
    /// on record, and the ward protocol's heading style (I-PASS or SBAR).
    public static func forShift(_ shift: ShiftOccurrence, snapshot: WardSnapshot, protocol proto: WardProtocol,
                                printedBy: String, now: Date, shiftLabel: String? = nil,
                                timeZone: TimeZone = .current) -> HandoverInput {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let labels: HandoverLabels = proto.alerts.handoverStyle == .sbar ? .sbar : .ipass
        let fmt = ReportTime(timeZone: timeZone)
        let label = shiftLabel ?? HandoverShift.label(shift, calendar: calendar)
        var input = from(snapshot: snapshot, protocol: proto, shift: shift.interval, printedBy: printedBy, now: now,
                         shiftLabel: label, labels: labels, timeZone: timeZone)
        input.census = census(snapshot, shift: shift.interval)
        let byMRN = Dictionary(snapshot.patients.map { ($0.mrn, $0) }, uniquingKeysWith: { a, _ in a })
        let board = BoardInput(snapshot, now: now, protocol: proto, calendar: calendar)
        let alerts = AlertEngine(proto).alerts(board, now: now)
        input.patients = riskOrdered(input.patients.map { p in
            guard let patient = byMRN[p.summary.mrn] else { return p }
            let observed = applyingObservations(p, patient: patient, snapshot: snapshot, proto: proto, shift: shift.interval,
                                                now: now, fmt: fmt)
            let medicated = applyingMedication(observed, patient: patient, snapshot: snapshot, proto: proto, shift: shift.interval,
                                               now: now, calendar: calendar, fmt: fmt)
            var withAlerts = medicated
            withAlerts.actions.alerts = alertLines(for: patient.id, alerts: alerts, log: snapshot.alertLog, now: now, fmt: fmt)
            if let b = board.patients.first(where: { $0.patient.id == patient.id }) {
                let call = proto.severity.assess(b, alerts: alerts, shiftStart: shift.start, proto: proto)
                withAlerts.severity = raised(withAlerts.severity, by: call)
            }
            return applying(snapshot.handover, to: withAlerts, patient: patient.id, shiftStart: shift.start, fmt: fmt)
        })
        return input
    }

    /// Occupied and empty beds now; admissions and discharges whose time falls in the shift.
    static func census(_ snapshot: WardSnapshot, shift: DateInterval) -> Census {
        let occupiedBeds = Set(snapshot.patients.compactMap(\.bed))
        let admittedNow = snapshot.patients.filter { shift.contains($0.admittedAt) }.count
        let admittedSinceGone = snapshot.discharges.filter { shift.contains($0.admittedAt) }.count
        return Census(occupied: snapshot.patients.filter { $0.bed != nil }.count,
                      empty: snapshot.ward.beds.filter { !occupiedBeds.contains($0.label) }.count,
                      admissions: admittedNow + admittedSinceGone,
                      discharges: snapshot.discharges.filter { shift.contains($0.dischargedAt) }.count)
    }

    /// The CIWA-based call raised by every other signal (the protocol's `[severity]` rule):
    /// the higher level wins, and the basis names what raised it, the signals first.
    static func raised(_ ciwa: SeverityCall, by call: RiskCall) -> SeverityCall {
        var out = ciwa
        out.urgency = call.urgency
        let level = IllnessSeverity(call.level)
        guard level >= ciwa.severity, !call.reasons.isEmpty else { return out }
        // The CIWA band is already in the basis: keep the other signals, most serious first.
        let signals = call.reasons.filter { r in !ciwa.basis.contains(r) && !r.hasPrefix("CIWA-B ") }
        guard !signals.isEmpty else { return out }
        out.severity = max(level, ciwa.severity)
        out.basis = (signals + [ciwa.basis]).joined(separator: "; ")
        return out
    }

    /// A patient's handover with the shift's notes and the newest severity override.
    static func applying(_ records: HandoverRecords, to p: PatientHandover, patient id: PatientID, shiftStart: Date,
                         fmt: ReportTime) -> PatientHandover {
        var p = p
        p.contingencies += records.notes(for: id, shiftStart: shiftStart).map { n in
            "\(n.text) (\(n.writtenByName), \(fmt.time(n.writtenAt)))"
        }
        if let o = records.override(for: id, shiftStart: shiftStart), let level = o.level,
           let severity = IllnessSeverity(rawValue: level.rawValue) {
            let derived = p.severity
            p.severity = SeverityCall(
                severity: severity,
                basis: "the rule gives \(derived.severity.word) (\(derived.basis))",
                overrideReason: "\(o.reason) (\(o.byName), \(fmt.time(o.at)))", urgency: derived.urgency)
        }
        return p
    }
}

/// The text handover laid out for a screen: every page's lines one after
/// another (a blank line between pages instead of a form feed), and where
/// each patient's block begins.
public struct HandoverScreenText: Sendable, Hashable {
    public var lines: [String]
    /// Each patient's MRN and the index of their block's first line, in document order.
    public var anchors: [(mrn: String, line: Int)]
    public static func == (a: Self, b: Self) -> Bool {
        a.lines == b.lines && a.anchors.map(\.mrn) == b.anchors.map(\.mrn) && a.anchors.map(\.line) == b.anchors.map(\.line)
    }
    public func hash(into h: inout Hasher) { h.combine(lines); for a in anchors { h.combine(a.mrn); h.combine(a.line) } }
}

extension HandoverTextRenderer {
    /// The same document as `render`, for a scrolling preview.
    public func screenText(_ input: HandoverInput) -> HandoverScreenText {
        var lines: [String] = []
        for (i, page) in pages(input).enumerated() {
            if i > 0 { lines.append("") }
            lines += page
        }
        var anchors: [(mrn: String, line: Int)] = []
        var from = 0
        for p in input.patients {
            let heading = patientHeader(p, continued: false)
            guard let i = lines[from...].indices.first(where: { lines[$0] == heading[1] }) else { continue }
            anchors.append((p.summary.mrn, max(0, i - 1)))
            from = i + 1
        }
        return HandoverScreenText(lines: lines, anchors: anchors)
    }
}
