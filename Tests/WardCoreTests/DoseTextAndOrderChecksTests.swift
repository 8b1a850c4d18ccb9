import Foundation
import Testing
@testable import WardCore

/// One formatter for doses and durations; recent use recognised in free text;
/// the warnings a prescriber sees before signing.
@Suite struct DoseTextTests {
    @Test(arguments: [(0.25, "0.25"), (0.125, "0.125"), (2.5, "2.5"), (10, "10"), (17.5, "17.5"), (0.1 + 0.2, "0.3"), (1.0 / 3.0, "0.333")])
    func aDoseReadsAsAChartWritesIt(mg: Double, text: String) {
        #expect(DoseText.mg(mg) == text)
    }

    @Test func durations() {
        #expect(DoseText.duration(minutes: 45) == "45 min")
        #expect(DoseText.duration(minutes: 120) == "2 h")
        #expect(DoseText.duration(minutes: 125) == "2 h 05 min")
        #expect(DoseText.duration(minutes: 24 * 60 + 240) == "1 d 4 h")
    }
}

@Suite struct RecentUseTextTests {
    let p = shipped
    @Test func drugNamesAndSynonymsInsideFreeTextAreRecognised() {
        let s = p.doseSafety
        #expect(s.drugs(in: "alprazolam (counterfeit tablets)", equivalence: p.equivalence) == ["alprazolam"])
        #expect(s.drugs(in: "Xanax bars, 4 a day", equivalence: p.equivalence) == ["alprazolam"])
        #expect(s.drugs(in: "VALIUM and klonopin", equivalence: p.equivalence) == ["diazepam", "clonazepam"])
        #expect(s.drugs(in: "alcohol, 1 bottle wine", equivalence: p.equivalence).isEmpty)
        // Z-drugs are in the tables but are not benzodiazepines.
        #expect(s.drugs(in: "zopiclone 7.5 mg", equivalence: p.equivalence).isEmpty)
        // Whole words only: no match inside another word.
        #expect(s.drugs(in: "xanaxish", equivalence: p.equivalence).isEmpty)
    }
}

@Suite struct OrderChecksTests {
    let p = shipped
    func order(_ id: OrderID, _ terms: OrderTerms) -> MedicationOrder {
        MedicationOrder(id: id, patientID: 1, version: 1, versionID: id, terms: terms, reason: nil, writtenBy: 3, writtenByName: "Dr P",
                        writtenAt: Date(timeIntervalSince1970: 1_800_000_000))
    }
    var prn: OrderTerms { OrderTerms(kind: .prn, drug: "diazepam", indication: "withdrawal", prn: PRNTerms(p.prn.templates[0])) }
    func taper(_ drug: String, _ mg: Double) -> OrderTerms {
        OrderTerms(kind: .taper, drug: drug, indication: "withdrawal", doseTimes: ["08:00", "20:00"],
                   taper: TaperTerms(startDailyMg: mg, phases: [OrderPhase(untilMg: 0, step: 10, percent: true, everyDays: 1)], startDay: "2026-12-01"))
    }

    @Test func aSecondBenzodiazepinePRNIsDuplicateTherapyButChangingTheSameOrderIsNot() {
        let first = order(5, prn)
        #expect(OrderChecks.warnings(prn, others: [first], protocol: p).contains { $0.contains("duplicate therapy: PRN order #5") })
        #expect(OrderChecks.warnings(prn, changing: 5, others: [first], protocol: p).isEmpty)
        var stopped = prn; stopped.status = .stopped
        #expect(OrderChecks.warnings(prn, others: [order(5, stopped)], protocol: p).isEmpty)
    }

    @Test func aTaperAboveTheCeilingInDiazepamEquivalentsWarnsWhateverTheDrug() throws {
        let ceiling = p.doseSafety.ceiling24hDiazepamMg
        let perMgLorazepam = try p.equivalence.convert(drug: "lorazepam", mg: 1).diazepamMgHigh
        let over = (ceiling / perMgLorazepam) + 1          // lorazepam mg a day just above the ceiling in DE
        let w = OrderChecks.warnings(taper("lorazepam", over), others: [], protocol: p)
        #expect(w.contains { $0.contains("lorazepam/day ≈ \(DoseText.mg(over * perMgLorazepam)) mg diazepam-equivalent is above the ward's 24-h ceiling") })
        // The same number of mg of diazepam is under it.
        #expect(OrderChecks.warnings(taper("diazepam", over), others: [], protocol: p).isEmpty)
    }
}

@Suite struct EquivalenceAcrossTablesTests {
    let q = shipped.equivalence
    @Test func lorazepamDiffersBetweenTablesAndIsAConflictWithTheRange() throws {
        // Worked example WE5: lorazepam 4 mg/day is 40 mg (Ashton) and 20 mg (VA/DoD).
        let s = try #require(q.acrossTables(drug: "lorazepam", mg: 4))
        let ashton = try q.convert(drug: "lorazepam", mg: 4, table: "ashton").diazepamMgHigh
        let vadod = try q.convert(drug: "lorazepam", mg: 4, table: "vadod2021").diazepamMgHigh
        #expect(ashton == 40 && vadod == 20)
        #expect(s.isConflict && s.diazepamMgLow == 20 && s.diazepamMgHigh == 40)
        #expect(Set(s.byTable.keys).isSuperset(of: ["ashton", "vadod2021"]))
    }

    @Test func diazepamAgreesEverywhereAndAnUnknownDrugHasNoSpread() throws {
        let s = try #require(q.acrossTables(drug: "diazepam", mg: 10))
        #expect(!s.isConflict && s.diazepamMgLow == 10 && s.diazepamMgHigh == 10)
        #expect(q.acrossTables(drug: "aspirin", mg: 10) == nil)
    }
}
