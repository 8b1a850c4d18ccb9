import Foundation
import Testing
import WardCore
@testable import WardReports

/// What nurses record in the store (notes, overrides, discharges) reaching the printout.
@Suite struct HandoverRecordsTests {
    static let shift = ShiftOccurrence(name: "day", interval: Fixture.shift)

    static func snapshot() -> WardSnapshot {
        var s = Fixture.snapshot
        let start = Fixture.shift.start
        // Calm observations for everyone just now, and patient 2 (who drinks as well) a low CIWA-Ar: the
        // severity rule then has nothing but the CIWA-B to go on (no record is out of date).
        for (n, p) in s.patients.enumerated() {
            let stamp = EntryStamp(id: EntryID(900 + n), patientID: p.id, recordedBy: 1, recordedByName: "Nurse A",
                                   recordedAt: Fixture.now.addingTimeInterval(-600))
            s.vitals[p.id] = [VitalSignsEntry(stamp: stamp, vitals: VitalSigns(respirationRate: 16, spo2: 97, onOxygen: false, systolic: 124,
                                                                                 pulse: 80, acvpu: .alert, temperature: 36.8), scale2: false)]
            s.sedation[p.id] = [SedationEntry(stamp: stamp, score: .rass(0))]
        }
        s.assessments[2, default: []].insert(Assessment(id: 99, patientID: 2, scale: .ciwaAr, items: [], total: 3, band: "minimal",
                                                        recordedBy: 1, recordedByName: "Nurse A",
                                                        recordedAt: Fixture.now.addingTimeInterval(-600)), at: 0)
        s.handover = HandoverRecords(
            notes: [HandoverNote(id: 1, patientID: 3, shiftStart: start, text: "if drowsy then hold the 20:00 dose and call Dr",
                                 writtenBy: 1, writtenByName: "Obi, Ada", writtenAt: Fixture.at("15:30")),
                    HandoverNote(id: 2, patientID: 3, shiftStart: start.addingTimeInterval(-12 * 3600), text: "last night's",
                                 writtenBy: 1, writtenByName: "Obi, Ada", writtenAt: Fixture.at("02:00"))],
            overrides: [SeverityOverride(id: 1, patientID: 2, shiftStart: start, level: .unstable,
                                         reason: "new confusion", byName: "Obi, Ada", at: Fixture.at("14:10"))])
        s.discharges = [DischargeRecord(patientID: 9, admittedAt: Fixture.at("08:00", day: 20), dischargedAt: Fixture.at("11:00")),
                        DischargeRecord(patientID: 10, admittedAt: Fixture.at("09:00"), dischargedAt: Fixture.at("12:00")),
                        DischargeRecord(patientID: 11, admittedAt: Fixture.at("08:00", day: 20), dischargedAt: Fixture.at("20:00"))]
        return s
    }

    static func input() -> HandoverInput {
        HandoverInput.forShift(shift, snapshot: snapshot(), protocol: Fixture.proto, printedBy: "Nurse Ada Obi",
                               now: Fixture.now, timeZone: Fixture.utc)
    }

    @Test func notesOfThisShiftPrintWithWhoAndWhen() throws {
        let h = Self.input()
        let p = try #require(h.patients.first { $0.summary.mrn == "100412" })
        #expect(p.contingencies == ["if drowsy then hold the 20:00 dose and call Dr (Obi, Ada, 15:30)"])
        let text = HandoverTextRenderer(columns: .c132).render(h)
        #expect(text.contains("- if drowsy then hold the 20:00 dose and call Dr (Obi, Ada, 15:30)"))
        #expect(!text.contains("last night's"))
    }

    @Test func overrideChangesTheLevelKeepsTheRulesAndReordersTheList() throws {
        let h = Self.input()
        let p = try #require(h.patients.first { $0.summary.mrn == "100377" })
        #expect(p.severity.severity == .unstable)
        #expect(p.severity.overrideReason == "new confusion (Obi, Ada, 14:10)")
        // The rule alone: WATCHER (no benzodiazepine ordered against the admission dose), CIWA-B 12 mild.
        #expect(p.severity.basis.hasPrefix("the rule gives WATCHER (Admission") && p.severity.basis.contains("CIWA-B 12 (mild)"))
        // Unstable now, as everyone on this ward: the two whose CIWA-B record is out of date (an open critical
        // alert: unstable by the [severity] rule, and more urgent) come first, then by the last CIWA-B.
        #expect(h.patients.map(\.summary.mrn) == ["100500", "100412", "100234", "100377"])
        #expect(h.patients.allSatisfy { $0.severity.severity == .unstable })
        #expect(h.patients[0].severity.basis.hasPrefix("critical alert: CIWA-B overdue"))
        let text = HandoverTextRenderer(columns: .c80).render(h)
        #expect(text.contains("Overridden by nurse: new confusion (Obi, Ada, 14:10)"))
    }

    @Test func censusCountsAdmissionsAndDischargesInTheShift() {
        let c = Self.input().census
        #expect(c.occupied == 4)
        #expect(c.empty == 2)
        #expect(c.admissions == 2)     // 王 at 09:30, and patient 10 admitted and discharged within the shift
        #expect(c.discharges == 2)     // 11:00 and 12:00; 20:00 is after the shift
    }

    @Test func protocolChoosesTheHeadings() {
        #expect(Fixture.proto.alerts.handoverStyle == .sbar)
        #expect(Self.input().labels == .sbar)
        #expect(Self.input().shiftLabel == "Day")
    }

    @Test func screenTextIsThePrintoutWithAnchorsOnEachPatientsBar() throws {
        let h = Self.input()
        let r = HandoverTextRenderer(columns: .c80)
        let screen = r.screenText(h)
        let printed = r.pages(h)
        #expect(screen.lines.count == printed.map(\.count).reduce(0, +) + printed.count - 1)
        #expect(screen.lines.filter { !$0.isEmpty } == printed.flatMap { $0 }.filter { !$0.isEmpty })
        #expect(screen.anchors.map(\.mrn) == h.patients.map(\.summary.mrn))
        for (a, p) in zip(screen.anchors, h.patients) {
            #expect(screen.lines[a.line].allSatisfy { $0 == "-" })
            #expect(screen.lines[a.line + 1].hasPrefix("BED \(PrintSafe.text(p.summary.bed ?? "-"))  "))
        }
    }
}
