import Foundation
import Testing
import WardCore

/// `wardline calc` as scripts use it: JSON with camelCase keys, and exit
/// code 2 with a one-line message naming the argument for bad input.
@Suite struct CalcCLITests {
    func json(_ args: [String]) throws -> [String: Any] {
        let r = try runWardline(["calc"] + args + ["--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        return try #require(obj as? [String: Any])
    }

    @Test func news2WorkedExampleOne() throws {
        // facts.md WE1: RR 22, SpO2 95 scale 1, air, SBP 105, pulse 112, alert, 38.4 °C → 7, high.
        let j = try json(["news2", "--rr", "22", "--spo2", "95", "--air", "--sbp", "105", "--pulse", "112",
                          "--acvpu", "A", "--temp", "38.4"])
        #expect(j["total"] as? Int == 7)
        #expect(j["risk"] as? String == "high")
        #expect(j["singleRed"] as? Bool == false)
        let p = try #require(j["parameters"] as? [String: Int])
        #expect(p == ["respirationRate": 2, "spo2": 1, "airOrOxygen": 0, "systolicBP": 1, "pulse": 2,
                      "consciousness": 0, "temperature": 1])
        #expect(j["monitoring"] is String)
    }

    @Test func ciwaArWorkedExampleFour() throws {
        let j = try json(["ciwa-ar", "--items", "1,2,1,2,1,0,1,0,1,0"])
        #expect(j["total"] as? Int == 9)
        #expect(j["band"] is String)
        #expect((j["source"] as? String)?.isEmpty == false)
    }

    @Test func equivalenceKeepsRanges() throws {
        let a = try json(["equivalent", "--drug", "alprazolam", "--mg", "2"])
        #expect(a["diazepamMg"] as? Double == 40)
        #expect(a["table"] as? String == "ashton")
        let w = try json(["equivalent", "--drug", "alprazolam", "--mg", "2", "--table", "who2009"])
        #expect(w["diazepamMg"] as? Double == 20)
        let b = try json(["equivalent", "--drug", "bromazepam", "--mg", "6"])
        #expect(b["diazepamMgRange"] as? [Double] == [10, 12])
    }

