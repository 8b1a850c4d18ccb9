import Testing
@testable import WardCore

@Suite struct NEWS2Tests {
    let rules = shipped.news2

    @Test func we1HighRisk() {
        let s = rules.score(vitals(rr: 22, spo2: 95, sbp: 105, pulse: 112, acvpu: .alert, temp: 38.4), scale2: false)
        #expect(s.parameters == NEWS2Parameters(respirationRate: 2, spo2: 1, airOrOxygen: 0, systolicBP: 1, pulse: 2,
                                                consciousness: 0, temperature: 1))
        #expect(s.total == 7)
        #expect(s.risk == .high)
        #expect(s.response.monitoringMinutes == 0)
        #expect(s.response.monitoring.contains("continuous"))
        #expect(!s.singleRed)
    }

    @Test func we2SingleRedRaisesLowToLowMedium() {
        let s = rules.score(vitals(rr: 18, spo2: 97, sbp: 125, pulse: 78, acvpu: .confusion, temp: 36.8), scale2: false)
        #expect(s.total == 3)
        #expect(s.parameters.consciousness == 3)
        #expect(s.singleRed)
        #expect(s.risk == .lowMedium)
        #expect(s.response.monitoringMinutes == 60)
        #expect(s.response.response.contains("medical team"))
    }

    @Test func we3Scale2VersusScale1() {
        let v = vitals(rr: 20, spo2: 90, oxygen: true, sbp: 130, pulse: 88, acvpu: .alert, temp: 37.0)
        let s2 = rules.score(v, scale2: true)
        #expect(s2.parameters.spo2 == 0 && s2.parameters.airOrOxygen == 2)
        #expect(s2.total == 2 && s2.risk == .low && s2.response.monitoringMinutes == 240)
        let s1 = rules.score(v, scale2: false)
        #expect(s1.parameters.spo2 == 3)
        #expect(s1.total == 5 && s1.risk == .medium && s1.response.monitoringMinutes == 60)
        #expect(rules.score(vitals(spo2: 95, oxygen: false), scale2: true).parameters.spo2 == 0)
        #expect(rules.score(vitals(spo2: 95, oxygen: true), scale2: true).parameters.spo2 == 2)
    }

    /// Every band edge of the RCP chart, on both sides (facts.md 4.1).
    @Test(arguments: [
        (8, 3), (9, 1), (11, 1), (12, 0), (20, 0), (21, 2), (24, 2), (25, 3),
    ]) func respirationRateEdges(value: Int, score: Int) {
        #expect(rules.score(vitals(rr: value), scale2: false).parameters.respirationRate == score)
    }

    @Test(arguments: [(91, 3), (92, 2), (93, 2), (94, 1), (95, 1), (96, 0), (100, 0)])
    func spo2Scale1Edges(value: Int, score: Int) {
        #expect(rules.score(vitals(spo2: value), scale2: false).parameters.spo2 == score)
        #expect(rules.score(vitals(spo2: value, oxygen: true), scale2: false).parameters.spo2 == score)
    }

    @Test(arguments: [(83, 3), (84, 2), (85, 2), (86, 1), (87, 1), (88, 0), (92, 0), (93, 0), (97, 0), (100, 0)])
    func spo2Scale2OnAirEdges(value: Int, score: Int) {
        #expect(rules.score(vitals(spo2: value, oxygen: false), scale2: true).parameters.spo2 == score)
    }

    @Test(arguments: [(83, 3), (84, 2), (85, 2), (86, 1), (87, 1), (88, 0), (92, 0), (93, 1), (94, 1),
                      (95, 2), (96, 2), (97, 3), (100, 3)])
    func spo2Scale2OnOxygenEdges(value: Int, score: Int) {
        #expect(rules.score(vitals(spo2: value, oxygen: true), scale2: true).parameters.spo2 == score)
    }

    @Test(arguments: [(90, 3), (91, 2), (100, 2), (101, 1), (110, 1), (111, 0), (219, 0), (220, 3)])
    func systolicEdges(value: Int, score: Int) {
        #expect(rules.score(vitals(sbp: value), scale2: false).parameters.systolicBP == score)
    }

    @Test(arguments: [(40, 3), (41, 1), (50, 1), (51, 0), (90, 0), (91, 1), (110, 1), (111, 2), (130, 2), (131, 3)])
    func pulseEdges(value: Int, score: Int) {
        #expect(rules.score(vitals(pulse: value), scale2: false).parameters.pulse == score)
    }

    @Test(arguments: [(35.0, 3), (35.1, 1), (36.0, 1), (36.1, 0), (38.0, 0), (38.1, 1), (39.0, 1), (39.1, 2),
                      (34.0, 3), (41.0, 2), (36.04, 1), (36.06, 0)])
    func temperatureEdges(value: Double, score: Int) {
        #expect(rules.score(vitals(temp: value), scale2: false).parameters.temperature == score)
    }

    @Test func airOxygenAndConsciousness() {
        #expect(rules.score(vitals(oxygen: false), scale2: false).parameters.airOrOxygen == 0)
        #expect(rules.score(vitals(oxygen: true), scale2: false).parameters.airOrOxygen == 2)
        for level in ACVPU.allCases {
            let expected = level == .alert ? 0 : 3
            #expect(rules.score(vitals(acvpu: level), scale2: false).parameters.consciousness == expected)
        }
    }

    /// Aggregate risk by total: 0 low (12-hourly), 1–4 low (4–6-hourly), 5–6 medium, 7+ high.
    @Test func aggregateTiers() {
        let zero = rules.score(vitals(), scale2: false)
        #expect(zero.total == 0 && zero.risk == .low && zero.response.monitoringMinutes == 720)
        let four = rules.score(vitals(rr: 21, pulse: 111), scale2: false)   // 2 + 2
        #expect(four.total == 4 && four.risk == .low && four.response.monitoringMinutes == 240)
        let five = rules.score(vitals(rr: 21, pulse: 111, temp: 38.1), scale2: false)   // 2 + 2 + 1
        #expect(five.total == 5 && five.risk == .medium)
        let six = rules.score(vitals(rr: 21, pulse: 111, temp: 39.1), scale2: false)
        #expect(six.total == 6 && six.risk == .medium && !six.singleRed)
        let seven = rules.score(vitals(rr: 21, pulse: 111, temp: 39.1).with(sbp: 105), scale2: false)
        #expect(seven.total == 7 && seven.risk == .high)
        // A single red inside a medium total stays medium (not lowered).
        let redMedium = rules.score(vitals(rr: 25, pulse: 111), scale2: false)
        #expect(redMedium.total == 5 && redMedium.singleRed && redMedium.risk == .medium)
    }

    @Test func maximumTotalIsTwenty() {
        let worst = rules.score(vitals(rr: 5, spo2: 80, oxygen: true, sbp: 80, pulse: 30, acvpu: .unresponsive, temp: 34), scale2: false)
        #expect(worst.total == 20)
        #expect(rules.maxTotal == 20)
    }

    @Test func escalationFollowsProtocol() {
        let e = shipped.escalation
        #expect(e.reasons(rules.score(vitals(), scale2: false)).isEmpty)
        #expect(e.reasons(rules.score(vitals(acvpu: .voice), scale2: false)).count == 1)
        #expect(e.reasons(rules.score(vitals(rr: 21, pulse: 111, temp: 38.1), scale2: false)).count == 1)
    }

    @Test func entryLimitsNameTheField() {
        let l = shipped.entryLimits
        #expect(throws: VitalSignsError.self) { try l.check(vitals(rr: 0)) }
        do { try l.check(vitals(temp: 50)); Issue.record("50 °C accepted") } catch {
            #expect(error.field == "temperature")
            #expect(error.message.contains("25–45"))
        }
        #expect(throws: Never.self) { try l.check(vitals()) }
    }
}

extension VitalSigns {
    func with(sbp: Int) -> VitalSigns { var v = self; v.systolic = sbp; return v }
}
