import Foundation
import Testing
@testable import WardCore

@Suite struct BedsideObservationTests {
    let p = shipped
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }

    @Test func vitalValuesAreRefusedOutsideTheLimitsAndConfirmedOutsideTheUsualRange() {
        for field in VitalField.allCases {
            let limits = p.entryLimits.range(field), usual = p.bedside.usual.range(field)
            #expect(p.checkVital(field, usual.lowerBound) == .ok)
            #expect(p.checkVital(field, usual.upperBound) == .ok)
            if limits.upperBound > usual.upperBound {
                guard case .unusual(let m) = p.checkVital(field, limits.upperBound) else { Issue.record("\(field) not unusual"); continue }
                #expect(m.hasSuffix("confirm? y/n"))
            }
            guard case .refused(let m) = p.checkVital(field, limits.upperBound + 1) else { Issue.record("\(field) not refused"); continue }
            #expect(m.contains("type \(fmt(limits.lowerBound))–\(fmt(limits.upperBound))"))
        }
    }

    @Test func usualRangeMustLieInsideTheEntryLimits() {
        let text = defaultText(replacing: "usualPulse = [35, 160]", with: "usualPulse = [35, 400]")
        let found = problems(text)
        #expect(found.contains { $0.keyPath == "bedside.usualPulse" && $0.message.contains("inside entryLimits") })
    }

    @Test func recheckTimesAreRequired() {
        let text = defaultText(replacing: "refusedRecheckMinutes = 30", with: "")
        #expect(problems(text).contains { $0.keyPath == "bedside.refusedRecheckMinutes" })
    }

    func snapshot(sedationAt: Double?, exceptionAt: Double?) -> WardSnapshot {
        let patient = Patient(id: 1, mrn: "1", name: "Doe, Jane", dateOfBirth: CalendarDate("1980-01-01")!, sex: .female,
                              admittedAt: at(-2000), bed: "1")
        var w = WardSnapshot(ward: Ward(name: "W", beds: [Bed(label: "1")]), patients: [patient], assessments: [:], version: 1, loadedAt: t0)
        if let s = sedationAt {
            w.sedation[1] = [SedationEntry(stamp: EntryStamp(id: 1, patientID: 1, recordedBy: 1, recordedByName: "A", recordedAt: at(s)),
                                           score: .rass(0))]
        }
        if let e = exceptionAt {
            let minutes = p.bedside.recheckMinutes[.asleep]!
            w.exceptions[1] = [MonitoringExceptionEntry(stamp: EntryStamp(id: 2, patientID: 1, recordedBy: 1, recordedByName: "A", recordedAt: at(e)),
                                                        kind: .sedation, reason: .asleep, note: "asleep",
                                                        recheckAt: at(e + Double(minutes)))]
        }
        return w
    }

    func sedationDue(_ w: WardSnapshot, now: Date) -> ObservationDue {
        ObservationClock(p).due(w.observationHistory(for: 1)!, now: now).first { $0.kind == .sedation }!
    }

    @Test func anExceptionAfterTheLastScoreRetimesTheCheck() {
        let every = Double(p.reassessment.sedationMinutes), recheck = Double(p.bedside.recheckMinutes[.asleep]!)
        let exceptionAt = every + 5           // the check was attempted when overdue
        let w = snapshot(sedationAt: 0, exceptionAt: exceptionAt)
        let d = sedationDue(w, now: at(exceptionAt + 1))
        #expect(d.status == .deferred)
        #expect(d.dueAt == at(exceptionAt + recheck))
        // After the re-check time it is overdue again, counted from the original due time.
        #expect(sedationDue(w, now: at(exceptionAt + recheck + 1)).status == .overdue)
    }

    @Test func aScoreRecordedAfterTheExceptionEndsIt() {
        let every = Double(p.reassessment.sedationMinutes)
        let w = snapshot(sedationAt: 20, exceptionAt: 10)
        let d = sedationDue(w, now: at(21))
        #expect(d.status == .upcoming)
        #expect(d.dueAt == at(20 + every))
    }

    @Test func withdrawalScalesAreCIWABPlusAnyRecorded() {
        var w = snapshot(sedationAt: nil, exceptionAt: nil)
        #expect(w.withdrawalScales(for: 1) == [.ciwaB])
        w.assessments[1] = [Assessment(id: 9, patientID: 1, scale: .ciwaAr, items: Array(repeating: 0, count: 10), total: 0,
                                       band: "minimal", recordedBy: 1, recordedByName: "A", recordedAt: at(0))]
        #expect(w.withdrawalScales(for: 1) == [.ciwaB, .ciwaAr])
        let ar = ObservationClock(p).due(w.observationHistory(for: 1)!, now: at(1)).first { $0.kind == .withdrawal(.ciwaAr) }
        let minutes = p.reassessment.interval(.ciwaAr, band: "minimal")!
        #expect(ar?.dueAt == at(Double(minutes)))
    }

    @Test func observationKindCodesRoundTrip() {
        for k in [ObservationKind.withdrawal(.ciwaB), .withdrawal(.ciwaAr), .vitals, .sedation] {
            #expect(ObservationKind(code: k.code) == k)
        }
        #expect(ObservationKind(code: "rass") == nil)
    }
}
