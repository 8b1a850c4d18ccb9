import Foundation
import WardCore

extension HandoverInput {
    /// Fills a handover from what the ward snapshot holds today: patients,
    /// CIWA-B scores (min / max / last / trend over the shift), illness
    /// severity by `SeverityRule`, census. Everything Wardline does not record
    /// yet (taper, doses, NEWS2, sedation, alerts) is left nil and prints as
    /// "not recorded".
    public static func from(snapshot: WardSnapshot, protocol proto: WardProtocol, shift: DateInterval,
                            printedBy: String, now: Date, shiftLabel: String? = nil,
                            labels: HandoverLabels = .ipass, timeZone: TimeZone = .current) -> HandoverInput {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let fmt = ReportTime(timeZone: timeZone)
        let occupiedBeds = Set(snapshot.patients.compactMap(\.bed))
        let census = Census(
            occupied: snapshot.patients.filter { $0.bed != nil }.count,
            empty: snapshot.ward.beds.filter { !occupiedBeds.contains($0.label) }.count,
            admissions: snapshot.patients.filter { shift.contains($0.admittedAt) }.count,
            discharges: nil)
        let patients = snapshot.patients.map { p in
            patientHandover(p, snapshot: snapshot, proto: proto, shift: shift, now: now, calendar: calendar, fmt: fmt)
        }
        var input = HandoverInput(
            wardName: snapshot.ward.name,
            shiftLabel: shiftLabel ?? "\(fmt.time(shift.start))-\(fmt.time(shift.end))",
            shift: shift, printedAt: now, printedBy: printedBy, census: census,
            patients: riskOrdered(patients), labels: labels, timeZone: timeZone)
        input.unapprovedProtocol = proto.isApproved ? nil : proto.approvedBy
        return input
    }

    /// Highest severity first; within it the most urgent (an over-sedation emergency, then the most open
    /// critical alerts), then highest last CIWA, then bed (numerically), then name.
    public static func riskOrdered(_ patients: [PatientHandover]) -> [PatientHandover] {
        patients.sorted { a, b in
            if a.severity.severity != b.severity.severity { return a.severity.severity > b.severity.severity }
            if a.severity.urgency != b.severity.urgency { return RiskCall.moreUrgent(a.severity.urgency, b.severity.urgency) }
            let ca = a.numbers.ciwa?.last?.value ?? -1, cb = b.numbers.ciwa?.last?.value ?? -1
            if ca != cb { return ca > cb }
            let ba = a.summary.bed ?? "", bb = b.summary.bed ?? ""
            if ba != bb { return ba.compare(bb, options: .numeric) == .orderedAscending }
            return a.summary.name < b.summary.name
        }
    }

    static func patientHandover(_ p: Patient, snapshot: WardSnapshot, proto: WardProtocol, shift: DateInterval,
                                now: Date, calendar: Calendar, fmt: ReportTime) -> PatientHandover {
        let ciwaAll = snapshot.current(.ciwaB, for: p.id)            // newest first
        func point(_ a: Assessment) -> TimedScore {
            TimedScore(value: a.total, at: a.recordedAt, label: proto.band(.ciwaB, total: a.total)?.name ?? a.band)
        }
        let inShift = ciwaAll.filter { shift.contains($0.recordedAt) && $0.recordedAt <= now }.map(point)
        let before = ciwaAll.first { $0.recordedAt < shift.start }.map(point)
        let rules = proto.scales[.ciwaB]
        let series = ScoreSeries(
            scaleName: ScaleKind.ciwaB.displayName, points: inShift,
            range: ScaleDefinition.ciwaB.totalRange,
            bandStarts: levelChanges(rules?.bands ?? []),
            before: before)

        let severity: SeverityCall
        if let latest = ciwaAll.first(where: { $0.recordedAt <= now }) {
            if let band = proto.band(.ciwaB, total: latest.total) {
                let when = fmt.timeOrDateTime(latest.recordedAt, relativeTo: shift.start)
                let level = SeverityRule.severity(forBandLevel: band.level)
                if latest.recordedAt < shift.start {
                    severity = SeverityCall(severity: max(level, .watcher),
                                            basis: "no CIWA-B this shift; last \(latest.total) (\(band.name)) at \(when)")
                } else {
                    severity = SeverityCall(severity: level, basis: "CIWA-B \(latest.total) (\(band.name)) at \(when)")
                }
            } else {
                severity = SeverityCall(severity: .watcher,
                                        basis: "CIWA-B \(latest.total) is outside the protocol's bands")
            }
        } else {
            severity = SeverityCall(severity: .watcher, basis: "no CIWA-B on record")
        }

        let orders = (snapshot.orders[p.id] ?? []).map(\.terms)
        let flags = proto.riskFlags(p, orders: orders, now: now, calendar: calendar)
        let seizure = flags.first { $0.kind == .seizure }?.reason.components(separatedBy: "; ") ?? []
        var others = flags.filter { $0.kind != .seizure && $0.kind != .allergiesUnknown }.map(\.text)
        if let rec = proto.reconcile(p, orders: orders, calendar: calendar), rec.warns {
            others.insert("DOSE CUT: " + rec.message(firstDays: proto.admission.reconciliation.firstDays), at: 0)
        }
        let allergies: [String]? = switch p.allergyStatus {
        case .notYetKnown: nil
        case .nkda: []
        case .known(let list): list
        }
        var summary = PatientSummary(
            bed: p.bed, name: p.name, age: p.dateOfBirth.age(on: now, calendar: calendar), sex: p.sex.letter,
            mrn: p.mrn,
            substances: p.substances.map(\.summary),
            detoxDay: p.detoxDay(at: now, calendar: calendar),
            seizureRiskFactors: seizure, allergies: allergies)
        summary.riskFlags = others
        return PatientHandover(severity: severity, summary: summary, numbers: ShiftNumbers(ciwa: series))
    }

    /// Where the concern level steps up (band lower bounds), for the chart's guide lines.
    static func levelChanges(_ bands: [SeverityBand]) -> [Int] {
        let sorted = bands.sorted { $0.min < $1.min }
        return zip(sorted, sorted.dropFirst()).filter { $1.level != $0.level }.map { $1.min }
    }
}