    /// WE5: lorazepam 4 mg is 40 mg under Ashton and WHO but 20 mg under VA/DoD — a CONFLICT
    /// with its range and each table's value, never CONFIRMED.
    @Test func aConversionTheTablesDisagreeOnIsAConflictWithItsRange() throws {
        let j = try json(["equivalent", "--drug", "lorazepam", "--mg", "4"])
        #expect(j["diazepamMg"] as? Double == 40)
        #expect(j["status"] as? String == "CONFLICT")
        #expect(j["conflict"] as? Bool == true)
        #expect(j["acrossTablesRange"] as? [Double] == [20, 40])
        let by = try #require(j["byTable"] as? [String: [Double]])
        #expect(by == ["ashton": [40, 40], "who2009": [40, 40], "vadod2021": [20, 20]])
        let r = try runWardline(["calc", "equivalent", "--drug", "lorazepam", "--mg", "4"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("CONFLICT: the tables give 20–40 mg — ashton 40 mg, vadod2021 20 mg, who2009 40 mg"))
        #expect(r.stdout.contains("(CONFLICT)") && !r.stdout.contains("CONFIRMED"))
        // Chlordiazepoxide: every table listing it agrees (25 mg) — no conflict.
        let c = try json(["equivalent", "--drug", "chlordiazepoxide", "--mg", "25"])
        #expect(c["conflict"] as? Bool == false)
        #expect(c["acrossTablesRange"] as? [Double] == [10, 10])
    }

    /// Designer benzodiazepines are recognised, and answered with "no agreed equivalent" and exit 3, no number.
    @Test(arguments: ["etizolam", "Bromazolam", "flualprazolam"]) func designerBenzodiazepineHasNoAgreedEquivalent(drug: String) throws {
        let r = try runWardline(["calc", "equivalent", "--drug", drug, "--mg", "1"])
        #expect(r.status == 3, "\(r.stdout) \(r.stderr)")
        #expect(r.stdout.contains("\(drug.lowercased()): no agreed diazepam equivalent (UNCONFIRMED) — "))
        #expect(!r.stdout.contains("not in the") && !r.stdout.contains("≈"))
        let j = try runWardline(["calc", "equivalent", "--drug", drug, "--mg", "1", "--json"])
        #expect(j.status == 3)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])
        #expect(obj["noAgreedEquivalent"] as? Bool == true)
        #expect(obj["status"] as? String == "UNCONFIRMED")
        #expect(obj["diazepamMg"] == nil)
    }

    /// A geometric inpatient plan, 8 % of the current dose a day in 0.1 mg steps (so rounding stays under 10 %):
    /// no warning on the inpatient profile, the ASAM warning on the default outpatient one.
    @Test func taperGuardRailFollowsTheProfile() throws {
        let args = ["taper", "--start-mg", "40", "--phase", "20:8%:1", "--percent-of", "current", "--round-mg", "0.1"]
        let inpatient = try json(args + ["--profile", "inpatient"])
        #expect((inpatient["warnings"] as? [String])?.isEmpty == true)
        let outpatient = try json(args)
        let w = try #require(outpatient["warnings"] as? [String])
        #expect(w.count == 1 && w[0].contains("outpatient (ASAM)"))
        let bad = try runWardline(["calc"] + args + ["--profile", "ward"])
        #expect(bad.status == 2 && bad.stderr.contains("--profile: 'ward' is not accepted; accepted: outpatient, inpatient"))
    }

    @Test func taperEndsAtTarget() throws {
        let j = try json(["taper", "--start-mg", "40", "--phase", "20:4:14", "--phase", "10:2:14"])
        let steps = try #require(j["steps"] as? [[String: Any]])
        #expect(steps.first?["dailyMg"] as? Double == 40)
        #expect(steps.last?["dailyMg"] as? Double == 10)
        #expect(j["endDay"] as? Int == steps.last?["day"] as? Int)
    }

    /// Repeated --drug/--mg pairs: every pair and the total, from the table in force.
    @Test func equivalenceOfTwoPairsAndTheirTotal() throws {
        let q = ProtocolLoader.builtInDefault().equivalence
        let alprazolam = try #require(q.table.doses["alprazolam"]), zopiclone = try #require(q.table.doses["zopiclone"])
        #expect(!alprazolam.isRange && !zopiclone.isRange)
        let a = 2 * q.referenceDiazepamMg / alprazolam.low, z = 7.5 * q.referenceDiazepamMg / zopiclone.low
        let args = ["equivalent", "--drug", "alprazolam", "--mg", "2", "--drug", "zopiclone", "--mg", "7.5"]
        let j = try json(args)
        #expect(j["totalDiazepamMg"] as? Double == a + z)
        #expect(j["totalDiazepamMgRange"] as? [Double] == [a + z, a + z])
        #expect(j["table"] as? String == q.selected)
        let drugs = try #require(j["drugs"] as? [[String: Any]])
        #expect(drugs.map { $0["drug"] as? String } == ["alprazolam", "zopiclone"])
        #expect(drugs.map { $0["mg"] as? Double } == [2, 7.5])
        #expect(drugs.map { $0["diazepamMg"] as? Double } == [a, z])
        #expect(drugs.map { $0["diazepamMgRange"] as? [Double] } == [[a, a], [z, z]])

        let r = try runWardline(["calc"] + args)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("alprazolam 2 mg ≈ diazepam \(DoseText.mg(a)) mg"))
        #expect(r.stdout.contains("zopiclone 7.5 mg ≈ diazepam \(DoseText.mg(z)) mg [Z-drug]"))
        #expect(r.stdout.contains("Total ≈ diazepam \(DoseText.mg(a + z)) mg"))
    }

