import Foundation
import WardCore

/// A patient's whole record as plain text, admitted or discharged: who, the
/// stay, the summary of the taper, then every entry newest first. Corrections
/// and entries in error are marked, never hidden. Printable: no escape codes.
public struct PatientRecordText: Sendable {
    public var wardName: String
    public var patient: Patient
    public var beds: [String]
    public var dischargedByName: String?
    /// Transfers of this patient to or from this ward, newest first (a hospital's ward), and this ward's code.
    public var transfers: [WardTransfer] = []
    public var wardCode: String?
    /// A snapshot holding this one patient's entries (the store's record read).
    public var snapshot: WardSnapshot
    public var administrations: [Administration]
    public var printedBy: String
    public var now: Date
    public var timeZone: TimeZone

    public init(wardName: String, patient: Patient, beds: [String], dischargedByName: String?, snapshot: WardSnapshot,
                administrations: [Administration], printedBy: String, now: Date, timeZone: TimeZone) {
        self.wardName = wardName; self.patient = patient; self.beds = beds; self.dischargedByName = dischargedByName
        self.snapshot = snapshot; self.administrations = administrations; self.printedBy = printedBy; self.now = now
        self.timeZone = timeZone
    }

    /// One entry of the record: when, what kind, what it says, who, and its mark.
    struct Entry {
        var at: Date
        var kind: String
        var text: String
        var by: String
        var mark: String?
    }

