import Foundation
import Testing
import WardCore
@testable import WardReports

@Suite struct HandoverBuilderTests {
    let input = HandoverInput.from(snapshot: Fixture.snapshot, protocol: Fixture.proto, shift: Fixture.shift,
                                   printedBy: "Nurse Ada Obi", now: Fixture.now, timeZone: Fixture.utc)
    func patient(_ mrn: String) throws -> PatientHandover { try #require(input.patients.first { $0.summary.mrn == mrn }) }

    @Test func ciwaOverTheShiftIgnoresAmendedAndPreShiftScores() throws {
        let c = try #require(try patient("100234").numbers.ciwa)
        // In the shift: 25 (08:00), 38 (11:00; the 52 at 10:30 was amended away), 44 (15:00).
        #expect(c.points.map(\.value) == [25, 38, 44])
        #expect(c.min?.value == 25 && c.max?.value == 44 && c.last?.value == 44)
        #expect(c.trend == .rising)
        #expect(c.before?.value == 18)
        #expect(c.last?.label == "severe")
        #expect(try patient("100377").numbers.ciwa?.trend == .falling)
    }

    @Test func severityFollowsTheProtocolBandLevels() throws {
        // The protocol's levels, not numbers in the code, decide: severe (level 2) → unstable, mild (0) → stable.
        let proto = Fixture.proto
        let severe = try #require(proto.band(.ciwaB, total: 44)), mild = try #require(proto.band(.ciwaB, total: 12))
        #expect(try patient("100234").severity.severity == SeverityRule.severity(forBandLevel: severe.level))
        #expect(try patient("100234").severity.severity == .unstable)
        #expect(try patient("100377").severity.severity == SeverityRule.severity(forBandLevel: mild.level))
        #expect(try patient("100377").severity.severity == .stable)
        // No score at all, or only a previous shift's score: never "stable".
        #expect(try patient("100500").severity.severity == .watcher)
        #expect(try patient("100500").severity.basis == "no CIWA-B on record")
        #expect(try patient("100412").severity.severity == .watcher)
        #expect(try patient("100412").severity.basis.contains("no CIWA-B this shift"))
    }

    @Test func patientsAreRiskOrdered() {
        #expect(input.patients.map(\.summary.mrn) == ["100234", "100500", "100412", "100377"])
    }

    @Test func censusAndSummaryComeFromTheSnapshot() throws {
        #expect(input.census == Census(occupied: 4, empty: 2, admissions: 1, discharges: nil))
        let a = try patient("100234").summary
        #expect(a.age == 52 && a.detoxDay == 3 && a.bed == "3")
        #expect(a.allergies == ["penicillin (rash)"])
        // Seizure risk is derived from the admission record (issue 13); a free-text flag is not a seizure risk.
        #expect(a.seizureRiskFactors == ["seizure history", "high dose: 80 mg DE/day (> 50)", "alprazolam (high-potency short-acting)",
                                         "abrupt cessation: orders cut 100 %"])
        #expect(a.riskFlags.first?.hasPrefix("DOSE CUT: Admission 80 mg DE/day (40–80 across tables); no benzodiazepine ordered") == true)
        #expect(a.riskFlags.last == "Other flag: other CNS depressants")
        #expect(a.substances == ["alprazolam 4 mg/day for 3 years"])
        // Not recorded by Wardline yet: left empty, never invented.
        #expect(a.taperStepToday == nil && a.diazepamEquivalent24hMg == nil)
        let n = try patient("100234").numbers
        #expect(n.news2 == nil && n.sedation == nil && n.prnDoses == nil && n.scheduledDoses == nil)
        #expect(try patient("100234").actions.alerts == nil)
        #expect(input.shiftLabel == "07:00-19:00")
    }

    @Test func chartGuideLinesAreWhereTheConcernLevelSteps() {
        #expect(HandoverInput.levelChanges(Fixture.proto.scales[.ciwaB]!.bands) == [21, 41, 61])
    }
}
