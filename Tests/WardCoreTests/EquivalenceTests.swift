import Testing
@testable import WardCore

@Suite struct EquivalenceTests {
    let eq = shipped.equivalence

    @Test func ashtonIsTheDefaultTable() {
        #expect(eq.selected == "ashton")
        #expect(Set(eq.tables.keys) == ["ashton", "who2009", "vadod2021"])
    }

    /// WE5 (facts.md §11).
    @Test(arguments: [
        ("alprazolam", 2.0, "ashton", 40.0), ("alprazolam", 2.0, "who2009", 20.0), ("alprazolam", 2.0, "vadod2021", 20.0),
        ("lorazepam", 4.0, "ashton", 40.0), ("lorazepam", 4.0, "who2009", 40.0), ("lorazepam", 4.0, "vadod2021", 20.0),
        ("temazepam", 60.0, "who2009", 30.0), ("temazepam", 60.0, "ashton", 30.0),
        ("oxazepam", 60.0, "ashton", 30.0), ("oxazepam", 60.0, "who2009", 20.0), ("oxazepam", 60.0, "vadod2021", 20.0),
    ]) func we5(drug: String, mg: Double, table: String, diazepam: Double) throws {
        let r = try eq.convert(drug: drug, mg: mg, table: table)
        #expect(r.diazepamMg == diazepam)
        #expect(r.diazepamMgLow == diazepam && r.diazepamMgHigh == diazepam)
        #expect(r.table == table)
        #expect(!r.source.isEmpty)
    }

    /// WHO 2009 Table 8 as printed, "x mg ≈ 5 mg diazepam" (facts.md §13): the protocol
    /// stores it per 10 mg, so x mg of each drug must convert to exactly 5 mg.
    @Test(arguments: [
        ("alprazolam", 0.5), ("bromazepam", 3.0), ("clobazam", 10.0), ("flunitrazepam", 1.0), ("lorazepam", 0.5),
        ("lormetazepam", 0.75), ("midazolam", 2.5), ("nitrazepam", 5.0), ("oxazepam", 15.0), ("temazepam", 10.0),
        ("triazolam", 0.25),
    ]) func who2009Table8AsPrinted(drug: String, mgPerFiveDiazepam: Double) throws {
        let r = try eq.convert(drug: drug, mg: mgPerFiveDiazepam, table: "who2009")
        #expect(abs((r.diazepamMg ?? -1) - 5) < 1e-9)
    }

    @Test func who2009ListsElevenDrugsBesidesDiazepam() {
        #expect(eq.tables["who2009"]!.doses.count == 12)
    }

    /// VA/DoD 2021 column of ASAM 2025 Table 7, "mg ≈ diazepam 10 mg" (facts.md §6.2, §13).
    @Test(arguments: [
        ("alprazolam", 1.0), ("chlordiazepoxide", 25.0), ("clonazepam", 1.0), ("clorazepate", 15.0), ("estazolam", 1.0),
        ("flurazepam", 15.0), ("lorazepam", 2.0), ("oxazepam", 30.0), ("quazepam", 10.0), ("temazepam", 15.0),
        ("triazolam", 0.25),
    ]) func vaDoD2021AsPrinted(drug: String, mgPerTenDiazepam: Double) throws {
        let r = try eq.convert(drug: drug, mg: mgPerTenDiazepam, table: "vadod2021")
        #expect(abs((r.diazepamMg ?? -1) - 10) < 1e-9)
    }

    /// Flunitrazepam: WHO 1 mg ≈ 5 mg, Ashton 1 mg ≈ 10 mg — a 2× conflict (facts.md §13).
    @Test func flunitrazepamIsAConflictAcrossTables() throws {
        let s = try #require(eq.acrossTables(drug: "flunitrazepam", mg: 1))
        #expect(s.isConflict)
        #expect(s.diazepamMgLow == 5 && s.diazepamMgHigh == 10)
    }

    @Test func rangesStayRanges() throws {
        let r = try eq.convert(drug: "bromazepam", mg: 10)
        #expect(r.diazepamMg == nil)
        #expect(abs(r.diazepamMgLow - 100.0 / 6) < 1e-9)
        #expect(r.diazepamMgHigh == 20)
    }

    @Test func zDrugsAreListedAndFlagged() throws {
        let r = try eq.convert(drug: "Zopiclone", mg: 7.5)
        #expect(r.isZDrug && r.diazepamMg == 5)
        #expect(try eq.convert(drug: "diazepam", mg: 10).isZDrug == false)
    }

    @Test func unknownDrugOrTableIsRefusedWithTheList() {
        do { _ = try eq.convert(drug: "zopiclone", mg: 7.5, table: "who2009"); Issue.record("accepted") } catch {
            #expect(error.message.contains("who2009"))
            #expect(error.message.contains("lorazepam"))
        }
        #expect(throws: EquivalenceError.self) { try eq.convert(drug: "diazepam", mg: 5, table: "bnf") }
        #expect(throws: EquivalenceError.self) { try eq.convert(drug: "diazepam", mg: -1) }
    }

    /// Property: conversion is linear in the dose, for every drug of every table.
    @Test func conversionIsLinear() throws {
        var rng = SeededRandom(seed: 7)
        for (name, table) in eq.tables {
            for drug in table.doses.keys {
                let a = Double.random(in: 0.1...50, using: &rng), k = Double.random(in: 0.1...10, using: &rng)
                let one = try eq.convert(drug: drug, mg: a, table: name)
                let scaled = try eq.convert(drug: drug, mg: a * k, table: name)
                #expect(abs(scaled.diazepamMgLow - k * one.diazepamMgLow) < 1e-9 * max(1, scaled.diazepamMgLow))
                #expect(abs(scaled.diazepamMgHigh - k * one.diazepamMgHigh) < 1e-9 * max(1, scaled.diazepamMgHigh))
                let sum = try eq.total([(drug, a), (drug, a * k)], table: name)
                #expect(abs(sum.diazepamMgHigh - (one.diazepamMgHigh + scaled.diazepamMgHigh)) < 1e-9 * max(1, sum.diazepamMgHigh))
            }
        }
    }

    @Test func totalDailyOverSeveralDrugs() throws {
        let t = try eq.total([("alprazolam", 1), ("temazepam", 20)])
        #expect(t.diazepamMg == 30)
        let ranged = try eq.total([("diazepam", 10), ("bromazepam", 6)])
        #expect(ranged.diazepamMg == nil)
        #expect(ranged.diazepamMgLow == 20 && ranged.diazepamMgHigh == 22)
    }
}