    public func text(protocol ward: WardProtocol, width: Int = 80) -> String {
        let t = ReportTime(timeZone: timeZone)
        var cal = Calendar(identifier: .gregorian); cal.timeZone = timeZone
        let p = patient
        var out: [String] = []
        func line(_ s: String) { out += hanging("", PrintSafe.text(s), width: width) }
        func indented(_ s: String) { out += hanging("  ", PrintSafe.text(s), width: width) }

        line("\(wardName.uppercased()) - PATIENT RECORD")
        line("Printed \(t.dateTime(now)) by \(printedBy).")
        out.append(String(repeating: "=", count: width))
        line("\(p.name)  MRN \(p.mrn)  born \(p.dateOfBirth) (\(p.dateOfBirth.age(on: now, calendar: cal)))  \(p.sex.letter)")
        if let d = p.dischargedAt {
            line("Admitted \(t.dateTime(p.admittedAt)); discharged \(t.dateTime(d))\(dischargedByName.map { " by \($0)" } ?? "").")
        } else {
            line("Admitted \(t.dateTime(p.admittedAt)); on the ward\(p.bed.map { ", bed \($0)" } ?? " (no bed)").")
        }
        for tr in transfers.reversed() {
            let sent = "transfer #\(tr.id), sent \(t.dateTime(tr.sentAt)) by \(tr.sentByName)"
            let arrival = tr.arrival.map { "accepted into bed \($0.bed) \(t.dateTime($0.acceptedAt)) by \($0.acceptedByName)" } ?? "not yet accepted"
            if tr.toWard == wardCode {
                line("Came from \(tr.fromWardName) (\(sent)); \(arrival). Entries before then were written there.")
            } else {
                line("Transferred to \(tr.toWardName) (\(sent)); \(arrival).")
            }
        }
        line("Beds: " + (beds.isEmpty ? "none" : beds.joined(separator: " -> ")))
        line("Allergies: " + p.allergyStatus.text)
        out.append("")

        out.append("SUMMARY")
        let input = BoardInput(snapshot, now: now, protocol: ward, calendar: cal)
        if let b = input.patients.first(where: { $0.patient.id == p.id }) {
            // The first two summary lines repeat the header above.
            // The first two summary lines repeat the header above; the 24-h total is worked out here from the dose records.
            for s in DischargeSummary.lines(b, proto: ward, now: p.dischargedAt ?? now, calendar: cal).dropFirst(2)
            where !s.hasPrefix("24-h diazepam equivalent") { indented(s) }
        }
        let end = p.dischargedAt ?? now
        let total = snapshot.diazepamTotal(for: p.id, now: end, protocol: ward)
        indented("24-h diazepam equivalent \(p.dischargedAt == nil ? "now" : "at discharge"): \(DoseText.mg(total.totalMg)) mg"
                 + (total.unconverted.isEmpty ? "" : " (leaves out \(total.unconverted.joined(separator: ", ")): not in the equivalence table)"))
        let doses = administrations.filter { !$0.isEnteredInError && $0.status == .given }
        indented("Doses given in the stay: \(doses.count)")
        out.append("")

        let entries = entries(ward, t)
        line("ENTRIES, newest first (\(entries.count); corrections and entries in error are marked, none hidden)")
        for e in entries {
            let head = "\(t.dayMonth(e.at)) \(t.time(e.at))  \(pad(e.kind, 9)) "
            out += hanging(head, PrintSafe.text(e.text + " - " + e.by + (e.mark.map { " [\($0)]" } ?? "")), width: width)
        }
        if entries.isEmpty { indented("No entry recorded.") }
        let unreadable = snapshot.unreadable(for: p.id)
        if !unreadable.isEmpty {
            out.append("")
            line("UNREADABLE ENTRIES (\(unreadable.count)): rows of this record the program could not read; not in the list above. Ward IT: wardline check.")
            for u in unreadable { indented(u.text) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    func entries(_ ward: WardProtocol, _ t: ReportTime) -> [Entry] {
        let id = patient.id
        var list: [Entry] = []
        func mark(_ s: EntryStamp) -> String? {
            if s.enteredInError { return "ENTERED IN ERROR: \(s.amendReason ?? "")" }
            if s.supersededBy != nil { return "replaced by a correction" }
            if s.supersedes != nil { return "correction: \(s.amendReason ?? "")" }
            return nil
        }
        for a in snapshot.assessments[id] ?? [] {
            let m: String? = a.enteredInError ? "ENTERED IN ERROR: \(a.amendReason ?? "")"
                : a.supersededBy != nil ? "replaced by a correction"
                : a.supersedes != nil ? "correction: \(a.amendReason ?? "")" : nil
            list.append(Entry(at: a.recordedAt, kind: a.scale.displayName, text: "\(a.total) \(a.band)", by: a.recordedByName, mark: m))
        }
        for v in snapshot.vitals[id] ?? [] {
            let x = v.vitals
            let n = ward.news2.score(x, scale2: v.scale2)
            let text = "NEWS2 \(n.total)\(n.singleRed ? " (red parameter)" : "") - RR \(x.respirationRate), SpO2 \(x.spo2)%"
                + "\(x.onOxygen ? " on O2" : ""), BP \(x.systolic)\(x.diastolic.map { "/\($0)" } ?? ""), pulse \(x.pulse), "
                + "\(x.acvpu.rawValue), \(fmt(x.temperature))°C"
            list.append(Entry(at: v.stamp.recordedAt, kind: "Vitals", text: text, by: v.stamp.recordedByName, mark: mark(v.stamp)))
        }
        for s in snapshot.sedation[id] ?? [] {
            list.append(Entry(at: s.stamp.recordedAt, kind: "Sedation", text: s.score.display, by: s.stamp.recordedByName,
                              mark: mark(s.stamp)))
        }
        for x in snapshot.exceptions[id] ?? [] {
            list.append(Entry(at: x.stamp.recordedAt, kind: "Not done", text: "\(x.kind.displayName): \(x.reason.label)"
                              + (x.note.isEmpty ? "" : " (\(x.note))") + "; re-check \(t.time(x.recheckAt))",
                              by: x.stamp.recordedByName, mark: mark(x.stamp)))
        }
        for e in snapshot.clinicalEvents[id] ?? [] {
            list.append(Entry(at: e.recordedAt, kind: e.kind == .seizure ? "Seizure" : "Delirium",
                              text: e.note.isEmpty ? "recorded" : e.note, by: e.recordedByName, mark: nil))
        }
        for a in administrations {
            var text = "\(a.drug) \(DoseText.mg(a.mg)) mg \(a.route) \(a.statusWord)\(a.isPRN ? " (PRN)" : "")"
            if let s = a.scheduledFor { text += ", due \(t.time(s))" }
            if let r = a.reason { text += "; \(r.label)" }
            if let n = a.note, !n.isEmpty { text += " (\(n))" }
            if let w = a.wastedMg { text += "; wasted \(DoseText.mg(w)) mg" }
            let by = a.byName + (a.witness.map { " (witness \($0.name))" } ?? "")
            let m = a.enteredInError.map { "ENTERED IN ERROR: \($0.reason) (\($0.byName), \(t.dayMonth($0.at)) \(t.time($0.at)))" }
            list.append(Entry(at: a.at, kind: "Dose", text: text, by: by, mark: m))
        }
        for n in snapshot.handover.notes where n.patientID == id {
            let m: String? = n.withdrawn ? "withdrawn: \(n.reason ?? "")" : n.supersededBy != nil ? "replaced" : nil
            list.append(Entry(at: n.writtenAt, kind: "Handover", text: n.withdrawn ? "(withdrawal)" : n.text, by: n.writtenByName, mark: m))
        }
        return list.sorted { $0.at > $1.at }
    }

    func fmt(_ d: Double) -> String { d == d.rounded() ? String(Int(d)) : String(format: "%.1f", d) }
    func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }

    /// `text` word-wrapped after `head`, continuation lines indented to the head's width.
    func hanging(_ head: String, _ text: String, width: Int) -> [String] {
        let pad = String(repeating: " ", count: TextWidth.of(head))
        return TextWidth.wrap(text, width: width - pad.count).enumerated().map { ($0 == 0 ? head : pad) + $1 }
    }
}
