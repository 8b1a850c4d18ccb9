import Foundation
import Testing

/// `wardline calc` as scripts use it: JSON with camelCase keys, and exit
/// code 2 with a one-line message naming the argument for bad input.
@Suite struct CalcCLITests {
    func json(_ args: [String]) throws -> [String: Any] {
        let r = try runProcess(Paths.binary, ["calc"] + args + ["--json"])
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

    @Test func taperEndsAtTarget() throws {
        let j = try json(["taper", "--start-mg", "40", "--phase", "20:4:14", "--phase", "10:2:14"])
        let steps = try #require(j["steps"] as? [[String: Any]])
        #expect(steps.first?["dailyMg"] as? Double == 40)
        #expect(steps.last?["dailyMg"] as? Double == 10)
        #expect(j["endDay"] as? Int == steps.last?["day"] as? Int)
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
        let r = try runProcess(Paths.binary, ["calc"] + args)
        #expect(r.status == 2)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(r.stderr.contains(named))
        #expect(r.stderr.contains("accepted"))
    }
}
