import Foundation
import Testing
@testable import WardCore

@Suite struct ObservationClockTests {
    let p = shipped
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }
    var clock: ObservationClock { ObservationClock(p) }

    func ciwa(_ h: ObservationHistory, _ now: Date) -> ObservationDue {
        clock.due(h, now: now).first { $0.kind == .withdrawal(.ciwaB) }!
    }

    @Test func bandIntervalThenStatusesOverTime() throws {
        let total = 30   // CIWA-B moderate in the shipped bands
        let band = try #require(p.band(.ciwaB, total: total))
        let minutes = Double(try #require(p.reassessment.interval(.ciwaB, band: band.name)))
        let h = ObservationHistory(admittedAt: at(-600), scales: [.ciwaB],
                                   latestScores: [.ciwaB: TimedTotal(scale: .ciwaB, total: total, takenAt: t0)])
        let soon = Double(p.observations.dueSoonMinutes), stale = Double(p.observations.staleAfterMinutes)
        #expect(ciwa(h, t0).dueAt == at(minutes))
        #expect(ciwa(h, at(minutes - soon - 1)).status == .upcoming)
        #expect(ciwa(h, at(minutes - soon)).status == .due)
        #expect(ciwa(h, at(minutes)).status == .due)
        #expect(ciwa(h, at(minutes + 1)).status == .overdue)
        #expect(ciwa(h, at(minutes + stale)).status == .overdue)
        #expect(ciwa(h, at(minutes + stale + 1)).status == .stale)
    }

    @Test func aHigherBandBringsTheNextScoreForward() throws {
        let moderate = 30, severe = 50
        let iMod = try #require(p.reassessment.interval(.ciwaB, band: p.band(.ciwaB, total: moderate)!.name))
        let iSev = try #require(p.reassessment.interval(.ciwaB, band: p.band(.ciwaB, total: severe)!.name))
        #expect(iSev < iMod)
        var h = ObservationHistory(admittedAt: at(-600), scales: [.ciwaB],
                                   latestScores: [.ciwaB: TimedTotal(scale: .ciwaB, total: moderate, takenAt: t0)])
        #expect(ciwa(h, t0).dueAt == at(Double(iMod)))
        h.latestScores[.ciwaB] = TimedTotal(scale: .ciwaB, total: severe, takenAt: at(30))
        #expect(ciwa(h, at(30)).dueAt == at(30 + Double(iSev)))
        h.latestScores[.ciwaB] = TimedTotal(scale: .ciwaB, total: 5, takenAt: at(60))
        let iMild = try #require(p.reassessment.interval(.ciwaB, band: p.band(.ciwaB, total: 5)!.name))
        #expect(ciwa(h, at(60)).dueAt == at(60 + Double(iMild)))
    }

    @Test func aPRNDoseBringsReassessmentForwardOnlyWhenSooner() {
        let after = Double(p.reassessment.afterPRNMinutes)
        var h = ObservationHistory(admittedAt: at(-600), scales: [.ciwaB],
                                   latestScores: [.ciwaB: TimedTotal(scale: .ciwaB, total: 30, takenAt: t0)],
                                   lastPRNAt: at(10))
        let band = Double(p.reassessment.interval(.ciwaB, band: "moderate")!)
        #expect(ciwa(h, at(10)).dueAt == at(min(band, 10 + after)))
        // A PRN before the last score is already followed by that score.
        h.lastPRNAt = at(-10)
        #expect(ciwa(h, at(10)).dueAt == at(band))
    }

    @Test func vitalsFollowNEWS2Frequency() {
        var h = ObservationHistory(admittedAt: at(-600), scales: [],
                                   latestVitals: TimedVitals(vitals(), at: t0))
        let lowZero = p.news2.score(vitals(), scale2: false).response.monitoringMinutes
        let v = clock.due(h, now: t0).first { $0.kind == .vitals }!
        #expect(v.dueAt == at(Double(lowZero)))
        // WE2 (single red): 1-hourly.
        h.latestVitals = TimedVitals(vitals(acvpu: .confusion), at: t0)
        let red = p.news2.singleRed.monitoringMinutes
        #expect(clock.due(h, now: t0).first { $0.kind == .vitals }!.dueAt == at(Double(red)))
        // WE1 (high): continuous.
        h.latestVitals = TimedVitals(vitals(rr: 22, spo2: 95, sbp: 105, pulse: 112, temp: 38.4), at: t0)
        #expect(clock.due(h, now: t0).first { $0.kind == .vitals }!.status == .continuous)
    }

    @Test func nothingRecordedIsDueFromAdmission() {
        let h = ObservationHistory(admittedAt: t0, scales: [.ciwaB])
        let all = clock.due(h, now: at(1))
        #expect(all.count == 3)
        #expect(all.allSatisfy { $0.dueAt == t0 && $0.status == .overdue })
    }

    @Test func exceptionDefersUntilItEnds() {
        let h = ObservationHistory(admittedAt: at(-600), scales: [], latestSedation: TimedSedation(.rass(0), at: t0),
                                   exceptions: [MonitoringException(kind: .sedation, until: at(600), reason: "asleep")])
        let s = clock.due(h, now: at(300)).first { $0.kind == .sedation }!
        #expect(s.status == .deferred && s.dueAt == at(600))
        let after = clock.due(h, now: at(601)).first { $0.kind == .sedation }!
        #expect(after.status != .deferred)
    }
}