    /// A range anywhere makes the total a range: `totalDiazepamMg` is null.
    @Test func aRangeMakesTheTotalARange() throws {
        let q = ProtocolLoader.builtInDefault().equivalence
        let alprazolam = try #require(q.table.doses["alprazolam"]), bromazepam = try #require(q.table.doses["bromazepam"])
        #expect(bromazepam.isRange)
        let j = try json(["equivalent", "--drug", "alprazolam", "--mg", "2", "--drug", "bromazepam", "--mg", "6"])
        #expect(j["totalDiazepamMg"] is NSNull)
        let a = 2 * q.referenceDiazepamMg / alprazolam.low
        #expect(j["totalDiazepamMgRange"] as? [Double] == [a + 6 * q.referenceDiazepamMg / bromazepam.high,
                                                           a + 6 * q.referenceDiazepamMg / bromazepam.low])
        #expect(j["drug"] == nil)   // the single-pair keys only when there is one pair
    }

    @Test func mismatchedDrugAndMgCountsExitTwo() throws {
        let r = try runWardline(["calc", "equivalent", "--drug", "alprazolam", "--mg", "2", "--drug", "zopiclone"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(r.stderr.contains("2 --drug") && r.stderr.contains("1 --mg"), "\(r.stderr)")
    }

    /// `--drug lorazepam`: the plan in lorazepam mg, each step with its diazepam equivalent.
    @Test func taperOfAnotherDrugShowsTheDiazepamEquivalent() throws {
        let p = ProtocolLoader.builtInDefault()
        let lorazepam = try #require(p.equivalence.table.doses["lorazepam"])
        let j = try json(["taper", "--drug", "lorazepam", "--start-mg", "8", "--phase", "4:1:7"])
        #expect(j["drug"] as? String == "lorazepam")
        let steps = try #require(j["steps"] as? [[String: Any]])
        #expect(steps.compactMap { $0["dailyMg"] as? Double } == [8, 7, 6, 5, 4])
        for s in steps {
            let mg = try #require(s["dailyMg"] as? Double)
            #expect(s["diazepamMg"] as? Double == mg * p.equivalence.referenceDiazepamMg / lorazepam.low)
        }
        let warnings = try #require(j["warnings"] as? [String])
        #expect(warnings.contains { $0.contains("stabilisation cap") && $0.contains("lorazepam") })
        #expect(warnings.contains { $0.contains("no ward stock is listed for lorazepam") })

        let text = try runWardline(["calc", "taper", "--drug", "lorazepam", "--start-mg", "8", "--phase", "4:1:7"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("day 0: 8 mg/day ≈ \(DoseText.mg(8 * p.equivalence.referenceDiazepamMg / lorazepam.low)) mg/day diazepam"))
    }

    /// Without --drug the plan stays diazepam, rounded to diazepam stock (scored halves kept).
    @Test func taperWithoutDrugIsDiazepam() throws {
        let j = try json(["taper", "--start-mg", "20", "--phase", "10:2.5:14"])
        #expect(j["drug"] as? String == "diazepam")
        let steps = try #require(j["steps"] as? [[String: Any]])
        #expect(steps.compactMap { $0["dailyMg"] as? Double } == [20, 17.5, 15, 12.5, 10])
        #expect(steps.allSatisfy { ($0["diazepamMg"] as? Double) == ($0["dailyMg"] as? Double) })
    }

    @Test(arguments: [
        (["news2", "--rr", "999", "--spo2", "95", "--air", "--sbp", "105", "--pulse", "112", "--acvpu", "A", "--temp", "38.4"], "--rr"),
        (["news2", "--rr", "20", "--spo2", "95", "--air", "--sbp", "105", "--pulse", "112", "--acvpu", "Q", "--temp", "38.4"], "--acvpu"),
        (["ciwa-b", "--items", "1,2"], "--items"),
        (["ciwa-ar", "--items", "8,0,0,0,0,0,0,0,0,0"], "--items"),
        (["equivalent", "--drug", "nosuchdrug", "--mg", "2"], "--drug"),
        (["taper", "--start-mg", "40", "--phase", "20:4"], "--phase"),
    ])
    func badArgumentsExitTwoNamingTheArgument(args: [String], named: String) throws {
        let r = try runWardline(["calc"] + args)
        #expect(r.status == 2)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(r.stderr.contains(named))
        #expect(r.stderr.contains("accepted"))
    }
}