/// The step-down rule (CCJM for CIWA-Ar in the shipped protocol): a run of low
/// scores lengthens the interval stage by stage; a higher score ends the run.
@Suite struct StepDownTests {
    static let proto = ProtocolLoader.builtInDefault()
    static let now = FixedClock(iso8601: "2026-11-28T12:00:00Z").now()

    static func scores(_ totals: [Int]) -> [TimedTotal] {       // newest first, an hour apart, the newest 10 min ago
        totals.enumerated().map { i, t in TimedTotal(scale: .ciwaAr, total: t, takenAt: now.addingTimeInterval(-600 - Double(i) * 3600)) }
    }

    @Test func theRuleIsInTheProtocolWithItsSource() throws {
        let sd = try #require(Self.proto.reassessment.stepDown[.ciwaAr])
        #expect(sd.provenance.source.contains("[S10]"))
        #expect(sd.provenance.status == .unconfirmed)
    }

    @Test func stagesFollowTheLengthOfTheLowRun() throws {
        let sd = try #require(Self.proto.reassessment.stepDown[.ciwaAr])
        let low = sd.below - 1
        #expect(sd.interval(after: Self.scores([low, low])) == nil)
        for run in [sd.consecutive, 2 * sd.consecutive - 1] {
            #expect(sd.interval(after: Self.scores(Array(repeating: low, count: run)))?.minutes == sd.intervalsMinutes[0])
        }
        for run in [2 * sd.consecutive, 5 * sd.consecutive] {
            #expect(sd.interval(after: Self.scores(Array(repeating: low, count: run)))?.minutes == sd.intervalsMinutes.last)
        }
        // A score at the threshold ends the run, even with lows before it.
        #expect(sd.interval(after: Self.scores([low, sd.below] + Array(repeating: low, count: 9))) == nil)
    }

    @Test func theClockSchedulesTheNextCheckAtTheSteppedInterval() throws {
        let sd = try #require(Self.proto.reassessment.stepDown[.ciwaAr])
        let recent = Self.scores(Array(repeating: sd.below - 1, count: 2 * sd.consecutive))
        let h = ObservationHistory(admittedAt: Self.now.addingTimeInterval(-86_400 * 3), scales: [.ciwaAr],
                                   latestScores: [.ciwaAr: recent[0]], recentScores: [.ciwaAr: recent])
        let due = try #require(ObservationClock(Self.proto).due(h, now: Self.now).first { $0.kind == .withdrawal(.ciwaAr) })
        let stepped = try #require(sd.intervalsMinutes.last)
        #expect(due.dueAt == recent[0].takenAt.addingTimeInterval(TimeInterval(stepped * 60)))
        #expect(due.reason.contains("below \(sd.below) on \(recent.count) checks in a row"))
        // Without the rule (a ward that removed the table): the band's interval.
        var without = Self.proto
        without.reassessment.stepDown = [:]
        let plain = try #require(ObservationClock(without).due(h, now: Self.now).first { $0.kind == .withdrawal(.ciwaAr) })
        let band = try #require(Self.proto.band(.ciwaAr, total: sd.below - 1))
        let minutes = try #require(Self.proto.reassessment.interval(.ciwaAr, band: band.name))
        #expect(plain.dueAt == recent[0].takenAt.addingTimeInterval(TimeInterval(minutes * 60)))
        #expect(plain.dueAt < due.dueAt)
    }
}
